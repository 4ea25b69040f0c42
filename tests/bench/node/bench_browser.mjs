#!/usr/bin/env node
// Chromium timing run: headless Debian Chromium (playwright-core), the site served by
// scripts/serve.mjs from the benchmark's own directory:
//
//   <root>/site/      the site (index.html, precis/precis.mjs, precis/precis-core.{js,wasm})
//   <root>/inputs/    the request files of tests/bench/make_inputs.mjs
//   <root>/page/      an empty page for the benchmark (written here)
//
//   node tests/bench/node/bench_browser.mjs [--root build/bench] [--out build/bench/results/browser.json]
//        [--only REGEX] [--cold-runs 5]
//
// Measures
//   cold start: in a fresh browser context (empty HTTP and code caches): import precis.mjs,
//     createSummarizer() (fetch + compile + instantiate the wasm), first summary of the seeds;
//     the median of --cold-runs contexts, each phase reported; and as many contexts that call
//     Summarizer.warmUp() before the first summary (as the page's worker does when it starts).
//   warm: per input, a fresh instance of the once-compiled module, one warm-up run, then the
//     median of repeated summarize(request) runs (the request object in, the response object out,
//     as the page calls it; over 2 s: the median of three runs); the wasm
//     memory size afterwards (linear memory only grows, so this is the input's peak) and
//     performance.memory.usedJSHeapSize.
// Wall time (performance.now in the page) and, since these machines are shared, CPU time of the
// page's main thread (CDP Performance.getMetrics ThreadTime, around the batch of runs).
import { once } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../../scripts/serve.mjs';
import { ROOT, arg } from '../cli.mjs';

const BENCH = path.resolve(arg('--root', path.join(ROOT, 'build/bench')));
const OUT = path.resolve(arg('--out', path.join(BENCH, 'results/browser.json')));
const ONLY = arg('--only', '.');
const COLD_RUNS = Number(arg('--cold-runs', '5'));
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const log = (...a) => console.error('[chromium]', ...a);

for (const f of ['site/precis/precis.mjs', 'site/precis/precis-core.wasm', 'inputs/manifest.json']) {
  if (!existsSync(path.join(BENCH, f))) throw new Error(`${path.join(BENCH, f)} is missing (scripts/bench.sh builds it)`);
}
mkdirSync(path.join(BENCH, 'page'), { recursive: true });
writeFileSync(path.join(BENCH, 'page', 'bench.html'),
  '<!doctype html><html><head><meta charset="utf-8"><title>Précis benchmark</title></head><body></body></html>\n');

// CPU time of the page's main thread and of the renderer process (CDP Performance metrics, in ms).
async function cpuTimes(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => (metrics.find((x) => x.name === name)?.value ?? NaN) * 1000;
  return { thread: get('ThreadTime'), process: get('ProcessTime') };
}

const server = startServer({ dir: BENCH, port: 0 });
await once(server, 'listening');
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});
const results = { chromium: browser.version(), started: new Date().toISOString(), cold: null, inputs: {} };

try {
  // ---- cold start ----
  const colds = [];
  for (let i = 0; i < 2 * COLD_RUNS; ++i) {  // COLD_RUNS without warm-up, COLD_RUNS with
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${origin}/page/bench.html`);
    await page.evaluate(async () => { window.__seeds = await (await fetch('/inputs/seeds.json')).json(); });
    const before = await cpuTimes(cdp);
    // Every other context warms the module up first (Summarizer.warmUp, as worker.mjs does on
    // start): its first summary is what a reader who pastes after the page loaded waits for.
    const warm = i % 2 === 1;
    const c = await page.evaluate(async (warmUp) => {
      const t0 = performance.now();
      const mod = await import('/site/precis/precis.mjs');
      const t1 = performance.now();
      const summarizer = await mod.createSummarizer();
      const t2 = performance.now();
      if (warmUp) summarizer.warmUp();
      const tw = performance.now();
      const out = summarizer.summarize(window.__seeds);
      const t3 = performance.now();
      return { warm: warmUp, import_ms: t1 - t0, create_ms: t2 - t1, warm_up_ms: tw - t2, first_summary_ms: t3 - tw,
               total_ms: t3 - t0, ok: out.ok };
    }, warm);
    const after = await cpuTimes(cdp);
    colds.push({ ...c, thread_cpu_ms: after.thread - before.thread, process_cpu_ms: after.process - before.process });
    await context.close();
  }
  const med = (list, k) => median(list.map((c) => c[k]));
  const summary = (list) => ({
    runs: list.length, ok: list.every((c) => c.ok),
    import_ms: med(list, 'import_ms'), create_ms: med(list, 'create_ms'), warm_up_ms: med(list, 'warm_up_ms'),
    first_summary_ms: med(list, 'first_summary_ms'), total_ms: med(list, 'total_ms'),
    thread_cpu_ms: med(list, 'thread_cpu_ms'), process_cpu_ms: med(list, 'process_cpu_ms'),
  });
  results.cold = summary(colds.filter((c) => !c.warm));
  results.cold_warmed_up = colds.some((c) => c.warm) ? summary(colds.filter((c) => c.warm)) : null;
  log(`cold start (median of ${colds.length}): ${results.cold.total_ms.toFixed(0)} ms wall ` +
      `(import ${results.cold.import_ms.toFixed(0)}, fetch+compile+instantiate ${results.cold.create_ms.toFixed(0)}, ` +
      `first summary ${results.cold.first_summary_ms.toFixed(0)}); renderer CPU ${results.cold.process_cpu_ms.toFixed(0)} ms`);
  if (results.cold_warmed_up) {
    log(`  with warmUp() (median of ${results.cold_warmed_up.runs}): warm-up ${results.cold_warmed_up.warm_up_ms.toFixed(0)} ms, ` +
        `then first summary ${results.cold_warmed_up.first_summary_ms.toFixed(0)} ms`);
  }

  // ---- warm, per input ----
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => log('page error:', e.message));
  await page.goto(`${origin}/page/bench.html`);
  await page.evaluate(async () => {
    const { createSummarizer } = await import('/site/precis/precis.mjs');
    const compiled = await WebAssembly.compileStreaming(fetch('/site/precis/precis-core.wasm'));
    window.__instance = () => createSummarizer({ wasmModule: compiled });
    // Let V8 tier the hot functions up before timing, as in Node.
    const core = await window.__instance();
    const manifest = await (await fetch('/inputs/manifest.json')).json();
    const warm = manifest.inputs.find((m) => m.group === 'duc') ?? manifest.inputs[0];
    const request = await (await fetch(`/inputs/${warm.file}`)).json();
    for (let i = 0; i < 20; ++i) core.summarize(request);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const manifest = await page.evaluate(async () => (await fetch('/inputs/manifest.json')).json());
  for (const m of manifest.inputs.filter((x) => new RegExp(ONLY).test(x.name))) {
    // Fresh instance, warm-up run (timed: over 2 s it is the first of three measured runs).
    await page.evaluate(async (file) => {
      window.__request = await (await fetch(`/inputs/${file}`)).json();
      window.__core = await window.__instance();
    }, m.file);
    const before1 = await cpuTimes(cdp);
    const first = await page.evaluate(() => {
      const t0 = performance.now();
      const response = window.__core.summarize(window.__request);
      const ms = performance.now() - t0;
      return { ms, ok: response.ok, sentences: response.stats?.sentences };
    });
    const after1 = await cpuTimes(cdp);
    // Memory after the first request of a fresh instance (linear memory only grows: its peak).
    const mem = await page.evaluate(() => ({
      memory_bytes: window.__core.memoryBytes(), js_heap_bytes: performance.memory?.usedJSHeapSize ?? null,
    }));
    let runs = 1, wall = first.ms, cpu = after1.thread - before1.thread;
    if (first.ms > 2000) {
      // A long run: two more, each timed on its own; the median of the three (as in Node), so
      // that one run disturbed by the machine does not decide the growth verdict.
      const walls = [first.ms], cpus = [cpu];
      for (let k = 0; k < 2; ++k) {
        const before = await cpuTimes(cdp);
        walls.push(await page.evaluate(() => {
          const t0 = performance.now();
          window.__core.summarize(window.__request);
          return performance.now() - t0;
        }));
        const after = await cpuTimes(cdp);
        cpus.push(after.thread - before.thread);
      }
      runs = 3;
      wall = median(walls);
      cpu = median(cpus);
    } else {
      runs = Math.max(3, Math.min(30, Math.ceil(500 / Math.max(first.ms, 1))));
      const before = await cpuTimes(cdp);
      const samples = await page.evaluate((n) => {
        const out = [];
        for (let i = 0; i < n; ++i) {
          const t0 = performance.now();
          window.__core.summarize(window.__request);
          out.push(performance.now() - t0);
        }
        return out;
      }, runs);
      const after = await cpuTimes(cdp);
      wall = median(samples);
      cpu = (after.thread - before.thread) / runs;
    }
    await page.evaluate(() => { window.__core = null; window.__request = null; });
    const r = { wall_ms: wall, thread_cpu_ms: cpu, runs, ok: first.ok, sentences: first.sentences, ...mem };
    results.inputs[m.name] = { ...r, documents: m.documents, text_bytes: m.text_bytes, request_bytes: m.request_bytes, group: m.group };
    log(`${m.name}: ${wall.toFixed(1)} ms wall, ${cpu === null ? '-' : cpu.toFixed(1)} ms main-thread CPU (${runs} runs), ` +
        `wasm memory ${(r.memory_bytes / 2 ** 20).toFixed(0)} MiB`);
  }
  await context.close();
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(results, null, 1));
log(`wrote ${OUT}`);
