// Reads custom request params defensively: clients (and other editors) may send anything.
import type { FixParams } from '../protocol.js';

function field(params: unknown, name: string): unknown {
  return typeof params === 'object' && params !== null ? (params as Record<string, unknown>)[name] : undefined;
}

/** `uri`, or `textDocument.uri` as in standard requests. */
export function readUri(params: unknown): string | undefined {
  const direct = field(params, 'uri');
  if (typeof direct === 'string' && direct !== '') return direct;
  const nested = field(field(params, 'textDocument'), 'uri');
  return typeof nested === 'string' && nested !== '' ? nested : undefined;
}

export function readTrusted(params: unknown, name: string): boolean | undefined {
  const v = field(params, name);
  return typeof v === 'boolean' ? v : undefined;
}

export function readFixParams(params: unknown): FixParams | undefined {
  const uri = readUri(params);
  const finding = field(params, 'finding');
  const title = field(params, 'title');
  const version = field(params, 'version');
  if (!uri || typeof finding !== 'number' || !Number.isInteger(finding) || typeof title !== 'string') return undefined;
  return { uri, finding, title, ...(typeof version === 'number' ? { version } : {}) };
}
