#!/usr/bin/env node
// Builds the benchmark inputs at run time from the evaluation data (never copied into the repo):
// one JSON request file per input, so that the native benchmark, Node and Chromium read identical
// bytes.
//
//   node tests/bench/make_inputs.mjs [--data ../shared/data] [--out build/bench/inputs]
//
// Inputs:
//   seeds.json             the three seed articles (the request the CLI builds from the files)
//   duc-<cluster>.json     each DUC 2003 cluster
//   size-<N>.json          N = 1, 10, 100, 1000, 10000 real articles: every DUC 2003 and MultiLing
//                          2011 article in cluster order, then again as many times as needed; each
//                          repeat is perturbed (deterministic word drops and swaps, seeded by
//                          article and copy) so that no document is an exact duplicate.
//   manifest.json          [{name, group, file, documents, text_bytes, request_bytes}]
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, arg } from './cli.mjs';

const DATA = path.resolve(arg('--data', process.env.PRECIS_DATA_DIR ?? path.join(ROOT, '../shared/data')));
const OUT = path.resolve(arg('--out', path.join(ROOT, 'build/bench/inputs')));
const SIZES = (arg('--sizes', '1,10,100,1000,10000')).split(',').map(Number);
const OPTIONS = { budget: { words: 100 }, language: 'en', key_sentences: 3 };

if (!existsSync(path.join(DATA, 'seeds'))) {
  console.error(`make_inputs: no evaluation data at ${DATA} (set PRECIS_DATA_DIR or --data)`);
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });

const manifest = [];
function write(name, group, documents) {
  const request = { version: 1, documents, options: OPTIONS };
  const body = JSON.stringify(request);
  const file = `${name}.json`;
  writeFileSync(path.join(OUT, file), body);
  const textBytes = documents.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
  manifest.push({ name, group, file, documents: documents.length, text_bytes: textBytes, request_bytes: Buffer.byteLength(body) });
}

const listClusters = (set) => readdirSync(path.join(DATA, set), { withFileTypes: true })
  .filter((e) => e.isDirectory()).map((e) => e.name).sort();
const clusterDocs = (set, cluster) => {
  const dir = path.join(DATA, set, cluster, 'docs');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(path.join(dir, f), 'utf8') }));
};

// 1. Seeds: exactly the documents core/cli/main.cpp builds from the files.
write('seeds', 'seeds', [1, 2, 3].map((n) => ({
  id: `article${n}.txt`, text: readFileSync(path.join(DATA, 'seeds', `article${n}.txt`), 'utf8'),
})));

// 2. Every DUC 2003 cluster.
const pool = [];
for (const cluster of listClusters('duc2003')) {
  const docs = clusterDocs('duc2003', cluster);
  write(`duc-${cluster}`, 'duc', docs);
  pool.push(...docs);
}
for (const cluster of listClusters('multiling2011_en')) pool.push(...clusterDocs('multiling2011_en', cluster));

// 3. Size series. A deterministic PRNG (mulberry32) seeded by article id and copy number.
function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; ++i) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Copy `copy` (>= 1) of `text`: about 2% of words dropped and 3% swapped with the next word, line
// by line (line structure, and so paragraphs and cleaning, preserved). At least one change.
function perturb(text, id, copy) {
  const rand = mulberry32(hash(`${id}#${copy}`));
  let changed = false;
  const lines = text.split('\n').map((line) => {
    const words = line.split(' ');
    const out = [];
    for (let i = 0; i < words.length; ++i) {
      const w = words[i];
      const r = rand();
      if (w !== '' && r < 0.02) { changed = true; continue; }
      if (w !== '' && r < 0.05 && i + 1 < words.length && words[i + 1] !== '') {
        out.push(words[i + 1], w);
        ++i;
        changed = true;
        continue;
      }
      out.push(w);
    }
    return out.join(' ');
  });
  let result = lines.join('\n');
  if (!changed) result = result.replace(/\S+\s+/, '');  // drop the first word
  return result;
}

const maxSize = Math.max(...SIZES);
const series = [];
for (let i = 0; series.length < maxSize; ++i) {
  const copy = Math.floor(i / pool.length);
  const doc = pool[i % pool.length];
  series.push(copy === 0 ? { id: doc.id, text: doc.text } : { id: `${doc.id}~${copy}`, text: perturb(doc.text, doc.id, copy) });
}
for (const n of SIZES) write(`size-${n}`, 'size', series.slice(0, n));

writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify({ data: DATA, pool_articles: pool.length, inputs: manifest }, null, 1));
const mb = manifest.reduce((n, m) => n + m.request_bytes, 0) / 1e6;
console.error(`make_inputs: ${manifest.length} inputs (${mb.toFixed(1)} MB) in ${OUT}; pool of ${pool.length} real articles`);
