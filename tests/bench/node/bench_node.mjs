#!/usr/bin/env node
// Node harness: the Précis wasm module and the npm peers (wink-nlp, lexrank) in one process, on the
// request files of tests/bench/make_inputs.mjs (the bytes native and Chromium also read).
//
//   node --expose-gc --max-old-space-size=8192 tests/bench/node/bench_node.mjs \
//        [--inputs build/bench/inputs] [--site build/bench/site] [--out build/bench/results/node.json]
//        [--only REGEX] [--peer-limit-s 60] [--icu-module build/bench/wasm-icu/precis-icu.js]
//        [--rounds 5] [--native build/bench/native/tests/precis_bench_native
//         [--native-out .../native.json] [--native-min-time 0.5]]
//
// With --native, each input is timed in interleaved rounds: natively (the Google Benchmark binary,
// on that input only), then in wasm, then by the peers, and again, --rounds times. Every time in
// the results is the median over the rounds (each round's time is listed beside it). Why rounds:
// on these shared machines the same code's CPU time swings by up to 2x within seconds (one
// article natively: 0.09 to 0.15 ms over the five rounds of one run), so one batch per engine, seconds
// apart, made a ratio near its target a coin toss. Interleaving spreads every engine over the same
// spells of contention, and the median drops the spells that hit one engine's round only.
// An engine whose runs take over a second is timed in the first round only (see Rounds).
//
// For each input: the module's summarize(request) (request object in, response object out, as the
// page and embedders call it; a fresh instance of the compiled module per input, so that the wasm
// memory read afterwards is that input's peak), the ICU-only time in wasm
// (segmentOnly(text, language): see icuModule below), and the peers on the concatenated text of
// the input's documents: wink-nlp readDoc + its.sentenceWiseImportance (wink-eng-lite-web-model)
// and lexrank.summarize(text, 5). A peer is skipped at a size where its predicted time (from the
// previous size, quadratic for lexrank) exceeds --peer-limit-s; the result says so.
//
// Times: the median of repeated runs after one warm-up run (over 2 s: the median of three runs); both
// the main thread's CPU time (/proc/thread-self/schedstat) and wall time (performance.now). Each
// batch starts after a full garbage collection (node --expose-gc; see collectGarbage).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ROOT, arg, benchmarkUnitMs } from '../cli.mjs';

const INPUTS = path.resolve(arg('--inputs', path.join(ROOT, 'build/bench/inputs')));
const SITE = path.resolve(arg('--site', path.join(ROOT, 'build/bench/site')));
const OUT = path.resolve(arg('--out', path.join(ROOT, 'build/bench/results/node.json')));
const NATIVE = arg('--native', null) && path.resolve(arg('--native'));
const NATIVE_OUT = path.resolve(arg('--native-out', path.join(path.dirname(OUT), 'native.json')));
const NATIVE_MIN_TIME = Number(arg('--native-min-time', '0.5'));  // seconds per benchmark, over all rounds
const ROUNDS = Math.max(1, Math.floor(Number(arg('--rounds', '5'))));
const LONG_RUN_MS = 1000;  // an engine this slow per run is timed in one round (3+ runs are seconds already)
const ICU_MODULE = path.resolve(arg('--icu-module', path.join(ROOT, 'build/bench/wasm-icu/precis-icu.js')));
const ONLY = new RegExp(arg('--only', '.'));
const PEER_LIMIT_MS = Number(arg('--peer-limit-s', '60')) * 1000;
const log = (...a) => console.error('[node]', ...a);

// ---- timing ----
// CPU time of this (the main) thread in ms: /proc/thread-self/schedstat (ns) where there is one,
// else the process's (which also counts V8's background compiler and GC threads). The kernel
// advances it at scheduler ticks and context switches: good for batches, not for single short runs.
const threadCpuMs = (() => {
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
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
// One warm-up run, then at least 3 runs and 0.5 s / rounds. Wall: the median run. CPU: the batch's total
// over its runs (the thread's CPU clock advances in scheduler ticks, so single short runs cannot
// be timed by it). A first run over 2 s counts, and two more follow: the median of the three
// (one run of several seconds on a shared machine swung the 1,000 -> 10,000 growth by x1.5).
function measure(fn, { minRuns = 3, minMs = 500 / ROUNDS, maxRuns = 200, singleOverMs = 2000, longRuns = 3 } = {}) {
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
// garbage it makes during its own batch.
const collectGarbage = typeof globalThis.gc === 'function' ? () => globalThis.gc() : null;
if (!collectGarbage) log('no global.gc (run node with --expose-gc): engines pay for each other\'s garbage');

// ---- the wasm module through its public API (precis.mjs): compiled once, instantiated per input ----
const wasmBytes = readFileSync(path.join(SITE, 'precis', 'precis-core.wasm'));
const { createSummarizer } = await import(pathToFileURL(path.join(SITE, 'precis', 'precis.mjs')).href);
const compiled = await WebAssembly.compile(wasmBytes);
const instance = () => createSummarizer({ wasmModule: compiled });
const wasmMemoryBytes = (summarizer) => summarizer.memoryBytes();

// ICU-only in wasm: segmentOnly(text, language) from the shipped module if it exports it, else
// from the benchmark-only module (tests/bench/wasm_segment_only.cpp, same core library and link
// flags), else not measured.
async function icuModule() {
  const core = await instance();
  if (typeof core.segmentOnly === 'function') return { core, source: 'segmentOnly of the shipped module' };
  if (existsSync(ICU_MODULE)) {
    const { default: create } = await import(pathToFileURL(ICU_MODULE).href);
    const icu = await create({ wasmBinary: readFileSync(ICU_MODULE.replace(/\.js$/, '.wasm')) });
    if (typeof icu.segmentOnly === 'function') return { core: icu, source: `segmentOnly of ${path.relative(ROOT, ICU_MODULE)} (benchmark-only module, same core library)` };
  }
  return { core: null, source: 'not measured: no module exports segmentOnly(text, language)' };
}

// What an embedder or the page calls: summarize(request object) -> response object (the texts
// written into the module's memory beside the JSON, the response parsed). A failed request gives
// its error response rather than stopping the benchmark.
function summarizeObject(core, request) {
  try {
    return core.summarize(request);
  } catch (e) {
    return e.response ?? { ok: false, errors: [{ code: e.code, message: e.message }] };
  }
}

// ---- peers ----
const require = createRequire(import.meta.url);
const winkNLP = require('wink-nlp');
const winkModel = require('wink-eng-lite-web-model');
const lexrank = require('lexrank');
const nlp = winkNLP(winkModel);
const its = nlp.its;
const peers = {
  wink: {
    exponent: 1,
    run(text) {
      const doc = nlp.readDoc(text);
      const importance = doc.out(its.sentenceWiseImportance);
      return importance.length;
    },
  },
  lexrank: {
    exponent: 2,  // a sentence-by-sentence similarity matrix
    run(text) {
      let lines = 0;
      lexrank.summarize(text, 5, (err, top) => {
        if (err) throw err;
        lines = top.length;
      });
      return lines;
    },
  },
};

// ---- run ----
const manifest = JSON.parse(readFileSync(path.join(INPUTS, 'manifest.json'), 'utf8'));
const inputs = manifest.inputs.filter((m) => ONLY.test(m.name));
const results = {
  node: process.version, v8: process.versions.v8, started: new Date().toISOString(),
  peer_limit_ms: PEER_LIMIT_MS, rounds: ROUNDS, gc_before_batches: collectGarbage !== null, wasm_icu_only: null, inputs: {},
};

// Warm the compiled code (V8 tiers hot wasm functions up) on a cluster before timing anything.
const warmBody = readFileSync(path.join(INPUTS, (manifest.inputs.find((m) => m.group === 'duc') ?? manifest.inputs[0]).file), 'utf8');
{
  const core = await instance();
  const warmRequest = JSON.parse(warmBody);
  for (let i = 0; i < 20; ++i) summarizeObject(core, warmRequest);
}
const icu = await icuModule();
results.wasm_icu_only = icu.source;
if (icu.core) {
  const texts = JSON.parse(warmBody).documents.map((d) => (typeof d === 'string' ? d : d.text));
  for (let i = 0; i < 20; ++i) for (const t of texts) icu.core.segmentOnly(t, 'en');
}

// Native, side by side: the Google Benchmark binary on this one input right before the wasm and
// the peers run on it. The first round runs every benchmark of the input (request/, icu/,
// icubreak/, stages/), later rounds the three whose ratios are targets. native.json gets one entry
// per benchmark: the median time over the rounds, each round's time in `round_cpu_times`.
const nativeRuns = new Map();  // benchmark name -> its entries, one per round
let nativeContext = null;
function runNative(m, round) {
  const args = [`--inputs=${INPUTS}`, `--input=${m.name}`, `--benchmark_min_time=${NATIVE_MIN_TIME / ROUNDS}`,
    '--benchmark_format=json'];
  if (round > 0) args.push('--benchmark_filter=^(request|icu|icubreak)/');
  const p = spawnSync(NATIVE, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (p.status !== 0) {
    log(`${m.name}: native benchmark failed (${p.status}): ${(p.stderr ?? '').slice(-300)}`);
    return;
  }
  const r = JSON.parse(p.stdout);
  nativeContext ??= r.context;
  for (const b of r.benchmarks) {
    if (!nativeRuns.has(b.name)) nativeRuns.set(b.name, []);
    nativeRuns.get(b.name).push(b);
  }
}
const toMs = (b) => b.cpu_time * benchmarkUnitMs(b);
// The input's native request times so far, one per round (ms).
const nativeRequestMs = (m) => (nativeRuns.get(`request/${m.name}`) ?? []).filter((b) => !b.error_occurred).map(toMs);
function nativeResults() {
  const benchmarks = [];
  for (const runs of nativeRuns.values()) {
    const ok = runs.filter((b) => !b.error_occurred);
    if (ok.length === 0) {
      benchmarks.push(runs[0]);
      continue;
    }
    benchmarks.push({ ...ok[0], cpu_time: median(ok.map((b) => b.cpu_time)), real_time: median(ok.map((b) => b.real_time)),
      rounds: ok.length, round_cpu_times: ok.map((b) => b.cpu_time) });
  }
  return { context: nativeContext, benchmarks };
}

// One engine's rounds on one input: the median of the rounds' times. After a round whose runs took
// over LONG_RUN_MS, it is not timed again (that round was several seconds of runs already); native
// follows the same rule on its request time (nativeLong below).
class Rounds {
  constructor() {
    this.rounds = [];
  }
  get done() {
    return this.rounds.length > 0 && this.rounds[0].wall_ms > LONG_RUN_MS;
  }
  add(p) {
    this.rounds.push(p);
  }
  get output() {  // what the engine returned (the first round's)
    return this.rounds[0]?.result;
  }
  get result() {
    const rs = this.rounds;
    return { cpu_ms: median(rs.map((r) => r.cpu_ms)), wall_ms: median(rs.map((r) => r.wall_ms)),
      runs: rs.reduce((n, r) => n + r.runs, 0), rounds: rs.length, round_cpu_ms: rs.map((r) => r.cpu_ms) };
  }
}

const last = {};  // peer -> {bytes, ms} of its last size-series run
for (const m of inputs) {
  const body = readFileSync(path.join(INPUTS, m.file), 'utf8');
  const request = JSON.parse(body);
  const texts = request.documents.map((d) => (typeof d === 'string' ? d : d.text));
  const text = texts.join('\n\n');
  const r = { documents: m.documents, text_bytes: m.text_bytes, request_bytes: m.request_bytes, group: m.group };

  // Which peers run on this input at all (decided once, before the rounds).
  const peerRounds = {};
  for (const [name, peer] of Object.entries(peers)) {
    const prev = m.group === 'size' ? last[name] : undefined;
    if (prev?.skipped) {
      r[name] = { skipped: true, reason: `skipped: already skipped at a smaller size` };
      continue;
    }
    if (prev) {
      const predicted = prev.ms * (m.text_bytes / prev.bytes) ** peer.exponent;
      if (predicted > PEER_LIMIT_MS) {
        r[name] = { skipped: true, predicted_ms: predicted, reason: `skipped: predicted ${(predicted / 1000).toFixed(0)} s > ${PEER_LIMIT_MS / 1000} s` };
        last[name] = { skipped: true };
        log(`${m.name}: ${name} ${r[name].reason}`);
        continue;
      }
    }
    peerRounds[name] = new Rounds();
  }

  const core = await instance();
  const wasm = new Rounds(), wasmIcu = new Rounds();
  const nativeLong = () => nativeRequestMs(m)[0] > LONG_RUN_MS;
  for (let round = 0; round < ROUNDS; ++round) {
    if (NATIVE && !nativeLong()) runNative(m, round);
    if (!wasm.done) wasm.add(measure(() => summarizeObject(core, request)));
    if (icu.core && !wasmIcu.done) {
      wasmIcu.add(measure(() => texts.reduce((n, t) => n + icu.core.segmentOnly(t, 'en'), 0)));
    }
    for (const [name, rounds] of Object.entries(peerRounds)) {
      if (rounds.done) continue;
      try {
        rounds.add(measure(() => peers[name].run(text), { minRuns: 3, maxRuns: 100, singleOverMs: 1000 }));
      } catch (e) {
        r[name] = { skipped: true, reason: `failed: ${String(e?.message ?? e).slice(0, 120)}` };
        if (m.group === 'size') last[name] = { skipped: true };
        log(`${m.name}: ${name} ${r[name].reason}`);
        delete peerRounds[name];
      }
    }
  }

  const parsed = wasm.output;
  r.wasm = { ...wasm.result, ok: parsed.ok, sentences: parsed.stats?.sentences, response_bytes: Buffer.byteLength(JSON.stringify(parsed)),
    memory_bytes: wasmMemoryBytes(core) };
  if (wasmIcu.rounds.length) r.wasm_icu = { ...wasmIcu.result, units: wasmIcu.output };
  const req = nativeRequestMs(m);
  if (req.length) log(`${m.name}: native ${median(req).toFixed(2)} ms cpu (rounds ${req.map((x) => x.toFixed(2)).join(' ')})`);
  log(`${m.name}: wasm ${r.wasm.cpu_ms.toFixed(2)} ms cpu (rounds ${r.wasm.round_cpu_ms.map((x) => x.toFixed(2)).join(' ')}), ` +
      `memory ${(r.wasm.memory_bytes / 2 ** 20).toFixed(0)} MiB`);
  for (const [name, rounds] of Object.entries(peerRounds)) {
    r[name] = { ...rounds.result, output: rounds.output };
    if (m.group === 'size') last[name] = { bytes: m.text_bytes, ms: r[name].wall_ms };
    log(`${m.name}: ${name} ${r[name].cpu_ms.toFixed(1)} ms cpu (rounds ${r[name].round_cpu_ms.map((x) => x.toFixed(1)).join(' ')})`);
  }
  results.inputs[m.name] = r;
}

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(results, null, 1));
if (NATIVE) writeFileSync(NATIVE_OUT, JSON.stringify(nativeResults(), null, 1));
log(`wrote ${OUT}`);
