// End-to-end test of the Précis page (build/site) in headless Chromium.
//
//   cd tests/browser && npm install && node --test
//
// Needs the built site (scripts/build-wasm.sh) and Chromium at /usr/bin/chromium
// (apt-get install chromium). PRECIS_SITE_DIR / PRECIS_DATA_DIR / CHROMIUM override the paths.
import { serveAndLaunch } from './harness.mjs';
import {
  CHROMIUM, SCREENSHOTS, SITE, assertSameOrigin as assertOnOrigin, checkPrerequisites, fillArticles, loadSeeds,
  openPage as openPageAt, summarize,
} from './page_helpers.mjs';
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

const TIMEOUT = 120_000;

// Text the cleaner must keep out of the summary (headlines, credits, related links, paywall).
const FORBIDDEN_IN_SUMMARY = ['Truce in Limbo', 'ABC News', 'Reuters', 'Subscribe', 'free_limit', 'FAA Lifts'];
const IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const SCRIPT_PAYLOAD = '<script>window.__pwned=1</script>';
const SVG_PAYLOAD = '<svg onload="window.__pwned=1"></svg>';
const LINK_PAYLOAD = '<a href="javascript:window.__pwned=1">click</a>';

let origin;
let browser;
let site; // the server and browser together, for closing
let seeds;

before(async () => {
  checkPrerequisites(['index.html', 'app.js', 'style.css', 'precis/worker.mjs', 'precis/precis-core.wasm']);
  seeds = loadSeeds();

  site = await serveAndLaunch(SITE, CHROMIUM);
  ({ origin, browser } = site);
});

after(async () => {
  await site?.close();
});

// The page at the site's root, recording every request and every error (page_helpers.mjs).
const openPage = (contextOptions = {}) => openPageAt(browser, `${origin}/`, contextOptions);

function summaryItems(page) {
  return page.locator('#summary li').evaluateAll((items) => items.map((li) => ({
    text: li.querySelector('.sentence-text')?.textContent ?? '',
    source: li.querySelector('.source')?.textContent ?? '',
    support: li.querySelector('.support')?.textContent ?? null,
  })));
}

function assertSameOrigin(requests) {
  assertOnOrigin(requests, origin);
  // The worker's own fetches are recorded too, so the check above covers them.
  assert.ok(requests.some((url) => url.endsWith('/precis/precis-core.wasm')),
    `the wasm fetch was not recorded: ${requests.join(', ')}`);
}

test('summarizes the three seed articles', { timeout: TIMEOUT }, async () => {
  const { context, page, requests, problems } = await openPage();
  assert.equal(await page.locator('textarea.article-text').count(), 2, 'the page starts with two article boxes');
  await page.click('#add-article');
  assert.equal(await page.locator('textarea.article-text').count(), 3);
  await fillArticles(page, seeds);
  assert.equal(await page.inputValue('#budget-value'), '100');
  assert.equal(await page.inputValue('#budget-unit'), 'words');
  await summarize(page);

  const items = await summaryItems(page);
  assert.ok(items.length >= 2, `expected at least 2 summary sentences, got ${items.length}`);
  for (const item of items) {
    assert.match(item.source, /^Article [123]( · .+)?$/, `sentence without its source: ${item.text}`);
    for (const bad of FORBIDDEN_IN_SUMMARY) {
      assert.ok(!item.text.includes(bad), `summary sentence contains "${bad}": ${item.text}`);
    }
    if (item.support !== null) assert.match(item.support, /^stated in \d+ articles$/);
  }
  const texts = items.map((item) => item.text);
  assert.equal(new Set(texts).size, texts.length, `repeated summary sentence:\n${texts.join('\n')}`);
  assert.match(await page.textContent('#timing'), /in \d[\d,]*(\.\d)? ms/);

  // What cleaning removed: open every panel; the paywall and the photo credit must be visible.
  for (const summary of await page.locator('#removed details > summary').all()) await summary.click();
  const paywall = page.locator('.removed[data-reason="paywall"] .removed-text');
  assert.ok(await paywall.first().isVisible(), 'no visible paywall removal');
  const paywallText = (await paywall.allTextContents()).join('\n');
  assert.ok(paywallText.includes('free_limit') && paywallText.includes('Subscribe now for unlimited access'),
    `paywall text not shown: ${paywallText}`);
  assert.ok(await page.locator('.removed-text', { hasText: 'John Kerry Reuters' }).first().isVisible(),
    '"John Kerry Reuters" is not shown as removed');

  await page.locator('textarea').evaluateAll((boxes) => boxes.forEach((box) => { box.scrollTop = 0; }));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'seeds-desktop.png'), fullPage: true });
  assertSameOrigin(requests);
  assert.deepEqual(problems, []);
  await context.close();
});

test('works on a phone-sized screen in dark mode', { timeout: TIMEOUT }, async () => {
  const { context, page, requests, problems } = await openPage({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'dark',
  });
  await fillArticles(page, seeds);
  await summarize(page);
  assert.ok((await summaryItems(page)).length >= 2);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);
  await page.locator('textarea').evaluateAll((boxes) => boxes.forEach((box) => { box.scrollTop = 0; }));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'seeds-phone-dark.png'), fullPage: true });
  assertSameOrigin(requests);
  assert.deepEqual(problems, []);
  await context.close();
});

test('article text with markup is shown literally, never run', { timeout: TIMEOUT }, async () => {
  const { context, page, problems } = await openPage();
  await fillArticles(page, [
    `${IMG_PAYLOAD}\n\nThe city council approved the new budget on Tuesday after a long debate. ` +
      `The mayor said the budget would fund ${SCRIPT_PAYLOAD} new schools and parks.\n`,
    `${SCRIPT_PAYLOAD}\n\nThe city council approved the new budget on Tuesday. ` +
      `Officials said the ${IMG_PAYLOAD} plan includes money for new schools and parks across the city.\n`,
    `${SVG_PAYLOAD}\n\nThe council approved the new budget on Tuesday, officials said. ` +
      `Residents can read the ${LINK_PAYLOAD} plan online before the vote on new schools and parks.\n`,
  ]);
  await summarize(page);
  await page.waitForTimeout(500); // give an injected onerror handler time to fire

  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'markup in article text was executed');
  // Links in the page itself are clicked too: none may be a javascript: link from the articles.
  for (const link of await page.locator('a').all()) await link.click({ trial: false, timeout: 2000 }).catch(() => {});
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a link from article text ran script');
  const injected = await page.evaluate(() => document.querySelectorAll(
    'img, script:not([src]), svg, a[href^="javascript:"], #result iframe').length);
  assert.equal(injected, 0, 'article markup became elements');
  const shown = await page.textContent('#result');
  assert.ok(shown.includes(IMG_PAYLOAD), 'the <img> text is not shown literally');
  assert.ok(shown.includes(SCRIPT_PAYLOAD), 'the <script> text is not shown literally');
  assert.ok(shown.includes(SVG_PAYLOAD) || shown.includes(LINK_PAYLOAD), 'the <svg>/<a> text is not shown literally');
  assert.deepEqual(problems, []);
  await context.close();
});

test('shows errors from the summarizer and keeps working', { timeout: TIMEOUT }, async () => {
  const { context, page, problems } = await openPage();
  // Nothing pasted: the page says so without asking the worker.
  await page.click('#summarize');
  assert.match(await page.textContent('.message.error'), /at least one article/);

  // A budget the core rejects: its error (code and message) is shown, no summary.
  await fillArticles(page, [seeds[0]]);
  await page.fill('#budget-value', '20000');
  await page.click('#summarize');
  const error = page.locator('.message.error');
  await error.waitFor();
  assert.match(await error.textContent(), /invalid_request/);
  assert.match(await error.textContent(), /10000/);
  assert.ok(await page.locator('#result').isHidden());

  // Fixed: the same worker answers again.
  await page.fill('#budget-value', '100');
  await summarize(page);
  assert.ok((await summaryItems(page)).length >= 1);
  assert.deepEqual(problems, []);
  await context.close();
});
