#!/usr/bin/env node
// A tiny static file server for the Précis site (no dependencies).
//
//   node scripts/serve.mjs [DIR=build/site] [--port 8080]
//
// Binds 127.0.0.1 only and sends the page's Content-Security-Policy as a header. Tests import
// startServer({dir, port}) (port 0 = an ephemeral port).
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', // precis.d.ts
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIR = path.join(ROOT, 'build', 'site');

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Maps a request URL to a file inside `root` (a real path), or null when there is none. */
async function resolveFile(root, url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  let file = path.resolve(root, '.' + pathname);
  const inside = (p) => p === root || p.startsWith(root + path.sep);
  if (!inside(file)) return null;
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    file = await realpath(file); // no symlinks out of the site either
    if (!inside(file) || !(await stat(file)).isFile()) return null;
    return file;
  } catch {
    return null;
  }
}

/** Starts serving `dir` on 127.0.0.1:`port` and returns the http.Server (listening shortly). */
export function startServer({ dir = DEFAULT_DIR, port = 8080 } = {}) {
  const rootPromise = realpath(path.resolve(dir));
  const server = createServer(async (req, res) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'method not allowed\n');
    }
    let file, size;
    try {
      file = await resolveFile(await rootPromise, req.url);
      if (file) ({ size } = await stat(file));
    } catch {
      file = null;
    }
    if (!file) return send(res, 404, 'not found\n');
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': size,
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  rootPromise.then(
    () => server.listen(port, '127.0.0.1'),
    (e) => server.emit('error', new Error(`cannot serve ${dir}: ${e.message}`)),
  );
  return server;
}

function main(argv) {
  let dir = DEFAULT_DIR;
  let port = 8080;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) port = Number(arg.slice('--port='.length));
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node scripts/serve.mjs [DIR=build/site] [--port 8080]');
      return;
    } else dir = path.resolve(arg);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('serve.mjs: --port takes a number from 0 to 65535');
    process.exit(2);
  }
  const server = startServer({ dir, port });
  server.on('listening', () => {
    const relative = path.relative(process.cwd(), dir);
    const shown = relative === '' ? '.' : relative.startsWith('..') ? dir : relative;
    console.log(`serving ${shown} at http://127.0.0.1:${server.address().port}/`);
  });
  server.on('error', (e) => {
    console.error(`serve.mjs: ${e.message}`);
    if (dir === DEFAULT_DIR) console.error('(build the site first: scripts/build-wasm.sh)');
    process.exit(1);
  });
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) main(process.argv.slice(2));
