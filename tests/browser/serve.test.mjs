// scripts/serve.mjs: MIME types, security headers, 127.0.0.1 only, no path traversal.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CONTENT_SECURITY_POLICY, startServer } from '../../scripts/serve.mjs';

let dir;
let server;
let port;

before(async () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'precis-serve-'));
  dir = path.join(parent, 'site');
  mkdirSync(path.join(dir, 'precis'), { recursive: true });
  writeFileSync(path.join(parent, 'secret.txt'), 'outside the site');
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  for (const name of ['app.js', 'style.css', 'precis/precis.mjs', 'precis/precis-core.wasm', 'precis/precis.d.ts',
    'precis/package.json', 'logo.png']) {
    writeFileSync(path.join(dir, name), 'x');
  }
  symlinkSync(path.join(parent, 'secret.txt'), path.join(dir, 'link.txt'));
  server = startServer({ dir, port: 0 });
  await once(server, 'listening');
  port = server.address().port;
});

after(() => {
  server.closeAllConnections();
  server.close();
  rmSync(path.dirname(dir), { recursive: true, force: true });
});

/** GET with the path sent exactly as given (no client-side normalisation). */
function get(rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('binds 127.0.0.1 only', () => {
  assert.equal(server.address().address, '127.0.0.1');
});

test('serves files with their MIME types and the security headers', async () => {
  const expected = {
    '/': 'text/html; charset=utf-8',
    '/index.html': 'text/html; charset=utf-8',
    '/app.js': 'text/javascript; charset=utf-8',
    '/style.css': 'text/css; charset=utf-8',
    '/precis/precis.mjs': 'text/javascript; charset=utf-8',
    '/precis/precis-core.wasm': 'application/wasm',
    '/precis/precis.d.ts': 'text/plain; charset=utf-8',
    '/precis/package.json': 'application/json; charset=utf-8',
    '/logo.png': 'image/png',
  };
  for (const [urlPath, type] of Object.entries(expected)) {
    const res = await get(urlPath);
    assert.equal(res.status, 200, urlPath);
    assert.equal(res.headers['content-type'], type, urlPath);
    assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY, urlPath);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', urlPath);
    assert.equal(res.headers['cache-control'], 'no-cache', urlPath);
  }
  const head = await get('/app.js', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  assert.equal((await get('/', 'POST')).status, 405);
});

test('nothing outside the directory is served', async () => {
  for (const rawPath of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/precis/..%2f..%2fsecret.txt',
    '/link.txt', '/missing.js', '/%00', '/%E0%A4%A', '//etc/passwd', '/..\\secret.txt']) {
    const res = await get(rawPath);
    assert.equal(res.status, 404, rawPath);
    assert.ok(!res.body.includes('outside the site'), rawPath);
  }
});
