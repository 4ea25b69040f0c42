#!/usr/bin/env node
// Prints the benchmark table from the results of one scripts/bench.sh run:
//   <results>/native.json   Google Benchmark JSON (request/, icu/, stages/ per input)
//   <results>/rss.jsonl     one line per size: peak RSS of one native request in a fresh process
//   <results>/node.json     wasm in Node + npm peers (tests/bench/node/bench_node.mjs)
//   <results>/browser.json  headless Chromium (tests/bench/node/bench_browser.mjs)
// and the module files in <site>/precis/.
//
//   node tests/bench/report.mjs [--results build/bench/results] [--site build/bench/site]
//
// Times are CPU milliseconds (the machines are shared: wall time there also measures the
// neighbours): native = the benchmark thread, Node = the process, Chromium = the page's main
// thread. Targets (issue 4) are the PASS/FAIL columns.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, arg, benchmarkUnitMs } from './cli.mjs';

const RESULTS = path.resolve(arg('--results', path.join(ROOT, 'build/bench/results')));
const SITE = path.resolve(arg('--site', path.join(ROOT, 'build/bench/site')));
const readJson = (f) => (existsSync(path.join(RESULTS, f)) ? JSON.parse(readFileSync(path.join(RESULTS, f), 'utf8')) : null);

// ---- load ----
const native = {};  // input -> {request, icu, stages}
const gb = readJson('native.json');
for (const b of gb?.benchmarks ?? []) {
  if (b.run_type === 'aggregate' || b.error_occurred) continue;
  const [kind, name] = b.name.split('/');
  const toMs = benchmarkUnitMs(b);
  (native[name] ??= {})[kind] = { ...b, cpu_ms: b.cpu_time * toMs, wall_ms: b.real_time * toMs };
}
const rss = {};
if (existsSync(path.join(RESULTS, 'rss.jsonl'))) {
  for (const line of readFileSync(path.join(RESULTS, 'rss.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    rss[path.basename(r.file, '.json')] = r;
  }
}
const node = readJson('node.json');
const browser = readJson('browser.json');
const manifest = (() => {
  for (const dir of [path.join(path.dirname(RESULTS), 'inputs'), path.join(ROOT, 'build/bench/inputs')]) {
    if (existsSync(path.join(dir, 'manifest.json'))) return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  }
  return { inputs: [] };
})();

// ---- helpers ----
const MB = 1e6, MiB = 2 ** 20;
const fmt = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x) ? '-' : x >= 1000 && d <= 1 ? Math.round(x).toLocaleString('en-US') : x.toFixed(d));
const ratio = (a, b) => (a > 0 && b > 0 ? a / b : NaN);
const mean = (xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
const pf = (ok) => (ok === null || ok === undefined ? '-' : ok ? 'PASS' : 'FAIL');
function table(headers, rows, align) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? '-')));
  const width = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => ((align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  return [line(cells[0]), width.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

// One row of measurements for an input (or the mean over a group of inputs).
function measures(names) {
  const pick = (f) => mean(names.map(f).filter((x) => Number.isFinite(x)));
  const all = (f) => names.every((n) => Number.isFinite(f(n)));
  const m = (n) => manifest.inputs.find((x) => x.name === n) ?? {};
  const peer = (p) => (n) => node?.inputs?.[n]?.[p]?.cpu_ms;
  const skipped = (p) => names.map((n) => node?.inputs?.[n]?.[p]).find((x) => x?.skipped);
  return {
    docs: pick((n) => m(n).documents),
    text_bytes: pick((n) => m(n).text_bytes),
    request_bytes: pick((n) => m(n).request_bytes),
    native: all((n) => native[n]?.request?.cpu_ms) ? pick((n) => native[n].request.cpu_ms) : NaN,
    icu: all((n) => native[n]?.icu?.cpu_ms) ? pick((n) => native[n].icu.cpu_ms) : NaN,
    icubreak: all((n) => native[n]?.icubreak?.cpu_ms) ? pick((n) => native[n].icubreak.cpu_ms) : NaN,
    wasm: all((n) => node?.inputs?.[n]?.wasm?.cpu_ms) ? pick((n) => node.inputs[n].wasm.cpu_ms) : NaN,
    wasm_icu: all((n) => node?.inputs?.[n]?.wasm_icu?.cpu_ms) ? pick((n) => node.inputs[n].wasm_icu.cpu_ms) : NaN,
    chromium: all((n) => browser?.inputs?.[n]?.thread_cpu_ms ?? browser?.inputs?.[n]?.wall_ms)
      ? pick((n) => browser.inputs[n].thread_cpu_ms ?? browser.inputs[n].wall_ms) : NaN,
    chromium_wall_only: names.some((n) => browser?.inputs?.[n] && browser.inputs[n].thread_cpu_ms == null),
    wink: all(peer('wink')) ? pick(peer('wink')) : NaN,
    lexrank: all(peer('lexrank')) ? pick(peer('lexrank')) : NaN,
    wink_skip: skipped('wink'), lexrank_skip: skipped('lexrank'),
    wink_stack: names.map((n) => node?.inputs?.[n]?.wink).find((x) => x?.stack_mb),
    lexrank_stack: names.map((n) => node?.inputs?.[n]?.lexrank).find((x) => x?.stack_mb),
    rss_kb: Math.max(...names.map((n) => rss[n]?.rss_peak_kb ?? NaN)),
    wasm_mem: Math.max(...names.map((n) => node?.inputs?.[n]?.wasm?.memory_bytes ?? NaN)),
    chromium_mem: Math.max(...names.map((n) => browser?.inputs?.[n]?.memory_bytes ?? NaN)),
    stages: names.map((n) => native[n]?.stages).every(Boolean) ? names.map((n) => native[n].stages) : null,
    request_wall: pick((n) => native[n]?.request?.wall_ms),
  };
}

const groups = [];
if (manifest.inputs.some((m) => m.name === 'seeds')) groups.push({ label: 'seeds', names: ['seeds'] });
const duc = manifest.inputs.filter((m) => m.group === 'duc').map((m) => m.name);
if (duc.length) groups.push({ label: `DUC 2003 (mean of ${duc.length})`, names: duc, duc: true });
for (const m of manifest.inputs.filter((x) => x.group === 'size')) groups.push({ label: `${m.documents.toLocaleString('en-US')} articles`, names: [m.name], size: m.documents });
for (const g of groups) g.m = measures(g.names);

// ---- main table ----
const peerFailed = (g, p) => g.m[`${p}_skip`]?.reason?.startsWith('failed');
const peerCell = (g, p) => (Number.isFinite(g.m[p]) ? fmt(g.m[p]) + (g.m[`${p}_stack`] ? '+' : '')
  : peerFailed(g, p) ? 'error' : g.m[`${p}_skip`] ? `skip>${(node?.peer_limit_ms ?? 60000) / 1000}s` : '-');
function speedup(g, p) {
  const s = ratio(g.m[p], g.m.wasm);
  if (Number.isFinite(s)) {
    const need = g.duc ? 10 : 1;
    return { text: `${fmt(s, 1)}x`, ok: g.duc || g.size ? s >= need : null };
  }
  if (peerFailed(g, p)) return { text: 'n/a', ok: null };
  if (g.m[`${p}_skip`]) {
    // A peer predicted to take over the limit: Précis passes if it stays under that limit itself.
    const limit = node?.peer_limit_ms ?? 60000;
    return { text: 'n/a', ok: Number.isFinite(g.m.wasm) ? g.m.wasm < limit : null };
  }
  return { text: '-', ok: null };
}
const rows = groups.map((g) => {
  const m = g.m;
  const wn = ratio(m.wasm, m.native);
  const pi = ratio(m.native, m.icu);
  const wpi = ratio(m.wasm, m.wasm_icu);
  const memLimit = 3 * m.request_bytes + 32 * MiB;
  const sw = speedup(g, 'wink'), sl = speedup(g, 'lexrank');
  return [
    g.label, fmt(m.docs, 0), fmt(m.text_bytes / MB, 3),
    fmt(m.native), fmt(m.icu), `${fmt(pi, 2)} ${pf(Number.isFinite(pi) ? pi <= 3 : null)}`, fmt(m.icubreak),
    fmt(m.text_bytes / MB / (m.native / 1000), 2), fmt(m.rss_kb / 1024, 0),
    fmt(m.wasm), fmt(m.wasm_icu), `${fmt(wpi, 2)} ${pf(Number.isFinite(wpi) ? wpi <= 3 : null)}`,
    `${fmt(wn, 2)} ${pf(Number.isFinite(wn) ? wn <= 2 : null)}`,
    `${fmt(m.wasm_mem / MiB, 0)}/${fmt(memLimit / MiB, 0)} ${pf(Number.isFinite(m.wasm_mem) ? m.wasm_mem <= memLimit : null)}`,
    fmt(m.chromium) + (m.chromium_wall_only ? '*' : ''),
    peerCell(g, 'wink'), `${sw.text} ${pf(sw.ok)}`,
    peerCell(g, 'lexrank'), `${sl.text} ${pf(sl.ok)}`,
  ];
});
const out = [];
out.push('Précis benchmark: CPU ms per request (native: Google Benchmark thread; wasm: Node main thread; peers: each in a worker');
out.push('thread of the same process, its own V8 isolate; Chromium: page main thread). Targets of issue 4 as PASS/FAIL.');
if (node?.rounds > 1) {
  out.push(`Native, wasm, ICU-only and peers: the median of ${node.rounds} interleaved rounds per input (native, wasm, peers, again), ` +
           'each round a batch of runs;');
  out.push(`an engine whose runs take over a second is timed in one round. Per-round times: ${path.relative(ROOT, RESULTS)}/node.json, native.json.`);
}
if (node) {
  out.push(node.gc_before_batches
    ? 'In Node, every batch starts after a full garbage collection (untimed): no engine pays for the garbage of the ones before it.'
    : 'In Node, batches ran without a garbage collection between them (node without --expose-gc): engines paid for each other\'s garbage.');
}
out.push(`node ${node?.node ?? '-'}, ${browser?.chromium ? `Chromium ${browser.chromium}` : 'Chromium -'}; ${gb?.context ? `${gb.context.num_cpus} CPUs, load ${gb.context.load_avg?.map((x) => x.toFixed(1)).join('/')} at native start` : ''}`);
out.push('');
out.push(table(
  ['input', 'docs', 'text MB', 'native', 'ICU', 'native/ICU<=3', 'ICU brk', 'MB/s', 'RSS MB',
    'wasm', 'wasm ICU', 'wasm/ICU<=3', 'wasm/native<=2', 'wasm mem/limit MiB', 'chromium', 'wink', 'vs wink', 'lexrank', 'vs lexrank'],
  rows));
out.push('');
out.push('ICU = Segmenter::icu_sentences + ::icu_words over each document (ICU\'s iterators, with case folding and the news post-pass: the work no');
out.push('summarizer can skip), same build; ICU brk = ICU BreakIterators alone (no folding, no post-pass), native. MB/s: native.');
out.push('native and wasm time the request as the page sends it: the options as JSON, each text attached beside it (native');
out.push('handle_request_parts; wasm summarize(request object) -> response object). native.json\'s requestjson/ is the one-JSON-string path.');
out.push('The native benchmark process keeps the memory it frees (glibc M_TRIM_THRESHOLD 1 GiB, M_MMAP_THRESHOLD 32 MiB), as the wasm module\'s');
out.push('allocator does: with glibc\'s defaults every request takes its working memory again as page faults (native.json: page_faults).');
out.push('vs peer: peer time / wasm time in Node (>= 10x on DUC clusters, > 1x at every size). wasm mem: linear memory after the');
out.push('request in a fresh instance (it only grows: the peak), limit 3 x request bytes + 32 MiB. RSS: native peak, fresh process.');
if (groups.some((g) => g.m.chromium_wall_only)) out.push('* Chromium: wall time (no CPU time measured).');
for (const g of groups) {
  for (const p of ['wink', 'lexrank']) {
    if (peerFailed(g, p)) out.push(`${p} at ${g.label}: ${g.m[`${p}_skip`].reason} (no verdict).`);
    const big = g.m[`${p}_stack`];
    if (big) {
      out.push(`+ ${p} at ${g.label}: overflowed a ${big.overflowed_stack_mb} MB stack (a page's main thread has about 1 MB); ` +
               `timed in a worker thread with a ${big.stack_mb} MB stack.`);
    }
  }
}

// ---- growth ----
const size = (n) => groups.find((g) => g.size === n)?.m;
const s1k = size(1000), s10k = size(10000);
if (s1k && s10k) {
  // CPU time on a shared machine drifts between runs minutes apart; ICU alone on the same text is
  // linear, measured seconds before each, so growth / ICU growth is the load-independent excess.
  const line = (label, a, b, icuA, icuB) => {
    const g = ratio(b, a);
    const excess = ratio(g, ratio(icuB, icuA));
    return `  ${label.padEnd(9)} ${fmt(a)} -> ${fmt(b)} ms: x${fmt(g, 2)} ${pf(Number.isFinite(g) ? g <= 12 : null)} (<= 12)` +
      (Number.isFinite(excess) ? `; / ICU growth x${fmt(ratio(icuB, icuA), 2)} = x${fmt(excess, 2)} beyond linear` : '');
  };
  out.push('');
  out.push('Growth 1,000 -> 10,000 articles (x10 input):');
  out.push(line('native', s1k.native, s10k.native, s1k.icu, s10k.icu));
  out.push(line('wasm', s1k.wasm, s10k.wasm, s1k.wasm_icu, s10k.wasm_icu));
  out.push(line('chromium', s1k.chromium, s10k.chromium));
  out.push(line('ICU', s1k.icu, s10k.icu));
  out.push(line('wasm ICU', s1k.wasm_icu, s10k.wasm_icu));
}

// ---- module size ----
const files = ['precis-core.wasm', 'precis-core.js', 'precis.mjs', 'worker.mjs'].map((f) => path.join(SITE, 'precis', f)).filter(existsSync);
if (files.length) {
  let raw = 0, gz = 0;
  const parts = files.map((f) => {
    const b = readFileSync(f);
    const z = gzipSync(b, { level: 9 }).length;
    raw += b.length;
    gz += z;
    return `${path.basename(f)} ${fmt(b.length / 1024, 0)}/${fmt(z / 1024, 0)}`;
  });
  out.push('');
  out.push(`Module download (wasm + JS, ICU data included): ${fmt(raw / 1024, 0)} KB raw, ${fmt(gz / 1024, 0)} KB gzip -9 ` +
           `${pf(gz <= 400 * 1024)} (<= 400 KB gzip)   [KB raw/gzip: ${parts.join(', ')}]`);
}
if (browser?.cold) {
  const c = browser.cold;
  out.push(`Chromium cold start (fresh context; median of ${c.runs}): ${fmt(c.total_ms, 0)} ms wall = import ${fmt(c.import_ms, 0)} + ` +
           `fetch/compile/instantiate ${fmt(c.create_ms, 0)} + first summary of the seeds ${fmt(c.first_summary_ms, 0)}; ` +
           `renderer CPU ${fmt(c.process_cpu_ms, 0)} ms, main thread ${fmt(c.thread_cpu_ms, 0)} ms`);
  const w = browser.cold_warmed_up;
  if (w) {
    out.push(`  warmed up first (Summarizer.warmUp, as the page's worker does on start; median of ${w.runs}): ` +
             `warm-up ${fmt(w.warm_up_ms, 0)} ms, then first summary of the seeds ${fmt(w.first_summary_ms, 0)} ms`);
  }
}
if (node?.wasm_icu_only) out.push(`ICU-only in wasm: ${node.wasm_icu_only}`);

// ---- stages ----
const stageRows = groups.filter((g) => g.m.stages).map((g) => {
  const avg = (k) => mean(g.m.stages.map((s) => s[k]));
  const parse = avg('parse_ms'), clean = avg('clean_ms'), segment = avg('segment_ms'), analyze = avg('analyze_ms');
  const weigh = avg('weigh_ms'), select = avg('select_ms');
  const total = avg('request_ms') || g.m.native;         // the request timed in the same iterations
  const terms = analyze - clean - segment;                  // stemming, stopwords, interning, concept pairs
  const rest = total - parse - analyze - weigh - select;    // reading order, support, key sentences, response JSON
  const pct = (x) => `${fmt(x)} (${fmt((100 * x) / total, 0)}%)`;
  const mismatch = g.m.stages.some((s) => s.replica_mismatch);
  return [g.label + (mismatch ? ' !' : ''), fmt(total), pct(parse), pct(clean), pct(segment), pct(terms), pct(weigh), pct(select), pct(rest),
    fmt(avg('sentences'), 0), fmt(avg('candidates'), 0), fmt(avg('concepts'), 0), fmt(avg('concept_threshold'), 0)];
});
if (stageRows.length) {
  out.push('');
  out.push('Native time per stage, CPU ms (% of the request), measured from outside the core (tests/bench/bench_native.cpp):');
  out.push(table(['input', 'request', 'parse', 'clean', 'segment', 'terms+concepts', 'weigh', 'select', 'rest',
    'sentences', 'candidates', 'concepts', 'threshold'], stageRows));
  out.push('clean = UTF-8 repair + line split + shared lines + line cleaning; segment = sentences and words of the cleaned blocks (ICU\'s rules; ICU\'s iterators only beyond Latin script); terms+concepts =');
  out.push('analyze() - clean - segment; rest = request - parse - analyze - weigh - select (reading order, support, key sentences,');
  out.push('response JSON). request here: timed in the same iterations as the stages. candidates: sentences and compressed forms that');
  out.push('compete in the selection. threshold: weigh_concepts\' final document count.');
  if (stageRows.some((r) => r[0].endsWith(' !'))) out.push('! the outside replica of clean/segment no longer matches analyze(): those columns are indicative only.');
}

// ---- DUC detail ----
if (duc.length) {
  out.push('');
  out.push('DUC 2003 clusters (CPU ms):');
  out.push(table(['cluster', 'docs', 'native', 'wasm', 'chromium', 'wink', 'lexrank', 'vs wink', 'vs lexrank'], duc.map((n) => {
    const m = measures([n]);
    return [n.replace(/^duc-/, ''), fmt(m.docs, 0), fmt(m.native), fmt(m.wasm), fmt(m.chromium), fmt(m.wink), fmt(m.lexrank),
      `${fmt(ratio(m.wink, m.wasm), 1)}x`, `${fmt(ratio(m.lexrank, m.wasm), 1)}x`];
  })));
}

const text = out.join('\n');
console.log(text);
writeFileSync(path.join(RESULTS, 'table.txt'), text + '\n');
