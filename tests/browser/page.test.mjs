// The page's features in headless Chromium: the article view (key sentences, click-through from the
// summary), restoring a removed passage, copy and download, the summary length that re-summarizes
// as it moves, keyboard-only use, and screenshots (desktop and phone, light and dark).
//
//   cd tests/browser && node --test page.test.mjs
import { serveAndLaunch } from './harness.mjs';
import {
  assertSameOrigin, checkPrerequisites, CHROMIUM, fillArticles, loadSeeds, openPage, SCREENSHOTS, SITE,
  summarize, summaryTexts,
} from './page_helpers.mjs';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

const TIMEOUT = 120_000;
let site;
let seeds;

before(async () => {
  checkPrerequisites(['index.html', 'app.js', 'article_view.js', 'export.js', 'precis/worker.mjs', 'precis/precis-core.wasm']);
  seeds = loadSeeds();
  site = await serveAndLaunch(SITE, CHROMIUM);
});

after(async () => {
  await site?.close();
});

const open = (options) => openPage(site.browser, `${site.origin}/`, options);

/** The summary sentence links: {text, href} */
const summaryLinks = (page) => page.locator('#summary a.sentence-link').evaluateAll(
  (links) => links.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));

test('article view: key sentences highlighted, a summary sentence leads to its place in its article', { timeout: TIMEOUT }, async () => {
  const { context, page, requests, problems } = await open();
  await fillArticles(page, seeds);
  await summarize(page);

  // One view per article, each with its key sentences (3 asked) highlighted, taken from its text.
  const views = page.locator('#views details.article-view');
  assert.equal(await views.count(), 3);
  for (let i = 0; i < 3; i++) {
    const view = views.nth(i);
    assert.ok(await view.evaluate((d) => d.open), `article ${i + 1} view is closed`);
    const keys = await view.locator('mark.sentence-mark.key').allTextContents();
    assert.ok(keys.length >= 1 && keys.length <= 3, `article ${i + 1}: ${keys.length} key sentences`);
    const body = await view.locator('.article-body').textContent();
    assert.equal(body, seeds[i], `article ${i + 1}: the view does not show the article text exactly`);
    assert.ok(await view.locator('mark.key').first().isVisible());
    // What cleaning removed is shown struck through, in place.
    assert.ok((await view.locator('.removed-run').count()) >= 1);
  }

  // Every summary sentence is marked in its article; following a link reveals it, highlighted. A
  // compressed one shows what it left out dimmed, in place: its kept parts read as the summary's
  // sentence (the first letter capitalised when its start was left out).
  const links = await summaryLinks(page);
  assert.ok(links.length >= 2);
  let compressed = 0;
  for (const link of links) {
    const mark = page.locator(link.href);
    assert.match(await mark.getAttribute('class'), /in-summary/);
    const omitted = await mark.locator('.omitted').count();
    if (omitted === 0) {
      assert.equal(await mark.textContent(), link.text);
      continue;
    }
    compressed += 1;
    assert.ok(await mark.locator('.omitted').first().isVisible(), 'omitted parts are dimmed, not hidden');
    const kept = await mark.evaluate((m) => [...m.childNodes].filter((n) => !n.classList?.contains('omitted')).map((n) => n.textContent).join(''));
    assert.equal(kept.charAt(0).toUpperCase() + kept.slice(1), link.text);
  }
  assert.ok(compressed >= 1, 'the seeds\' summary quotes a compressed sentence');
  const last = links.at(-1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#summary a.sentence-link').last().click();
  const target = page.locator(link_id(last.href));
  await assertRevealed(page, target);
  // Another one moves the highlight.
  await page.locator('#summary a.sentence-link').first().click();
  await assertRevealed(page, page.locator(link_id(links[0].href)));
  assert.equal(await page.locator('mark.target').count(), 1, 'only one sentence is highlighted as the target');
  assert.equal(page.url(), `${site.origin}/`, 'following a sentence must not navigate');

  await page.screenshot({ path: path.join(SCREENSHOTS, 'article-view-click-through.png') });
  assertSameOrigin(requests, site.origin);
  assert.deepEqual(problems, []);
  await context.close();
});

const link_id = (href) => `[id="${href.slice(1)}"]`;

/** The mark is the one target, focused, and visible in the window and in its scrolling box. */
async function assertRevealed(page, mark) {
  await page.waitForFunction((el) => el.classList.contains('target'), await mark.elementHandle());
  const state = await mark.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const box = el.closest('.article-body').getBoundingClientRect();
    return {
      focused: document.activeElement === el,
      inWindow: r.top >= 0 && r.bottom <= window.innerHeight,
      inBox: r.top >= box.top - 1 && r.top < box.bottom,
      background: getComputedStyle(el).backgroundColor,
    };
  });
  assert.ok(state.focused, 'the revealed sentence has the focus');
  assert.ok(state.inWindow, 'the revealed sentence is not in the window');
  assert.ok(state.inBox, 'the revealed sentence is scrolled out of its article box');
  assert.notEqual(state.background, 'rgba(0, 0, 0, 0)', 'the revealed sentence is not highlighted');
}

test('a wrongly removed passage can be restored, and removed again', { timeout: TIMEOUT }, async () => {
  const { context, page, requests, problems } = await open();
  await fillArticles(page, seeds);
  await summarize(page);
  const panel = page.locator('#removed details[data-article="2"]');
  await panel.locator('summary').click();
  const credit = panel.locator('li.removed[data-reason="caption_credit"]');
  assert.match(await credit.locator('.removed-text').textContent(), /John Kerry Reuters/);
  const view = page.locator('#views details[data-article="2"]');
  assert.ok(await view.locator('.removed-run', { hasText: 'John Kerry Reuters' }).count() === 1);

  await credit.locator('button[data-testid="restore"]').click();
  const restored = panel.locator('li.removed.restored');
  await restored.waitFor();
  assert.match(await restored.textContent(), /John Kerry Reuters/);
  assert.ok(await panel.evaluate((d) => d.open), 'the panel stays open after the new summary');
  assert.match(await panel.locator('summary').textContent(), /1 restored/);
  // Restored text is article text again: no longer struck through in the article view.
  assert.equal(await view.locator('.removed-run', { hasText: 'John Kerry Reuters' }).count(), 0);
  assert.match(await view.locator('.article-body').textContent(), /John Kerry Reuters/);

  // "Remove again" undoes it.
  await restored.locator('button[data-testid="unrestore"]').click();
  await panel.locator('li.removed.restored').waitFor({ state: 'detached' });
  assert.equal(await view.locator('.removed-run', { hasText: 'John Kerry Reuters' }).count(), 1);

  // Editing an article forgets its restored passages (their offsets no longer hold).
  await panel.locator('li.removed[data-reason="caption_credit"] button[data-testid="restore"]').click();
  await panel.locator('li.removed.restored').waitFor();
  await page.locator('textarea.article-text').nth(1).fill(`${seeds[1]}\nOne more line.`);
  await summarize(page);
  assert.equal(await page.locator('#removed li.removed.restored').count(), 0);
  assertSameOrigin(requests, site.origin);
  assert.deepEqual(problems, []);
  await context.close();
});

test('copy as plain text and Markdown, download .txt and .md', { timeout: TIMEOUT }, async () => {
  const { context, page, requests, problems } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await fillArticles(page, seeds);
  await summarize(page);
  const sentences = await summaryTexts(page);

  await page.click('#copy-text');
  await page.waitForFunction(() => /Copied as plain text/.test(document.querySelector('#export-status').textContent));
  const text = await page.evaluate(() => navigator.clipboard.readText());
  for (const [i, s] of sentences.entries()) assert.ok(text.includes(`${s} [${i + 1}]`), `plain text lacks: ${s}`);
  assert.match(text, /\nSources:\n\[1\] Article [123], “[^”]+”, sentence \d+/);

  await page.click('#copy-markdown');
  await page.waitForFunction(() => /Copied as Markdown/.test(document.querySelector('#export-status').textContent));
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(markdown.startsWith('## Summary\n\n'));
  assert.match(markdown, /\[\^1\]: Article [123], “[^”]+”, sentence \d+/);
  assert.equal((markdown.match(/^\[\^\d+\]: /gm) ?? []).length, sentences.length, 'one source note per sentence');
  if (await page.locator('#summary .support').count() > 0) assert.match(markdown, /stated in \d articles/);

  for (const [button, name, expected] of [['#download-txt', 'precis-summary.txt', text], ['#download-md', 'precis-summary.md', markdown]]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    assert.equal(download.suggestedFilename(), name);
    assert.match(download.url(), /^blob:/);
    assert.equal(readFileSync(await download.path(), 'utf8'), expected, `${name} differs from what was copied`);
  }
  assertSameOrigin(requests, site.origin);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the summary length re-summarizes as it moves, once per pause, without a click', { timeout: TIMEOUT }, async () => {
  const { context, page, requests, problems } = await open();
  await fillArticles(page, seeds);
  await summarize(page);
  const renders = () => page.evaluate(() => window.__renders);
  await page.evaluate(() => {
    window.__renders = 0;
    new MutationObserver(() => { window.__renders++; }).observe(document.querySelector('#summary'), { childList: true });
  });
  const wordsShown = () => page.locator('#summary .sentence-text').evaluateAll(
    (ps) => ps.reduce((n, p) => n + p.textContent.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, 0));

  // Typing "40" key by key runs once, after the pause.
  await page.fill('#budget-value', '');
  await page.locator('#budget-value').pressSequentially('40', { delay: 60 });
  await page.waitForFunction(() => window.__renders >= 1, null, { timeout: 30_000 });
  await page.waitForTimeout(800);
  assert.equal(await renders(), 1, 'typing "40" re-summarized more than once');
  assert.ok((await wordsShown()) <= 40, `summary longer than 40 words: ${await wordsShown()}`);
  assert.equal(await page.inputValue('#budget-range'), '40', 'the slider follows the number');

  // The slider, by keyboard: the number follows and the summary is made again.
  await page.focus('#budget-range');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.inputValue('#budget-value'), '120');
  await page.waitForFunction(() => window.__renders >= 2, null, { timeout: 30_000 });
  await page.waitForSelector('#progress', { state: 'hidden' });
  assert.ok((await wordsShown()) > 40 && (await wordsShown()) <= 120);

  // Sentences: switching the unit converts the length (120 words: 4 sentences) and re-summarizes.
  await page.selectOption('#budget-unit', 'sentences');
  assert.equal(await page.inputValue('#budget-value'), '4');
  await page.waitForFunction(() => window.__renders >= 3, null, { timeout: 30_000 });
  await page.waitForSelector('#progress', { state: 'hidden' });
  assert.ok((await summaryTexts(page)).length <= 4);
  assert.deepEqual(await page.locator('.message.error').allTextContents(), []);
  assertSameOrigin(requests, site.origin);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard only: add an article, paste, summarize, follow a summary sentence', { timeout: TIMEOUT }, async () => {
  const { context, page, requests, problems } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  const active = () => page.evaluate(() => {
    const el = document.activeElement;
    return el?.id || el?.dataset?.testid || el?.tagName;
  });
  async function tabTo(predicate, what, key = 'Tab') {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(key);
      if (await page.evaluate(predicate)) return;
    }
    assert.fail(`Tab never reached ${what} (stuck at ${await active()})`);
  }
  const clip = (text) => page.evaluate((t) => navigator.clipboard.writeText(t), text);

  await tabTo(() => document.activeElement?.id === 'article-1', 'the first box');
  await clip(seeds[0]);
  await page.keyboard.press('Control+V');
  await tabTo(() => document.activeElement?.id === 'article-2', 'the second box');
  await clip(seeds[1]);
  await page.keyboard.press('Control+V');
  await tabTo(() => document.activeElement?.id === 'add-article', '"Add article"');
  await assertFocusVisible(page);
  await page.keyboard.press('Enter');
  assert.equal(await active(), 'article-3', 'a new box gets the focus');
  await clip(seeds[2]);
  await page.keyboard.press('Control+V');
  for (let i = 0; i < 3; i++) assert.equal(await page.locator('textarea.article-text').nth(i).inputValue(), seeds[i]);
  await page.waitForFunction(() => /\d+ words/.test(document.querySelectorAll('.article-meta')[2].textContent));

  await tabTo(() => document.activeElement?.id === 'summarize', 'Summarize');
  await assertFocusVisible(page);
  await page.keyboard.press('Space');
  await page.waitForSelector('#summary li', { timeout: 60_000 });

  await tabTo(() => document.activeElement?.classList.contains('sentence-link'), 'a summary sentence');
  await assertFocusVisible(page);
  const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, href.slice(1));
  assert.ok(await page.locator(link_id(href)).evaluate((el) => el.classList.contains('target')));

  // Back to the summary's buttons and copy with Space.
  await tabTo(() => document.activeElement?.id === 'copy-text', '"Copy text"', 'Shift+Tab');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /Copied/.test(document.querySelector('#export-status').textContent));
  assertSameOrigin(requests, site.origin);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The focused element shows a focus ring (an outline of some width). */
async function assertFocusVisible(page) {
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  assert.ok(ring.style !== 'none' && ring.width >= 2, `no visible focus ring: ${JSON.stringify(ring)}`);
}

for (const [name, options] of [
  ['desktop-light', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
  ['desktop-dark', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
  ['phone-light', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'light' }],
  ['phone-dark', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'dark' }],
]) {
  test(`screenshots: ${name}`, { timeout: TIMEOUT }, async () => {
    const { context, page, requests, problems } = await open(options);
    await fillArticles(page, seeds);
    await summarize(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.locator('textarea').evaluateAll((boxes) => boxes.forEach((box) => { box.scrollTop = 0; }));
    await page.screenshot({ path: path.join(SCREENSHOTS, `page-${name}.png`), fullPage: true });
    // The article view with a summary sentence followed (viewport only: what the reader sees).
    await page.locator('#summary a.sentence-link').nth(1).click();
    await page.waitForSelector('mark.target');
    await page.screenshot({ path: path.join(SCREENSHOTS, `article-view-${name}.png`) });
    assertSameOrigin(requests, site.origin);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('"Keep sentences whole" quotes every summary sentence as written', { timeout: TIMEOUT }, async () => {
  const { context, page } = await open();
  await fillArticles(page, seeds);
  await summarize(page);
  const compressedBefore = await page.locator('#views mark .omitted').count();
  assert.ok(compressedBefore >= 1, 'by default the seeds\' summary quotes a compressed sentence');
  await page.check('#keep-whole');  // re-summarizes
  await page.waitForFunction(() => document.querySelectorAll('#views mark .omitted').length === 0, null, { timeout: 60_000 });
  await page.waitForSelector('#progress', { state: 'hidden', timeout: 60_000 });
  const texts = await summaryTexts(page);
  assert.ok(texts.length >= 2);
  for (const t of texts) assert.ok(seeds.some((a) => a.includes(t)), `not a sentence as written: ${t}`);
  await context.close();
});

test('a module that cannot load is reported as the page opens, before any click', { timeout: TIMEOUT }, async () => {
  // Played by a missing precis-core.wasm; an older browser (unsupported_runtime) takes the same path.
  const context = await site.browser.newContext();
  await context.route('**/precis-core.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  const error = page.locator('#messages .message.error');
  await error.first().waitFor({ timeout: 30_000 });
  const text = await error.first().textContent();
  assert.match(text, /cannot run here/);
  assert.equal(await page.locator('#result').isHidden(), true, 'no summary was asked for');
  await context.close();
});
