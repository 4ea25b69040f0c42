// Nothing pasted leaves the page: every request of a whole session (HTML paste, file drop,
// summaries, restore, copy, download, the service worker, the embedding example) is recorded and
// must stay on the page's origin, and the Content-Security-Policy refuses any other destination.
//
//   cd tests/browser && node --test network.test.mjs
import { serveAndLaunch } from './harness.mjs';
import { assertSameOrigin, checkPrerequisites, CHROMIUM, fillArticles, loadSeeds, openPage, SITE, summarize } from './page_helpers.mjs';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

const TIMEOUT = 120_000;
const ARTICLE_HTML = `<!doctype html><html><head><title>Truce talks | Example News</title>
  <link rel="stylesheet" href="https://cdn.example.com/site.css"><script src="https://cdn.example.com/track.js"></script></head>
  <body><nav><a href="https://example.com/">Home</a></nav><article><h1>Truce talks go on</h1>
  <p>Negotiators met again in Cairo on Thursday to discuss a humanitarian truce in Gaza, officials said.</p>
  <img src="https://images.example.com/photo.jpg" alt=""><iframe src="https://ads.example.com/"></iframe>
  <p>Secretary of State John Kerry said a week-long ceasefire could allow talks on the blockade of Gaza.</p>
  </article></body></html>`;
let site;
let seeds;

before(async () => {
  checkPrerequisites();
  seeds = loadSeeds();
  site = await serveAndLaunch(SITE, CHROMIUM);
});

after(async () => {
  await site?.close();
});

test('a whole session sends no request anywhere but the page\'s own files', { timeout: TIMEOUT }, async () => {
  const { context, page, requests, problems } = await openPage(site.browser, `${site.origin}/`, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  // Anything leaving the origin would also be stopped here (and recorded above first).
  const stopped = [];
  await context.route((url) => url.origin !== site.origin && url.protocol !== 'blob:', (route) => {
    stopped.push(route.request().url());
    return route.abort();
  });

  // HTML paste whose markup names other hosts: parsed inertly, nothing fetched.
  await page.evaluate((html) => {
    const box = document.querySelector('textarea.article-text');
    box.focus();
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, ARTICLE_HTML);
  await page.waitForFunction(() => document.querySelector('textarea.article-text').value !== '');
  // A dropped file, and two pasted seeds.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'seed.txt', { type: 'text/plain' }));
    document.querySelectorAll('textarea.article-text')[1]
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, seeds[0]);
  await page.waitForFunction(() => document.querySelectorAll('textarea.article-text')[1].value !== '');
  await page.click('#add-article');
  await page.locator('textarea.article-text').nth(2).fill(seeds[1]);
  await summarize(page);

  // Restore, a new length, copy, download.
  await page.locator('#removed details').first().locator('summary').click();
  await page.locator('#removed button[data-testid="restore"]').first().click();
  await page.locator('#removed li.restored').first().waitFor();
  await page.fill('#budget-value', '50');
  await page.waitForTimeout(1500);
  await page.click('#copy-markdown');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-txt')]);
  await download.path();
  await page.evaluate(() => navigator.serviceWorker.ready);

  assertSameOrigin(requests, site.origin);
  assert.deepEqual(stopped, [], 'requests to other origins were attempted');
  assert.ok(requests.some((url) => url.endsWith('/precis/precis-core.wasm')), 'the wasm fetch was not recorded');
  assert.ok(requests.some((url) => url.endsWith('/sw.js')), 'the service worker fetch was not recorded');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Content-Security-Policy refuses every other destination', { timeout: TIMEOUT }, async () => {
  const { context, page } = await openPage(site.browser, `${site.origin}/`);
  const answered = []; // requests that got a response (a refused one is reported, then fails)
  context.on('requestfinished', (request) => answered.push(request.url()));
  const headers = (await page.request.get(`${site.origin}/`)).headers();
  for (const csp of [headers['content-security-policy'],
    await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')]) {
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /connect-src 'self'/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:|\*/, `a loophole in: ${csp}`);
  }
  // The page's own code could not send anything if it tried.
  const attempts = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const fetched = await fetch('https://example.com/collect', { method: 'POST', body: 'text' }).then(() => 'sent', () => 'refused');
    const beacon = (() => { try { return navigator.sendBeacon('https://example.com/b', 'text') ? 'queued' : 'refused'; } catch { return 'refused'; } })();
    const image = await new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('refused');
      img.src = 'https://example.com/pixel.png?text';
    });
    await new Promise((r) => setTimeout(r, 200));
    return { fetched, beacon, image, violations };
  });
  assert.equal(attempts.fetched, 'refused');
  assert.equal(attempts.image, 'refused');
  assert.ok(attempts.violations.includes('connect-src') && attempts.violations.includes('img-src'),
    `no CSP violation reported: ${attempts.violations}`);
  assert.deepEqual(answered.filter((url) => url.includes('example.com')), [], 'a request to another host was answered');
  await context.close();
});
