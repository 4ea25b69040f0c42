// HTML cleaning in the browser equals HTML cleaning natively, on the 181 real pages of the Article
// Extraction Benchmark (../shared/data/aeb).
//
// For every page: the page's HTML is parsed in headless Chromium with DOMParser and turned into
// blocks by web/html_blocks.js; the wasm module extracts the article from those blocks
// (options.extract_only). Natively, `precis --clean --json` parses the same HTML with Gumbo and
// extracts with the same C++ code. Blocks, elements, page title and article text must be
// identical. Prints the time per page (DOMParser + blocks, and wasm extraction).
//
//   cd tests/browser && node --test clean_aeb.test.mjs
//
// Needs the built site (scripts/build-wasm.sh; PRECIS_SITE_DIR overrides), a native precis CLI
// (PRECIS_CLI, else build/native-release, build/native-debug), the aeb data (PRECIS_DATA_DIR holds
// aeb/) and Chromium (CHROMIUM). Skips, saying why, when the CLI or the data are missing.
import { serveAndLaunch } from './harness.mjs';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { gunzipSync } from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const SITE = path.resolve(process.env.PRECIS_SITE_DIR ?? path.join(ROOT, 'build/site'));
const AEB = path.resolve(process.env.PRECIS_DATA_DIR ?? path.join(ROOT, '../shared/data'), 'aeb');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CLI = [process.env.PRECIS_CLI, 'build/native-release/core/precis', 'build/native-debug/core/precis']
  .filter(Boolean).map((p) => path.resolve(ROOT, p)).find((p) => existsSync(p));
const TIMEOUT = 20 * 60_000;

let server;
let origin;
let browser;
let site; // the server and browser together, for closing

const skip = !CLI ? `no native precis CLI (build native-release, or set PRECIS_CLI)`
  : !existsSync(path.join(AEB, 'html')) ? `no benchmark pages under ${AEB}/html` : false;

before(async () => {
  if (skip) return;
  for (const file of ['index.html', 'html_blocks.js', 'precis/precis.mjs', 'precis/precis-core.wasm']) {
    assert.ok(existsSync(path.join(SITE, file)),
      `${path.join(SITE, file)} is missing: build the site first with scripts/build-wasm.sh`);
  }
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (or set CHROMIUM)`);
  site = await serveAndLaunch(SITE, CHROMIUM);
  ({ server, origin, browser } = site);
});

after(async () => {
  await site?.close();
});

/** First difference between two block lists, for the failure message. */
function firstDifference(a, b, what) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (!isDeepStrictEqual(a[i], b[i])) {
      return `${what}[${i}]: browser ${JSON.stringify(a[i])?.slice(0, 300)}\n      native ${JSON.stringify(b[i])?.slice(0, 300)}`;
    }
  }
  return `${what}: equal`;
}

const stats = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const mean = s.reduce((t, x) => t + x, 0) / s.length;
  return `mean ${mean.toFixed(1)} ms, median ${s[Math.floor(s.length / 2)].toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
};

test('DOMParser blocks + wasm extraction equal Gumbo + native extraction on the aeb pages', { timeout: TIMEOUT, skip },
  async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`uncaught in page: ${error.message}`));
    await page.goto(`${origin}/index.html`);
    await page.evaluate(async () => {
      const blocks = await import('/html_blocks.js');
      const { createSummarizer } = await import('/precis/precis.mjs');
      window.__clean = { blocks, summarizer: await createSummarizer() };
    });

    const files = readdirSync(path.join(AEB, 'html')).filter((f) => f.endsWith('.html.gz')).sort();
    assert.equal(files.length, 181, `expected the 181 aeb pages, found ${files.length}`);
    const mismatches = [];
    const blockMs = [];
    const extractMs = [];
    for (const file of files) {
      const html = gunzipSync(readFileSync(path.join(AEB, 'html', file))).toString('utf8');
      const native = JSON.parse(execFileSync(CLI, ['--clean', '--json', '-'], { input: html, maxBuffer: 1 << 28 })
        .toString('utf8'));
      const browserSide = await page.evaluate((source) => {
        const t0 = performance.now();
        const built = window.__clean.blocks.htmlToBlocks(source);
        const t1 = performance.now();
        const request = JSON.stringify({
          version: 1,
          documents: [{ elements: built.elements, blocks: built.blocks, page_title: built.title }],
          options: { extract_only: true },
        });
        const response = JSON.parse(window.__clean.summarizer.summarizeJson(request));
        const t2 = performance.now();
        return { ...built, response, blockMs: t1 - t0, extractMs: t2 - t1 };
      }, html);
      blockMs.push(browserSide.blockMs);
      extractMs.push(browserSide.extractMs);
      const id = file.slice(0, 12);
      assert.equal(browserSide.response.ok, true, `${id}: ${JSON.stringify(browserSide.response.errors)}`);
      const text = browserSide.response.documents[0].text;
      const same = isDeepStrictEqual(browserSide.elements, native.elements)
        && isDeepStrictEqual(browserSide.blocks, native.blocks)
        && browserSide.title === native.page_title && text === native.text;
      if (!same) {
        mismatches.push(`${id}: ${browserSide.title === native.page_title ? '' : 'title differs; '}`
          + `text ${text === native.text ? 'equal' : 'differs'}\n    `
          + `${firstDifference(browserSide.elements, native.elements, 'elements')}\n    `
          + `${firstDifference(browserSide.blocks, native.blocks, 'blocks')}`);
      }
    }
    console.log(`${files.length} pages, ${files.length - mismatches.length} identical in the browser and natively`);
    console.log(`browser, DOMParser + blocks per page: ${stats(blockMs)}`);
    console.log(`browser, wasm extraction per page (JSON in and out included): ${stats(extractMs)}`);
    assert.deepEqual(problems, []);
    assert.equal(mismatches.length, 0, `pages that differ:\n${mismatches.join('\n')}`);
    await context.close();
  });
