// Descriptions of the built-in rubrics for `presence/rubrics`, read once from the package's rubrics/ data.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function builtinDescriptions(packageRoot: string): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let d = cache.get(name);
    if (d === undefined) {
      d = '';
      try {
        const data: unknown = JSON.parse(fs.readFileSync(path.join(packageRoot, 'rubrics', `${name}.json`), 'utf8'));
        if (typeof data === 'object' && data !== null && 'description' in data && typeof data.description === 'string') d = data.description;
      } catch {
        // not shipped in this build: the list still names the rubric
      }
      cache.set(name, d);
    }
    return d;
  };
}
