// The page's one Web Worker running the wasm summarizer (precis/worker.mjs), so no run ever blocks
// typing.
//
// Summaries are "latest wins": a budget slider fires many requests, and only the newest answer
// matters. At most one summary runs at a time and at most one waits; a newer request replaces the
// waiting one, which resolves {superseded: true}. A run that is already stale and has been going
// for a while is cancelled the only way a synchronous wasm call can be: the worker is terminated
// and a fresh one started. Article extraction requests (HTML paste) are never superseded; they are
// sent again if their worker is replaced.

const WORKER_URL = 'precis/worker.mjs';

export class SummarizerClient {
  #worker = null;
  #nextId = 1;
  #pending = new Map(); // id -> {kind: 'summary' | 'extract', request, resolve, started}
  #current = null; // id of the summary in flight
  #queued = null; // {request, resolve}: the newest summary request, waiting for the current one

  /**
   * @param cancelAfterMs a stale run older than this is cancelled (worker restarted)
   * @param onUnavailable called with {code, message} when the worker reports, unasked, that the
   *   module cannot load (an older browser, a missing file): before any summary is asked for
   */
  constructor({ cancelAfterMs = 400, onUnavailable = () => {} } = {}) {
    this.cancelAfterMs = cancelAfterMs;
    this.onUnavailable = onUnavailable;
  }

  /** Starts loading the module now, so that the first summary is quick. */
  warmUp() {
    this.#getWorker();
  }

  /** Extracts article text from HTML blocks (or any request that must be answered). */
  extract(request) {
    return new Promise((resolve) => this.#post('extract', request, resolve));
  }

  /** Resolves the worker's reply {response, elapsedMs} | {error}, or {superseded: true}. */
  summarize(request) {
    return new Promise((resolve) => {
      if (this.#current === null) {
        this.#current = this.#post('summary', request, resolve);
        return;
      }
      this.#queued?.resolve({ superseded: true });
      this.#queued = { request, resolve };
      const running = this.#pending.get(this.#current);
      if (running && performance.now() - running.started > this.cancelAfterMs) this.#restart();
    });
  }

  #getWorker() {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_URL, { type: 'module' });
    worker.addEventListener('message', ({ data }) => this.#onReply(data));
    worker.addEventListener('error', (event) => {
      // The worker could not start (the module failed to load): answer everything waiting, and
      // start a fresh worker next time.
      event.preventDefault();
      const message = event.message || `the summarizer (${WORKER_URL}) could not be loaded`;
      this.#dropWorker();
      const waiting = [...this.#pending.entries()];
      this.#pending.clear();
      this.#current = null;
      for (const [id, entry] of waiting) entry.resolve({ id, error: { code: 'worker', message } });
      if (this.#queued) {
        this.#queued.resolve({ error: { code: 'worker', message } });
        this.#queued = null;
      }
    });
    this.#worker = worker;
    return worker;
  }

  #dropWorker() {
    this.#worker?.terminate();
    this.#worker = null;
  }

  #post(kind, request, resolve) {
    const id = this.#nextId++;
    this.#pending.set(id, { kind, request, resolve, started: performance.now() });
    this.#getWorker().postMessage({ id, request });
    return id;
  }

  #onReply(data) {
    if (data?.id === null && data.error) {
      this.onUnavailable(data.error);
      return;
    }
    const entry = this.#pending.get(data?.id);
    if (!entry) return;
    this.#pending.delete(data.id);
    if (entry.kind === 'summary') {
      this.#current = null;
      if (this.#queued) {
        entry.resolve({ superseded: true }); // already out of date: do not render it
        this.#sendQueued();
        return;
      }
    }
    entry.resolve(data);
  }

  #sendQueued() {
    const { request, resolve } = this.#queued;
    this.#queued = null;
    this.#current = this.#post('summary', request, resolve);
  }

  /** Cancels the stale run in flight: a new worker, extraction requests sent again. */
  #restart() {
    this.#dropWorker();
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    this.#current = null;
    for (const entry of waiting) {
      if (entry.kind === 'summary') entry.resolve({ superseded: true });
      else this.#post(entry.kind, entry.request, entry.resolve);
    }
    if (this.#queued) this.#sendQueued();
  }
}
