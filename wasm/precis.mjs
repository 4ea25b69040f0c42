// Précis as an ES module, for browsers, Web Workers and Node.
//
//   import { createSummarizer } from './precis.mjs';
//   const summarizer = await createSummarizer();
//   const response = summarizer.summarize({ documents: [{ text }], budget: { words: 100 } });
//
// summarize() is synchronous once the module is ready; run it in a Worker (worker.mjs) to keep a
// page responsive on large inputs.
import createPrecisCore from './precis-core.js';

export const SCHEMA_VERSION = 1;

// The documented request limit (README "Limits"): checked here too, so that an oversized request is
// refused before it is copied into the module's memory.
export const MAX_REQUEST_BYTES = 160 * 1024 * 1024;
// Likewise the limit on the documents' text together: UTF-8 is never shorter than UTF-16, so texts
// longer than this in code units are over it in bytes (summarize() refuses them uncopied).
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/**
 * Error thrown for a request Précis cannot serve. `code` is the response's error code:
 * invalid_json, invalid_request, unsupported_version, empty_input, too_large, invalid_language,
 * html_needs_blocks, out_of_memory, internal (a bug, or a module that crashed: create a new one),
 * or unsupported_runtime (createSummarizer in a browser too old for the module).
 */
export class PrecisError extends Error {
  constructor(code, message, response) {
    super(message);
    this.name = 'PrecisError';
    this.code = code;
    this.response = response;
  }
}

const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;

async function loadWasmBinaryInNode(url) {
  // Emscripten 3.1.6 would fetch() a file path under Node; hand it the bytes instead.
  const { readFile } = await import('node:fs/promises');
  return readFile(url);
}

// The WebAssembly features the module is built with (wasm/CMakeLists.txt), each as the smallest
// module that uses it: a function with try/catch_all (exception handling: Chrome 95, Firefox 100,
// Safari 15.2) and one with memory.fill (bulk memory: Chrome 75, Firefox 79, Safari 15). Checked
// before loading, so that an older browser gets a sentence rather than a compile error.
const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const VOID_FUNCTION = [0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00];  // type () -> (); one function
const WASM_FEATURES = {
  'exception handling': [...HEADER, ...VOID_FUNCTION, 0x0a, 0x08, 0x01, 0x06, 0x00, 0x06, 0x40, 0x19, 0x0b, 0x0b],
  'bulk memory': [...HEADER, ...VOID_FUNCTION, 0x05, 0x03, 0x01, 0x00, 0x01,
    0x0a, 0x0d, 0x01, 0x0b, 0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x0b, 0x00, 0x0b],
};

function missingWasmFeatures() {
  if (typeof WebAssembly !== 'object') return ['WebAssembly'];
  return Object.keys(WASM_FEATURES).filter((name) => !WebAssembly.validate(new Uint8Array(WASM_FEATURES[name])));
}

const WASM_PAGE = 65536;
const MIB = 1048576;
const INITIAL_MEMORY_MB = 16;  // as linked (wasm/CMakeLists.txt)
const MAXIMUM_MEMORY_MB = 2048;

/**
 * Loads the module. Options: `wasmUrl` (where precis-core.wasm is; default beside this file),
 * `wasmBinary` (the bytes) or `wasmModule` (an already compiled WebAssembly.Module, e.g. shared
 * with Workers); `maxMemoryMB` caps the module's memory (16..2048, default 2048): a request that
 * needs more fails with PrecisError code 'out_of_memory', and the next one works.
 */
export async function createSummarizer(options = {}) {
  const missing = missingWasmFeatures();
  if (missing.length > 0) {
    throw new PrecisError('unsupported_runtime', `this browser lacks WebAssembly ${missing.join(' and ')}: `
      + 'Précis needs Chrome 95, Firefox 100, Safari 15.2 or later (or Node 18)');
  }
  const maxMemoryMB = options.maxMemoryMB === undefined ? MAXIMUM_MEMORY_MB : Math.floor(Number(options.maxMemoryMB));
  if (!(maxMemoryMB >= INITIAL_MEMORY_MB && maxMemoryMB <= MAXIMUM_MEMORY_MB)) {
    throw new PrecisError('invalid_request', `maxMemoryMB must be between ${INITIAL_MEMORY_MB} and ${MAXIMUM_MEMORY_MB}`);
  }
  // The memory is made here (linked with IMPORTED_MEMORY) so that its cap is the caller's and this
  // file can read responses straight out of it.
  const memory = new WebAssembly.Memory({ initial: (INITIAL_MEMORY_MB * MIB) / WASM_PAGE, maximum: (maxMemoryMB * MIB) / WASM_PAGE });
  const wasmUrl = options.wasmUrl ?? new URL('./precis-core.wasm', import.meta.url);
  const moduleArgs = { locateFile: () => String(wasmUrl), wasmMemory: memory };
  if (options.wasmModule) {
    moduleArgs.instantiateWasm = (imports, receive) => {
      WebAssembly.instantiate(options.wasmModule, imports).then((instance) => receive(instance, options.wasmModule));
      return {};
    };
  } else if (options.wasmBinary) {
    moduleArgs.wasmBinary = options.wasmBinary;
  } else if (isNode) {
    moduleArgs.wasmBinary = await loadWasmBinaryInNode(wasmUrl);
  }
  const core = await createPrecisCore(moduleArgs);
  return new Summarizer(core, memory);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// What the core itself answers when memory runs out, for the one case it cannot answer: no room
// for the request bytes.
const OUT_OF_MEMORY_RESPONSE = JSON.stringify({
  version: SCHEMA_VERSION, ok: false,
  errors: [{ code: 'out_of_memory', message: 'not enough memory for this request; try fewer or shorter documents' }],
});

const TOO_LARGE_RESPONSE = JSON.stringify({ version: SCHEMA_VERSION, ok: false, errors: [{ code: 'too_large',
  message: `request is over ${MAX_REQUEST_BYTES} bytes, the limit` }] });

// warmUp()'s request: a made-up two-article story written to pass through every stage (a byline,
// a share prompt and a related-stories line to clean; abbreviations, quotes and attributions for
// the sentence rules and compression; shared facts for the selection).
const WARM_UP_REQUEST = Object.freeze({
  version: SCHEMA_VERSION,
  documents: [
    { id: 'a', text: 'Harbor bridge reopens after repairs\n\nBy A. Writer\n\n'
      + 'PORTVILLE (Wire) - The U.S. Department of Transportation said Tuesday that the harbor bridge, '
      + 'closed since March, would reopen to traffic on Friday. "We are proud of the crews," Mr. Lee, '
      + 'the city\u2019s mayor, told reporters. Repairs cost $4.5 million, officials said.\n\n'
      + 'Share this article\n\nRelated: Ferry service expands' },
    { id: 'b', text: 'The harbor bridge will reopen on Friday after eight months of repairs, the city said. '
      + 'However, trucks over 10 tons (about 9 tonnes) remain banned until June. Dr. Smith, who led the '
      + 'inspection, called the work "thorough and safe."' },
  ],
  options: { budget: { words: 40 } },
});

class Summarizer {
  #core;
  #memory;
  #crashed = null; // the trap that broke this instance, if any

  constructor(core, memory) {
    this.#core = core;
    this.#memory = memory;
  }

  /**
   * Runs a small built-in summary and discards it. A browser compiles each function of a wasm
   * module the first time it runs, so without this the first real summary pays for compiling
   * most of the module (in Chromium about 200 ms, for a summary that takes 3 ms warm). Call it
   * right after createSummarizer(), while the reader is still pasting: worker.mjs does.
   */
  warmUp() {
    this.#summarizeRequest(WARM_UP_REQUEST);
  }

  /** True once the module has trapped (a bug): its memory cannot be trusted, create a new one. */
  get broken() {
    return this.#crashed !== null;
  }

  /**
   * Raw interface: JSON request string in, JSON response string out. Bad input is an error
   * response, never an exception; only a crashed module throws (PrecisError 'internal').
   */
  summarizeJson(requestJson) {
    if (typeof requestJson !== 'string') throw new PrecisError('invalid_request', 'summarizeJson takes a JSON string');
    // UTF-8 is never shorter than UTF-16 in code units: longer strings are over the byte limit.
    if (requestJson.length > MAX_REQUEST_BYTES) return TOO_LARGE_RESPONSE;
    return this.#call((core) => {
      // TextEncoder writes U+FFFD for lone surrogates, as the schema asks.
      const bytes = encoder.encode(requestJson);
      const data = core.requestBuffer(bytes.length);
      if (data === 0) return 0;  // checked malloc: the module is untouched
      new Uint8Array(this.#memory.buffer, data, bytes.length).set(bytes);
      return core.summarizeBuffer(data, bytes.length);  // frees the request buffer
    });
  }

  /**
   * Summarizes `request` ({documents, options} per the schema; `budget` and `language` may also be
   * given at the top level for convenience). Returns the response object; throws PrecisError when
   * the response has ok === false.
   */
  summarize(request) {
    const response = JSON.parse(this.#summarizeRequest(normalizeRequest(request)));
    if (!response.ok) {
      const e = response.errors?.[0] ?? { code: 'internal', message: 'unknown error' };
      throw new PrecisError(e.code, e.message, response);
    }
    return response;
  }

  // Runs `send(core)`, which hands a request to the module and returns the response's length (0:
  // no memory for the request), and returns the response. A trap or an abort (never a C++ error:
  // those are responses) marks this instance crashed.
  #call(send) {
    if (this.#crashed) {
      throw new PrecisError('internal', `this summarizer crashed earlier (${this.#crashed}); create a new one`);
    }
    try {
      const core = this.#core;
      const length = send(core);
      if (length === 0) return OUT_OF_MEMORY_RESPONSE;
      // memory.buffer is read after the call: the memory may have grown (a new ArrayBuffer).
      const response = decoder.decode(new Uint8Array(this.#memory.buffer, core.responseData(), length));
      core.releaseResponse();
      return response;
    } catch (e) {
      this.#crashed = String(e?.message ?? e);
      const code = /memory/i.test(this.#crashed) ? 'out_of_memory' : 'internal';
      throw new PrecisError(code, `the summarizer stopped: ${this.#crashed}; create a new one`);
    }
  }

  // A normalized request -> the response JSON. Each document's text goes into the module's memory
  // as it is, beside the JSON ({text_part: k} in its place: the core's handle_request_parts), so
  // it is neither escaped into JSON here nor read back a byte at a time by the core's JSON parser.
  #summarizeRequest(request) {
    const texts = [];
    let textLength = 0;
    const detach = (d, i) => {
      const object = typeof d === 'string' ? { text: d } : d;
      if (object != null && typeof object === 'object' && 'text_part' in object) {
        throw new PrecisError('invalid_request', `documents[${i}].text_part is the module's own transport: give the text as text`);
      }
      if (object == null || typeof object !== 'object' || typeof object.text !== 'string') return d;
      const { text, ...rest } = object;
      texts.push(text);
      textLength += text.length;
      return { ...rest, text_part: texts.length - 1 };
    };
    const documents = Array.isArray(request.documents) ? request.documents.map(detach) : request.documents;
    const header = JSON.stringify({ ...request, documents });
    if (header.length + textLength > MAX_REQUEST_BYTES) return TOO_LARGE_RESPONSE;
    if (textLength > MAX_TEXT_BYTES) {
      return JSON.stringify({ version: SCHEMA_VERSION, ok: false, errors: [{ code: 'too_large',
        message: `documents exceed ${MAX_TEXT_BYTES >> 20} MiB of text in total` }] });
    }
    return this.#call((core) => {
      const buffers = [];  // every buffer taken so far: handed to the core, or given back on failure
      const abandon = () => {
        for (const b of buffers) core.releaseBuffer(b);
        return 0;
      };
      const parts = core.requestBuffer(8 * texts.length);
      if (parts === 0) return 0;
      buffers.push(parts);
      const pairs = [];
      for (const text of texts) {
        const [data, size] = this.#writeText(core, text);
        if (data === 0) return abandon();
        buffers.push(data);
        pairs.push(data, size);
      }
      const head = encoder.encode(header);
      const data = core.requestBuffer(head.length);
      if (data === 0) return abandon();
      new Uint8Array(this.#memory.buffer, data, head.length).set(head);
      new Uint32Array(this.#memory.buffer, parts, pairs.length).set(pairs);
      return core.summarizeParts(data, head.length, parts, texts.length);  // frees every buffer
    });
  }

  // Writes `text` as UTF-8 into a buffer of the module's: [pointer, bytes], or [0, 0] when memory is
  // short. Straight into the module's memory (encodeInto) when it fits in room for mostly ASCII
  // text; else encoded first, at its exact length.
  #writeText(core, text) {
    const room = text.length + (text.length >> 3) + 64;
    let data = core.requestBuffer(room);
    if (data === 0) return [0, 0];
    const { read, written } = encoder.encodeInto(text, new Uint8Array(this.#memory.buffer, data, room));
    if (read === text.length) return [data, written];
    core.releaseBuffer(data);
    const bytes = encoder.encode(text);
    data = core.requestBuffer(bytes.length);
    if (data === 0) return [0, 0];
    new Uint8Array(this.#memory.buffer, data, bytes.length).set(bytes);
    return [data, bytes.length];
  }

  /** Bytes of memory the module holds now (it grows as requests need it and never shrinks). */
  memoryBytes() {
    return this.#memory.buffer.byteLength;
  }
}

// Lone surrogates cannot cross into UTF-8; U+FFFD keeps every UTF-16 offset where it was.
const wellFormed = (s) => (typeof s !== 'string' ? s
  : typeof s.toWellFormed === 'function' ? s.toWellFormed()
  : s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

function cleanDocument(d) {
  if (typeof d === 'string') return wellFormed(d);
  if (d == null || typeof d !== 'object') return d;
  const out = { ...d };
  for (const k of ['text', 'html', 'title', 'id', 'date', 'page_title']) if (typeof out[k] === 'string') out[k] = wellFormed(out[k]);
  return out;
}

export function normalizeRequest(request) {
  if (request == null || typeof request !== 'object') {
    throw new PrecisError('invalid_request', 'request must be an object with documents');
  }
  const { documents, options = {}, budget, language, key_sentences: keySentences, ...rest } = request;
  const merged = { ...options };
  if (budget !== undefined) merged.budget = budget;
  if (language !== undefined) merged.language = language;
  if (keySentences !== undefined) merged.key_sentences = keySentences;
  const docs = Array.isArray(documents) ? documents.map(cleanDocument) : documents;
  return { version: SCHEMA_VERSION, ...rest, documents: docs, options: merged };
}
