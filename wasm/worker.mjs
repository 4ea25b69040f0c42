// Précis in a Web Worker, so a long summary never blocks the page.
//
// Post {id, request} (request as for Summarizer.summarize); receive {id, response, elapsedMs} or
// {id, error: {code, message}}. The first message also waits for the module to load. If the module
// cannot load (an older browser: unsupported_runtime; a missing file), the worker also says so at
// once, unasked, as {id: null, error}, so that a page can tell the reader before they ask. A module
// that crashed (a bug) is replaced before the next request, so one bad run never kills the worker.
// The module is loaded and warmed up (Summarizer.warmUp) as soon as the worker starts, so that the
// first summary the reader asks for does not pay for compiling the module's code.
import { createSummarizer, PrecisError } from './precis.mjs';

function errorOf(e) {
  return e instanceof PrecisError ? { code: e.code, message: e.message } : { code: 'internal', message: String(e?.message ?? e) };
}

async function warmSummarizer() {
  const summarizer = await createSummarizer();
  try {
    summarizer.warmUp();
  } catch {
    // Only a crashed module throws here; the next request replaces it (summarizer.broken).
  }
  return summarizer;
}

let ready = warmSummarizer();
ready.catch((e) => self.postMessage({ id: null, error: errorOf(e) }));  // requests still get it too

self.onmessage = async (event) => {
  const { id, request } = event.data ?? {};
  try {
    let summarizer = await ready;
    if (summarizer.broken) {
      ready = warmSummarizer();
      summarizer = await ready;
    }
    const started = performance.now();
    const response = summarizer.summarize(request);
    self.postMessage({ id, response, elapsedMs: performance.now() - started });
  } catch (e) {
    self.postMessage({ id, error: errorOf(e) });
  }
};
