// Pasting HTML and dropping files into the Précis page (headless Chromium).
//
//   cd tests/browser && node --test clean_paste.test.mjs
//
// A paste whose clipboard carries text/html becomes the extracted article text (DOMParser blocks,
// wasm extraction); plain-text pastes stay as they are; dropped .html and .txt files fill boxes.
// Needs the built site (scripts/build-wasm.sh; PRECIS_SITE_DIR overrides) and Chromium (CHROMIUM).
import { serveAndLaunch } from './harness.mjs';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const SITE = path.resolve(process.env.PRECIS_SITE_DIR ?? path.join(ROOT, 'build/site'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = 120_000;

const P1 = 'The city council approved the new budget on Tuesday after a debate that lasted most of the night.';
const P2 = 'The mayor said the money would pay for two new schools, a library and repairs to the old bridge.';
const PAGE = `<!doctype html><html><head><title>Budget approved | City News</title></head><body>
  <header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
  <main><article>
    <h1>Council approves the budget</h1>
    <div class="byline">By Jane Doe</div>
    <div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
    <div class="article-body"><p>${P1}</p>
      <figure><img src="x.jpg" alt=""><figcaption>The council chamber. Photo: City News</figcaption></figure>
      <p>${P2}</p>
      <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">
      <svg onload="window.__pwned = 1"></svg><a href="javascript:window.__pwned = 1"></a>
    </div>
    <aside class="related"><h2>Related</h2><ul><li><a href="/a">Mayor plans new bridge</a></li>
      <li><a href="/b">Schools get more money</a></li></ul></aside>
  </article></main>
  <footer>© 2024 City News. All rights reserved.</footer>
</body></html>`;

let server;
let origin;
let browser;
let site; // the server and browser together, for closing

before(async () => {
  for (const file of ['index.html', 'app.js', 'html_blocks.js', 'precis/worker.mjs', 'precis/precis-core.wasm']) {
    assert.ok(existsSync(path.join(SITE, file)),
      `${path.join(SITE, file)} is missing: build the site first with scripts/build-wasm.sh`);
  }
  site = await serveAndLaunch(SITE, CHROMIUM);
  ({ server, origin, browser } = site);
});

after(async () => {
  await site?.close();
});

async function openPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught in page: ${error.message}`));
  page.on('console', (m) => {
    // The page's Content-Security-Policy refusing an inline handler of the pasted HTML (<img
    // onerror>) while DOMParser builds its inert document is expected: it is the proof it did not run.
    if (m.type() === 'error' && !/inline event handler violates .*Content Security Policy/.test(m.text())) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  await page.goto(`${origin}/`);
  return { context, page, problems };
}

/** Fires a paste event on box `index` whose clipboard holds the given types. */
function paste(page, index, data) {
  return page.evaluate(({ index: i, data: d }) => {
    const box = document.querySelectorAll('textarea.article-text')[i];
    box.focus();
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(d)) dt.setData(type, value);
    const event = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    return box.dispatchEvent(event); // false: the page handled it
  }, { index, data });
}

test('pasted HTML becomes the article text, without navigation, captions or related links', { timeout: TIMEOUT }, async () => {
  const { context, page, problems } = await openPage();
  const notHandled = await paste(page, 0, { 'text/html': PAGE, 'text/plain': 'ignored plain version' });
  assert.equal(notHandled, false, 'the page did not take over the HTML paste');
  const box = page.locator('textarea.article-text').first();
  await page.waitForFunction(() => document.querySelector('textarea.article-text').value !== '');
  assert.equal(await box.inputValue(), `${P1}\n\n${P2}`);
  assert.match(await page.textContent('#messages'), /article text extracted.*Council approves the budget/s);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'markup from the pasted HTML was run');

  // A plain-text paste is left to the browser.
  const plainHandled = await paste(page, 1, { 'text/plain': 'Just text' });
  assert.equal(plainHandled, true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('dropped .html and .txt files fill the box and new boxes', { timeout: TIMEOUT }, async () => {
  const { context, page, problems } = await openPage();
  await page.evaluate(({ html, text }) => {
    const box = document.querySelectorAll('textarea.article-text')[0];
    const dt = new DataTransfer();
    dt.items.add(new File([html], 'budget.html', { type: 'text/html' }));
    dt.items.add(new File([text], 'notes.txt', { type: 'text/plain' }));
    box.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { html: PAGE, text: `${P2}\n` });
  await page.waitForFunction(() => document.querySelectorAll('textarea.article-text').length === 3
    && document.querySelectorAll('textarea.article-text')[2].value !== ''
    && document.querySelectorAll('textarea.article-text')[0].value !== '');
  const values = await page.locator('textarea.article-text').evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.equal(values[0], `${P1}\n\n${P2}`);
  assert.equal(values[2], `${P2}\n`);

  // The extracted texts summarize like any other.
  await page.click('#summarize');
  await page.waitForSelector('#summary li, .message.error', { timeout: 60_000 });
  assert.deepEqual(await page.locator('.message.error').allTextContents(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('raw HTML sent to the wasm module is refused with html_needs_blocks', { timeout: TIMEOUT }, async () => {
  const { context, page } = await openPage();
  const response = await page.evaluate(async (html) => {
    const { createSummarizer } = await import('/precis/precis.mjs');
    const summarizer = await createSummarizer();
    return JSON.parse(summarizer.summarizeJson(JSON.stringify({ documents: [{ html }] })));
  }, PAGE);
  assert.equal(response.ok, false);
  assert.equal(response.errors[0].code, 'html_needs_blocks');
  assert.match(response.errors[0].message, /documents\[0\]\.blocks/);
  await context.close();
});
