// The package's API under Node: typed errors (PrecisError with a code for every failure, never an
// abort), restoring a removed passage with `keep`, and the package metadata the README promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkgDir = path.join(root, 'build/site/precis');
const seedDir = path.resolve(root, '../shared/data/seeds');
assert.ok(existsSync(path.join(pkgDir, 'precis-core.wasm')), 'build the module first: bash scripts/build-wasm.sh');

const { createSummarizer, PrecisError, MAX_REQUEST_BYTES, normalizeRequest } = await import(path.join(pkgDir, 'precis.mjs'));
const summarizer = await createSummarizer();
const seeds = [1, 2, 3].map((n) => readFileSync(path.join(seedDir, `article${n}.txt`), 'utf8'));

function codeOf(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof PrecisError, `not a PrecisError: ${e}`);
    assert.equal(e.name, 'PrecisError');
    assert.ok(e.message.length > 10, 'an error without an explanation');
    return e.code;
  }
  assert.fail('no error thrown');
}

test('every kind of bad input is a PrecisError with its code', () => {
  assert.equal(codeOf(() => summarizer.summarize(null)), 'invalid_request');
  assert.equal(codeOf(() => summarizer.summarize({ documents: 'text' })), 'invalid_request');
  assert.equal(codeOf(() => summarizer.summarize({ documents: [] })), 'empty_input');
  assert.equal(codeOf(() => summarizer.summarize({ documents: ['   '] })), 'empty_input');
  assert.equal(codeOf(() => summarizer.summarize({ documents: ['x'], budget: { words: 0 } })), 'invalid_request');
  assert.equal(codeOf(() => summarizer.summarize({ documents: ['x'], budget: { sentences: 2000 } })), 'invalid_request');
  assert.equal(codeOf(() => summarizer.summarize({ documents: ['x'], language: '!!' })), 'invalid_language');
  assert.equal(codeOf(() => summarizer.summarize({ version: 2, documents: ['x'] })), 'unsupported_version');
  assert.equal(codeOf(() => summarizer.summarize({ documents: [{ html: '<p>x</p>' }] })), 'html_needs_blocks');
  assert.equal(codeOf(() => summarizer.summarize({ documents: new Array(20001).fill('a') })), 'too_large');
  assert.equal(codeOf(() => summarizer.summarize({ documents: [{ text: seeds[0], keep: [{ utf8: { begin: 5, end: 1 } }] }] })), 'invalid_request');
  assert.equal(JSON.parse(summarizer.summarizeJson('{"documents": [')).errors[0].code, 'invalid_json');
  assert.equal(codeOf(() => summarizer.summarizeJson(42)), 'invalid_request');
  assert.equal(summarizer.broken, false);
  assert.ok(summarizer.summarize({ documents: seeds }).summary.length >= 2, 'the module stopped working');
});

test('a browser without the WebAssembly features the module needs gets unsupported_runtime', async () => {
  // Node 20 has them all (so the feature probes are valid modules: every other test loads the
  // module); an older engine is played by a validate() that refuses exception handling.
  const validate = WebAssembly.validate;
  WebAssembly.validate = (bytes) => !bytes.includes(0x19) && validate(bytes);  // 0x19: catch_all
  try {
    await assert.rejects(createSummarizer(), (e) => {
      assert.ok(e instanceof PrecisError);
      assert.equal(e.code, 'unsupported_runtime');
      assert.match(e.message, /exception handling/);
      assert.doesNotMatch(e.message, /bulk memory/);
      return true;
    });
  } finally {
    WebAssembly.validate = validate;
  }
});

test('too large: refused before it is copied into the module', () => {
  const response = JSON.parse(summarizer.summarizeJson(' '.repeat(MAX_REQUEST_BYTES + 1)));
  assert.equal(response.ok, false);
  assert.equal(response.errors[0].code, 'too_large');
  // Over 64 MiB of text: the core's own limit, with its explanation.
  const big = 'a'.repeat(33 << 20);
  assert.equal(codeOf(() => summarizer.summarize({ documents: [big, big] })), 'too_large');
  assert.equal(summarizer.broken, false);
});

test('keep: a removed passage sent back is restored, and reported as restored', () => {
  const first = summarizer.summarize({ documents: seeds, key_sentences: 3 });
  const credit = first.documents[1].removed.find((r) => r.reason === 'caption_credit');
  assert.ok(credit, 'seed 2 has a photo credit removed');
  assert.equal(seeds[1].slice(credit.utf16.begin, credit.utf16.end), credit.text);
  assert.equal(first.documents[1].restored, undefined);

  const documents = seeds.map((text, i) => (i === 1 ? { text, keep: [credit] } : { text }));
  const second = summarizer.summarize({ documents, key_sentences: 3 });
  const doc = second.documents[1];
  assert.deepEqual(doc.restored.map((r) => r.text), [credit.text]);
  assert.ok(!doc.removed.some((r) => r.utf8.begin === credit.utf8.begin));
  assert.ok(doc.sentences > first.documents[1].sentences);
});

test('package.json: exports, types and files as the README says', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'wasm/package.json'), 'utf8'));
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.types, './precis.d.ts');
  assert.deepEqual(pkg.exports['.'], { types: './precis.d.ts', default: './precis.mjs' });
  assert.equal(pkg.exports['./worker'], './worker.mjs');
  for (const file of pkg.files) assert.ok(existsSync(path.join(pkgDir, file)), `${file} is not in the built package`);
  const types = readFileSync(path.join(pkgDir, 'precis.d.ts'), 'utf8');
  for (const name of ['createSummarizer', 'PrecisError', 'keep?:', 'restored?:', 'WorkerReply', 'broken']) {
    assert.ok(types.includes(name), `precis.d.ts lacks ${name}`);
  }
});

test('warmUp(): runs the built-in summary and leaves the module as it was', () => {
  const request = { documents: seeds.map((text) => ({ text })), budget: { words: 60 } };
  const fresh = summarizer.summarize(request);
  summarizer.warmUp();
  assert.equal(summarizer.broken, false);
  assert.deepEqual(summarizer.summarize(request), fresh);
});

// summarize() writes each text into the module's memory beside the JSON (the core's text_part);
// summarizeJson() sends one JSON string. Both must give the same answer for every kind of text:
// ASCII (written in place), text too rich in multi-byte characters for the room guessed for it
// (encoded at its exact length instead), lone surrogates, plain-string documents, empty texts and
// documents that are not text at all (an html one without a parser, a number: errors both ways).
test('summarize() and summarizeJson() agree, texts attached or inside the JSON', () => {
  const greek = 'Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία. Οι αγορές αντέδρασαν θετικά στην ανακοίνωση. '.repeat(20);
  const emoji = `${'Storm 🌀 hits the coast; residents 🏠 evacuated. '.repeat(40)}Lone \uD800 surrogate and \uDC00 too.`;
  const requests = [
    { documents: seeds, budget: { words: 60 } },
    { documents: [{ id: 'g', title: 'Οικονομία', text: greek }, { id: 7, text: emoji, date: '2024-01-02' }, seeds[0]] },
    { documents: [{ text: '' }, seeds[1]], options: { compress: false } },
    { documents: [{ text: seeds[2], keep: [{ utf8: { begin: 0, end: 10 } }] }] },
    { documents: [{ text: 42 }] },
    { documents: [{ html: '<p>Only a page</p>', text: 'ignored' }] },
    { documents: [] },
  ];
  for (const request of requests) {
    let viaObject;
    try {
      viaObject = summarizer.summarize(request);
    } catch (e) {
      assert.ok(e instanceof PrecisError, `not a PrecisError: ${e}`);
      viaObject = e.response;
    }
    const viaJson = JSON.parse(summarizer.summarizeJson(JSON.stringify(normalizeRequest(request))));
    assert.deepEqual(viaObject, viaJson, JSON.stringify(request).slice(0, 80));
  }
  // The module's transport field is not the caller's to set: refused, not read as another text.
  assert.equal(codeOf(() => summarizer.summarize({ documents: [seeds[0], { text_part: 0 }] })), 'invalid_request');
  assert.equal(JSON.parse(summarizer.summarizeJson(JSON.stringify({ documents: [{ text_part: 0 }] }))).errors[0].code,
               'invalid_request');
  assert.equal(summarizer.broken, false);
});
