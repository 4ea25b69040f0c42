// The wasm module under Node: same JSON as the native CLI on the seeds, typed errors, and a module
// that keeps working after bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = path.join(root, 'build/site/precis');
const cli = path.join(root, 'build/native-debug/core/precis');
const seedDir = path.resolve(root, '../shared/data/seeds');
const seedFiles = [1, 2, 3].map((n) => path.join(seedDir, `article${n}.txt`));

assert.ok(existsSync(path.join(site, 'precis-core.wasm')), 'build the module first: bash scripts/build-wasm.sh');
assert.ok(existsSync(cli), 'build the native CLI first: cmake --preset native-debug && cmake --build --preset native-debug');

const { createSummarizer, PrecisError } = await import(path.join(site, 'precis.mjs'));
const summarizer = await createSummarizer();

// Exactly the request the CLI builds from files (core/cli/main.cpp).
function seedsRequest() {
  return {
    version: 1,
    documents: seedFiles.map((f) => ({ id: path.basename(f), text: readFileSync(f, 'utf8') })),
    options: { budget: { words: 100 }, language: 'en', key_sentences: 3 },
  };
}

test('wasm and native CLI give identical JSON on the seeds', () => {
  const native = execFileSync(cli, ['--json', ...seedFiles], { encoding: 'utf8' }).trimEnd();
  const wasm = summarizer.summarizeJson(JSON.stringify(seedsRequest()));
  assert.equal(wasm, native);
});

test('seed summary has no boilerplate and no repeats, with provenance', () => {
  const request = seedsRequest();
  const r = summarizer.summarize(request);
  assert.ok(r.summary.length >= 2);
  const seen = new Set();
  let words = 0;
  let compressed = 0;
  for (const s of r.summary) {
    for (const junk of ['Truce in Limbo', 'ABC News', 'Reuters', 'Subscribe', 'free_limit', 'FAA Lifts']) {
      assert.ok(!s.text.includes(junk), `${junk} in ${s.text}`);
    }
    assert.ok(!seen.has(s.text), `repeated: ${s.text}`);
    seen.add(s.text);
    // UTF-16 offsets are JavaScript string indices into the document text; a compressed sentence
    // is its source sentence without the omitted spans (first letter capitalised if its start went).
    const doc = request.documents[s.document].text;
    let quoted = '';
    let at = s.utf16.begin;
    for (const o of s.omitted ?? []) {
      assert.ok(o.utf16.begin >= at && o.utf16.end > o.utf16.begin && o.utf16.end <= s.utf16.end);
      quoted += doc.slice(at, o.utf16.begin);
      at = o.utf16.end;
    }
    quoted += doc.slice(at, s.utf16.end);
    if (s.omitted?.[0].utf16.begin === s.utf16.begin) quoted = quoted.replace(/^[a-z]/, (c) => c.toUpperCase());
    assert.equal(quoted, s.text);
    compressed += s.omitted ? 1 : 0;
    words += s.words;
  }
  assert.ok(words <= 100);
  assert.ok(compressed >= 1, 'the seed summary quotes no compressed sentence: omitted spans untested');
});

test('bad input gives typed errors and the module keeps working', () => {
  assert.equal(JSON.parse(summarizer.summarizeJson('{not json')).errors[0].code, 'invalid_json');
  assert.throws(() => summarizer.summarize({ documents: [] }), (e) => e instanceof PrecisError && e.code === 'empty_input');
  assert.throws(() => summarizer.summarize({ documents: [{ text: 'x' }], budget: { words: -1 } }),
    (e) => e.code === 'invalid_request');
  const bad = JSON.parse(summarizer.summarizeJson(JSON.stringify({ documents: [{ text: 'Some text.' }], options: { language: '???' } })));
  assert.equal(bad.errors[0].code, 'invalid_language');
  // Lone surrogates in a JavaScript string become U+FFFD, never a crash.
  const odd = summarizer.summarize({ documents: ['Broken \uD800 surrogate here. Another sentence follows it.'] });
  assert.equal(odd.ok, true);
  const again = summarizer.summarize(seedsRequest());
  assert.ok(again.summary.length >= 2);
});

test('a 1 MB sentence without punctuation is handled, not summarised', () => {
  const huge = 'word '.repeat(200000);
  const r = summarizer.summarize({ documents: [...seedsRequest().documents, { id: 'junk', text: huge }] });
  assert.ok(r.summary.every((s) => s.document_id !== 'junk'));
  assert.ok(r.warnings.some((w) => w.code === 'long_sentences'));
});

test('timing: seeds in wasm (reported, not asserted)', () => {
  const json = JSON.stringify(seedsRequest());
  for (let i = 0; i < 5; i++) summarizer.summarizeJson(json);
  const runs = 50;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) summarizer.summarizeJson(json);
  const ms = (performance.now() - t0) / runs;
  console.log(`# wasm: seeds summarized in ${ms.toFixed(2)} ms per call (mean of ${runs})`);
});
