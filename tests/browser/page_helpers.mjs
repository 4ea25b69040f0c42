// What the page tests share: paths, the seed articles, a page that records every request and every
// error, filling the boxes, waiting for a summary, and the no-network assertion.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
export const SITE = path.resolve(process.env.PRECIS_SITE_DIR ?? path.join(ROOT, 'build/site'));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(HERE, 'screenshots');
const SEEDS = path.resolve(process.env.PRECIS_DATA_DIR ?? path.join(ROOT, '../shared/data'), 'seeds');

/** Fails early, with the fix, when the site, Chromium or the seeds are missing. */
export function checkPrerequisites(files = ['index.html', 'app.js', 'precis/worker.mjs', 'precis/precis-core.wasm']) {
  for (const file of files) {
    assert.ok(existsSync(path.join(SITE, file)),
      `${path.join(SITE, file)} is missing: build the site first with scripts/build-wasm.sh`);
  }
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (or set CHROMIUM)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
}

export function loadSeeds() {
  return [1, 2, 3].map((n) => {
    const file = path.join(SEEDS, `article${n}.txt`);
    assert.ok(existsSync(file), `missing seed article ${file} (set PRECIS_DATA_DIR)`);
    return readFileSync(file, 'utf8');
  });
}

/**
 * Opens `url` in a fresh context, recording every request (page, workers, service worker) and
 * every console error, uncaught exception or worker error.
 */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  context.on('request', (request) => requests.push(request.url()));
  const onConsole = (where) => (message) => {
    if (message.type() === 'error') problems.push(`${where} console error: ${message.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('pageerror', (error) => problems.push(`uncaught in page: ${error.message}`));
  page.on('worker', (worker) => worker.on('console', onConsole('worker')));
  context.on('weberror', (error) => problems.push(`web error: ${error.error().message}`));
  await page.goto(url);
  return { context, page, requests, problems };
}

export async function fillArticles(page, texts) {
  const boxes = page.locator('textarea.article-text');
  while ((await boxes.count()) < texts.length) await page.click('#add-article');
  for (let i = 0; i < texts.length; i++) await boxes.nth(i).fill(texts[i]);
}

/** The summary's sentences as shown. */
export function summaryTexts(page) {
  return page.locator('#summary .sentence-text').allTextContents();
}

/** Clicks Summarize and waits for the summary or an error message; fails on an error. */
export async function summarize(page) {
  await page.click('#summarize');
  await page.waitForSelector('#summary li, .message.error', { timeout: 60_000 });
  await page.waitForSelector('#progress', { state: 'hidden', timeout: 60_000 });
  const errors = await page.locator('.message.error').allTextContents();
  assert.deepEqual(errors, [], 'the page shows an error');
}

/** Every recorded request stayed on `origin` (blob: URLs of the page count as its origin). */
export function assertSameOrigin(requests, origin) {
  assert.ok(requests.length > 0, 'no requests were recorded');
  const foreign = requests.filter((url) => new URL(url).origin !== origin);
  assert.deepEqual(foreign, [], `requests left ${origin}`);
}
