// Offline use: a service worker that keeps a copy of the page's own files (nothing else: the page
// fetches nothing else). Network first, so a reader online always gets the current files and the
// copy is refreshed as they are used; offline, the copy answers. Pasted text never passes here:
// it never leaves the page.
const CACHE = 'precis-v1';
const FILES = [
  './', 'index.html', 'style.css', 'app.js', 'articles.js', 'article_view.js', 'export.js',
  'worker_client.js', 'html_blocks.js', 'embed-example.html', 'embed-example.js', 'embed-example.css',
  'precis/precis.mjs', 'precis/worker.mjs', 'precis/precis-core.js', 'precis/precis-core.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim(); // the page that registered it works offline without a reload
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) event.waitUntil(cache.put(request, response.clone()));
      return response;
    } catch (offline) {
      const copy = await cache.match(request, { ignoreSearch: true });
      if (copy) return copy;
      throw offline;
    }
  })());
});
