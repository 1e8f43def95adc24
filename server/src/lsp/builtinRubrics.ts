// Descriptions of the built-in rubrics for `presence/rubrics`, taken from the rubric data bundled with the engine.
import { engine } from './engine.js';

export function builtinDescription(name: string): string {
  const data = engine().BUILTIN_RUBRICS[name];
  return typeof data === 'object' && data !== null && 'description' in data && typeof data.description === 'string' ? data.description : '';
}
