// The engine, loaded in the main thread on first use. Analysis runs in the worker; the main thread needs the engine
// only for a few answers (safe fixes, hover titles, checking workspace rubrics, a failed analysis's notice), and
// loading it at start-up (about 50 ms of a cold start) delayed the answer to initialize and competed with the
// worker's own loading for the CPU.
import type * as Presence from '../presence.js';

let loaded: typeof Presence | undefined;

export function engine(): typeof Presence {
  // A require, not an import: the bundler then evaluates the engine's modules when this first runs.
  loaded ??= require('../presence.js') as typeof Presence;
  return loaded;
}
