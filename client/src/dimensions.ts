// What each scoring dimension asks of the writer, in a few words, for tooltips and the report.
import type { Dimension } from '../../server/src/engine/types.js';

export const DIMENSION_HINTS: Record<Dimension, string> = {
  impact: 'the point comes first',
  conviction: 'a clear position, no hedging',
  ownership: 'decisions and misses have named owners',
  decision: 'an explicit decision or ask',
  tradeoffs: 'costs and alternatives are stated',
  quantified: 'numbers in business terms',
  concision: 'outcomes, not activity',
  composure: 'a calm, steady tone',
  judgment: 'assumptions and revisit dates under uncertainty',
  evidence: 'priorities backed by current evidence',
};

export function hintFor(dimension: string): string {
  return (DIMENSION_HINTS as Record<string, string | undefined>)[dimension] ?? '';
}
