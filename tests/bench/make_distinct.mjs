#!/usr/bin/env node
// Stress inputs that the size series cannot show: N documents that share (almost) no word pairs
// (synthetic pseudo-words), so concept document counts stay at 1 however many documents there
// are. Steps whose cost is documents x concepts (weigh_concepts' threshold search) show up here.
//
//   node tests/bench/make_distinct.mjs [--out build/bench/distinct] [--sizes 1000,2000,4000,8000]
//   build/bench/native/tests/precis_bench_native --inputs=build/bench/distinct --benchmark_filter=stages
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, arg } from './cli.mjs';

const OUT = path.resolve(arg('--out', path.join(ROOT, 'build/bench/distinct')));
const SIZES = arg('--sizes', '1000,2000,4000,8000').split(',').map(Number);
mkdirSync(OUT, { recursive: true });

let seed = 12345;
const rand = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
};
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vo', 'zi', 'pa', 'do', 'fe', 'gu', 'hi', 'ja', 'ko'];
const word = () => {
  let w = '';
  for (let i = 2 + Math.floor(rand() * 3); i > 0; --i) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
};

const manifest = [];
for (const n of SIZES) {
  const documents = [];
  for (let d = 0; d < n; ++d) {
    const paragraphs = [];
    for (let p = 0; p < 8; ++p) {
      const s = Array.from({ length: 12 }, word);
      s[0] = s[0][0].toUpperCase() + s[0].slice(1);
      paragraphs.push(`${s.join(' ')}.`);
    }
    documents.push({ id: `d${d}`, text: paragraphs.join('\n\n') });
  }
  const body = JSON.stringify({ version: 1, documents, options: { budget: { words: 100 }, language: 'en', key_sentences: 3 } });
  const file = `distinct-${n}.json`;
  writeFileSync(path.join(OUT, file), body);
  manifest.push({ name: `distinct-${n}`, group: 'distinct', file, documents: n,
    text_bytes: documents.reduce((a, x) => a + Buffer.byteLength(x.text), 0), request_bytes: Buffer.byteLength(body) });
}
writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify({ inputs: manifest }, null, 1));
console.error(`make_distinct: ${manifest.length} inputs in ${OUT}`);
