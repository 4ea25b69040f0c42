// Timing of one engine's batch of runs, shared by the Node harness (bench_node.mjs) and the
// peers' workers (peer_worker.mjs), so that every engine is timed the same way in its own thread.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

// CPU time of the calling thread (the main thread, or a peer's worker) in ms:
// /proc/thread-self/schedstat (ns) where there is one, else the process's (which also counts V8's
// background compiler and GC threads). The kernel
// advances it at scheduler ticks and context switches: good for batches, not for single short runs.
export const threadCpuMs = (() => {
  try {
    readFileSync('/proc/thread-self/schedstat', 'latin1');
    return () => Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
  } catch {
    return () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
  }
})();
function timeOnce(fn) {
  const c0 = threadCpuMs();
  const t0 = performance.now();
  const result = fn();
  const wall = performance.now() - t0;
  const cpu = threadCpuMs() - c0;
  return { wall, cpu, result };
}
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
// One warm-up run, then at least 3 runs and minMs (the harness: 0.5 s / rounds). Wall: the median
// run. CPU: the batch's total over its runs (the thread's CPU clock advances in scheduler ticks, so single short runs cannot
// be timed by it). A first run over 2 s counts, and two more follow: the median of the three
// (one run of several seconds on a shared machine swung the 1,000 -> 10,000 growth by x1.5).
export function measureBatch(fn, { minRuns = 3, minMs = 100, maxRuns = 200, singleOverMs = 2000, longRuns = 3 } = {}) {
  collectGarbage?.();
  const first = timeOnce(fn);
  if (first.wall > singleOverMs) {
    const runs = [first];
    while (runs.length < longRuns) runs.push(timeOnce(fn));
    return { cpu_ms: median(runs.map((r) => r.cpu)), wall_ms: median(runs.map((r) => r.wall)), runs: runs.length, result: first.result };
  }
  const walls = [];
  let total = 0, result;
  const c0 = threadCpuMs();
  while (walls.length < minRuns || (total < minMs && walls.length < maxRuns)) {
    const t0 = performance.now();
    result = fn();
    const w = performance.now() - t0;
    walls.push(w);
    total += w;
  }
  const cpu = (threadCpuMs() - c0) / walls.length;
  return { cpu_ms: cpu, wall_ms: median(walls), runs: walls.length, result };
}

// A full garbage collection, untimed, before every timed batch (needs node --expose-gc, which
// scripts/bench.sh passes). Without it an engine paid for collecting what the engines before it
// left: lexrank's similarity matrices, wink-nlp's documents, the earlier inputs' wasm instances
// (16 MiB of memory each). Measured after the 30 DUC clusters: one article took 0.34 ms per request
// in wasm and 2.2 ms in wink-nlp; with a collection before each batch 0.20 and 1.2 ms, as in a
// process that runs that input alone (0.18 and 1.1 ms). An engine still pays for collecting the
// garbage it makes during its own batch. (In a peer's worker this collects that worker's heap.)
export const collectGarbage = typeof globalThis.gc === 'function' ? () => globalThis.gc() : null;
