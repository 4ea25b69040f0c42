// What every benchmark script reads first: the repository root and its `--name value` options.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const args = process.argv.slice(2);

/** The value after `--name` on the command line, else `fallback`. */
export function arg(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
}

/** Milliseconds per unit of a Google Benchmark JSON entry's times (its `time_unit`). */
export const benchmarkUnitMs = (b) => ({ ns: 1e-6, us: 1e-3, ms: 1, s: 1e3 })[b.time_unit];
