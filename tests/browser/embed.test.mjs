// The embedding example (web/embed-example.html + embed-example.js): a third-party page that
// imports the package from ./precis/precis.mjs in five lines and shows a summary of its articles.
//
//   cd tests/browser && node --test embed.test.mjs
import { serveAndLaunch } from './harness.mjs';
import { assertSameOrigin, checkPrerequisites, CHROMIUM, openPage, SCREENSHOTS, SITE } from './page_helpers.mjs';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

const TIMEOUT = 120_000;
let site;

before(async () => {
  checkPrerequisites(['embed-example.html', 'embed-example.js', 'precis/precis.mjs', 'precis/package.json', 'precis/README.md']);
  site = await serveAndLaunch(SITE, CHROMIUM);
});

after(async () => {
  await site?.close();
});

test('the example script is five lines importing the package', () => {
  const script = readFileSync(path.join(SITE, 'embed-example.js'), 'utf8').trimEnd().split('\n');
  assert.equal(script.length, 5);
  assert.match(script[0], /^import \{ createSummarizer \} from '\.\/precis\/precis\.mjs';$/);
  // The package README shows the same five lines.
  const readme = readFileSync(path.join(SITE, 'precis/README.md'), 'utf8');
  for (const line of script.slice(1)) assert.ok(readme.includes(line), `README lacks: ${line}`);
  const pkg = JSON.parse(readFileSync(path.join(SITE, 'precis/package.json'), 'utf8'));
  assert.equal(pkg.exports['.'].default, './precis.mjs');
  assert.equal(pkg.exports['.'].types, './precis.d.ts');
  assert.equal(pkg.exports['./worker'], './worker.mjs');
  for (const file of pkg.files) assert.ok(readFileSync(path.join(SITE, 'precis', file)), `${file} is not in the package`);
});

for (const colorScheme of ['light', 'dark']) {
  test(`a third-party page embeds the module and shows a summary (${colorScheme})`, { timeout: TIMEOUT }, async () => {
    const { context, page, requests, problems } = await openPage(site.browser, `${site.origin}/embed-example.html`, { colorScheme });
    const summary = page.locator('#precis-summary');
    await page.waitForFunction(() => !document.querySelector('#precis-summary').textContent.startsWith('Summarizing'),
      null, { timeout: 60_000 });
    const text = await summary.textContent();
    assert.match(text, /Mill Street bridge/);
    const words = text.split(/\s+/).filter(Boolean).length;
    assert.ok(words >= 15 && words <= 60, `summary of ${words} words`);
    // Every summary sentence is a sentence of one of the page's articles, whole or compressed (its
    // words, in order, among the article's: "Buses will return to the bridge on Monday, the transit
    // authority said." may be quoted without ", the transit authority said").
    const articles = await page.locator('article p').evaluateAll((ps) => ps.map((p) => p.innerText));
    const tokens = (t) => t.toLowerCase().split(/[^a-z0-9']+/).filter(Boolean);
    const within = (part, whole) => { let i = 0; for (const w of whole) if (w === part[i]) i += 1; return i === part.length; };
    for (const sentence of text.split(/(?<=\.) /)) {
      assert.ok(articles.some((a) => a.includes(sentence) || within(tokens(sentence), tokens(a))), `not from an article: ${sentence}`);
    }
    assert.ok(requests.some((url) => url.endsWith('/precis/precis-core.wasm')));
    assertSameOrigin(requests, site.origin);
    assert.deepEqual(problems, []);
    await page.screenshot({ path: path.join(SCREENSHOTS, `embed-example-${colorScheme}.png`), fullPage: true });
    await context.close();
  });
}
