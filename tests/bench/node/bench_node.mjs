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
// and lexrank.summarize(text, 5), each peer in a worker thread of this process (peer_worker.mjs:
// its own V8 isolate, since lexrank loads Sugar.js, which extends JavaScript's built-in
// prototypes and halved wink-nlp's speed when they shared one). A peer is skipped at a size where its predicted time
// (from the previous size, quadratic for lexrank) exceeds --peer-limit-s; the result says so.
//
// Times (timing.mjs): the median of repeated runs after one warm-up run (over 2 s: the median of
// three runs); both the running thread's CPU time (/proc/thread-self/schedstat) and wall time
// (performance.now). Each batch starts after a full garbage collection (node --expose-gc).
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, arg, benchmarkUnitMs } from '../cli.mjs';
import { collectGarbage, measureBatch, median } from './timing.mjs';

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

// ---- timing (timing.mjs: the same in the peers' workers) ----
const measure = (fn, options = {}) => measureBatch(fn, { minMs: 500 / ROUNDS, ...options });
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
// Each peer runs in its own worker thread (peer_worker.mjs: a V8 isolate of its own in this same
// process), timed there as the module is here; the harness waits for each batch in turn, so no
// two engines ever run at once.
class PeerThread {
  constructor(name, exponent, stackSizeMb = 1) {
    this.name = name;
    this.exponent = exponent;
    this.stackSizeMb = stackSizeMb;
    // The main thread's stack (V8's default, about 1 MB: wink-nlp overflows it at 10,000 articles)
    // and the harness's heap limit.
    this.worker = new Worker(new URL('./peer_worker.mjs', import.meta.url), {
      workerData: { name }, resourceLimits: { stackSizeMb, maxOldGenerationSizeMb: 8192 },
    });
    this.worker.unref();
  }
  // A thread for the same peer with a larger stack: a peer that overflows a page's stack is timed
  // again there, so that the size series still has its time (reported as needing that stack).
  withLargerStack() {
    return new PeerThread(this.name, this.exponent, BIG_STACK_MB);
  }
  close() {
    return this.worker.terminate();
  }
  measure(text, options) {
    return new Promise((resolve, reject) => {
      this.worker.once('message', (m) => (m.error ? reject(new Error(m.error)) : resolve(m.timing)));
      this.worker.postMessage({ text, options });
    });
  }
}
const BIG_STACK_MB = 64;
const isStackOverflow = (e) => /Maximum call stack size exceeded/.test(String(e?.message ?? e));
const peers = { wink: new PeerThread('wink', 1), lexrank: new PeerThread('lexrank', 2) };  // exponent: lexrank's similarity matrix is quadratic

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
      const options = { minRuns: 3, minMs: 500 / ROUNDS, maxRuns: 100, singleOverMs: 1000 };
      try {
        rounds.add(await (rounds.thread ?? peers[name]).measure(text, options));
      } catch (e) {
        if (isStackOverflow(e) && !rounds.thread) {
          // Overflowed a page's stack: timed from now on in a thread with a larger one.
          log(`${m.name}: ${name} overflowed a ${peers[name].stackSizeMb} MB stack; timing it with ${BIG_STACK_MB} MB`);
          rounds.thread = peers[name].withLargerStack();
          try {
            rounds.add(await rounds.thread.measure(text, options));
            continue;
          } catch (e2) {
            e = e2;
          }
        }
        r[name] = { skipped: true, reason: `failed: ${String(e?.message ?? e).slice(0, 120)}` };
        if (m.group === 'size') last[name] = { skipped: true };
        log(`${m.name}: ${name} ${r[name].reason}`);
        await rounds.thread?.close();
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
    if (rounds.thread) {
      r[name].stack_mb = rounds.thread.stackSizeMb;  // needed more than a page's stack
      r[name].overflowed_stack_mb = peers[name].stackSizeMb;
      await rounds.thread.close();
    }
    if (m.group === 'size') last[name] = { bytes: m.text_bytes, ms: r[name].wall_ms };
    log(`${m.name}: ${name} ${r[name].cpu_ms.toFixed(1)} ms cpu (rounds ${r[name].round_cpu_ms.map((x) => x.toFixed(1)).join(' ')})`);
  }
  results.inputs[m.name] = r;
}

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(results, null, 1));
if (NATIVE) writeFileSync(NATIVE_OUT, JSON.stringify(nativeResults(), null, 1));
log(`wrote ${OUT}`);
