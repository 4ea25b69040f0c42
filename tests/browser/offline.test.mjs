// Offline use: once the page has been loaded, its service worker (web/sw.js) serves it with the
// network gone (the browser offline and the server stopped), and summaries still work.
//
//   cd tests/browser && node --test offline.test.mjs
import { serveAndLaunch } from './harness.mjs';
import { checkPrerequisites, CHROMIUM, fillArticles, loadSeeds, openPage, SITE, summarize, summaryTexts } from './page_helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

const TIMEOUT = 120_000;
let site;
let seeds;

before(async () => {
  checkPrerequisites(['index.html', 'sw.js', 'precis/precis-core.wasm']);
  seeds = loadSeeds();
  site = await serveAndLaunch(SITE, CHROMIUM);
});

after(async () => {
  await site?.close();
});

test('the service worker keeps every file the page and the example load', () => {
  const sw = readFileSync(path.join(SITE, 'sw.js'), 'utf8');
  const listed = JSON.parse(sw.match(/const FILES = (\[[^\]]*\])/)[1].replace(/'/g, '"').replace(/,\s*\]/, ']'));
  const served = [
    ...readdirSync(SITE).filter((f) => /\.(html|js|css)$/.test(f) && f !== 'sw.js'),
    ...readdirSync(path.join(SITE, 'precis')).filter((f) => /\.(mjs|js|wasm)$/.test(f)).map((f) => `precis/${f}`),
  ];
  for (const file of served) assert.ok(listed.includes(file), `sw.js does not keep ${file}`);
  for (const file of listed.filter((f) => f !== './')) assert.ok(served.includes(file), `sw.js lists a missing ${file}`);
});

test('works offline once loaded: reload and summarize with no network and no server', { timeout: TIMEOUT }, async () => {
  // A server of its own, so that it can be stopped without disturbing the harness.
  const server = startServer({ dir: SITE, port: 0 });
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { context, page, problems } = await openPage(site.browser, `${origin}/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });

  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await context.setOffline(true);
  const reloaded = await page.reload();
  assert.ok(reloaded.fromServiceWorker(), 'the page did not come from the service worker');
  assert.equal(await page.title(), 'Précis: summarize news articles in your browser');
  await fillArticles(page, seeds);
  await summarize(page);
  assert.ok((await summaryTexts(page)).length >= 2);
  assert.ok(await page.locator('#views mark.key').count() >= 3);
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
  await context.close();
});
