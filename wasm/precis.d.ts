// Types for the Précis ES module and its JSON schema (version 1; see README.md "JSON API").

export const SCHEMA_VERSION: 1;

export interface InputDocument {
  /** Your identifier; echoed back as document_id. Defaults to the 1-based position. */
  id?: string | number;
  /** Title, if known; lines repeating it are removed from the text. */
  title?: string;
  /** ISO 8601 date, if known; orders the summary. */
  date?: string;
  /** The article as plain text. One of text, html or blocks (+ elements) is required. */
  text?: string;
  /** A whole HTML page: native builds only (the wasm build answers html_needs_blocks). */
  html?: string;
  /** The page's block model from DOMParser (web/html_blocks.js); wins over html. */
  elements?: HtmlElement[];
  blocks?: HtmlBlock[];
  /** The page's <title>, with blocks. */
  page_title?: string;
  /**
   * Removed spans to put back (the reader says cleaning was wrong): every removed span that
   * overlaps one of these UTF-8 byte ranges is kept and reported in `restored`. A `removed` entry
   * of a previous response can be sent back as it is.
   */
  keep?: Array<{ utf8: Range }>;
}

/** A block-level element of an HTML page; `parent` indexes the elements array (-1: root). */
export interface HtmlElement {
  tag: string;
  parent: number;
  id?: string;
  class?: string;
  role?: string;
  itemprop?: string;
}

/** A run of text in reading order, held by `elements[element]`. */
export interface HtmlBlock {
  element: number;
  text: string;
  /** Characters (not white space) inside links. */
  link_chars: number;
}

export type Budget = { words: number } | { sentences: number };

export interface Options {
  /** Default {words: 100}. Words: 1-10000; sentences: 1-1000. */
  budget?: Budget;
  /** BCP 47 language code, default "en". */
  language?: string;
  /** Key sentences reported per document, 0-50, default 3. */
  key_sentences?: number;
  /** Return each document's (extracted) text only, without summarizing. */
  extract_only?: boolean;
  /** Default true: English summary sentences may be quoted compressed (see SentenceOut.omitted);
   *  false quotes every sentence whole (attributions such as "officials said" kept). */
  compress?: boolean;
}

export interface Request {
  version?: 1;
  documents: Array<InputDocument | string>;
  options?: Options;
  /** Shorthands for options.budget / options.language / options.key_sentences. */
  budget?: Budget;
  language?: string;
  key_sentences?: number;
}

export interface Range {
  begin: number;
  end: number;
}

export interface OmittedSpan {
  /** Byte offsets in the document's UTF-8 text, inside the sentence's. */
  utf8: Range;
  /** UTF-16 offsets: JavaScript string indices into the document text. */
  utf16: Range;
}

export interface SentenceOut {
  /**
   * The sentence exactly as it stands in the document text; for a summary sentence quoted
   * compressed (`omitted`), the sentence without the omitted spans, its first letter capitalised
   * (ASCII) when its start was omitted.
   */
  text: string;
  /** Index of the source document in the request. */
  document: number;
  document_id: string;
  /** Index of the sentence among the document's sentences. */
  sentence: number;
  words: number;
  /** Byte offsets in the document's UTF-8 text: the whole sentence, even when compressed. */
  utf8: Range;
  /** UTF-16 offsets: JavaScript string indices into the document text. */
  utf16: Range;
  /**
   * Summary sentences only, when quoted compressed (English): the spans left out, in order,
   * disjoint, inside the sentence. Absent when the sentence is quoted whole.
   */
  omitted?: OmittedSpan[];
  /** Relative value, (0, 1]. */
  score: number;
  /** Summary sentences only: how many documents state the same content (>= 1). */
  support?: number;
}

export type RemovalReason =
  | 'title' | 'repeated_title' | 'repeated_line' | 'paywall' | 'related_links' | 'caption_credit'
  | 'byline' | 'share_prompt' | 'template' | 'slug' | 'heading' | 'dateline' | 'repeated_across_articles'
  | 'outside_article' | 'comments' | 'footer' | 'cookie_notice';

export interface RemovedSpan {
  reason: RemovalReason | string;
  detail: string;
  text: string;
  utf8: Range;
  utf16: Range;
}

export interface DocumentOut {
  id: string;
  title: string;
  words: number;
  sentences: number;
  key_sentences: SentenceOut[];
  removed: RemovedSpan[];
  /** Removed spans put back because the request's `keep` overlapped them (absent otherwise). */
  restored?: RemovedSpan[];
  /** Number of invalid UTF-8 sequences replaced by U+FFFD (0 for JavaScript strings). */
  invalid_utf8: number;
  /** The text every offset points into (for HTML input: the extracted article). */
  text?: string;
  from_html?: boolean;
  blocks_kept?: number;
  blocks_total?: number;
}

export interface Message {
  code: string;
  message: string;
  document?: number;
}

export type ErrorCode =
  | 'invalid_json' | 'invalid_request' | 'unsupported_version' | 'empty_input' | 'too_large'
  | 'invalid_language' | 'html_needs_blocks' | 'out_of_memory' | 'internal'
  | 'unsupported_runtime';  // createSummarizer() only: a browser without WebAssembly exception handling or bulk memory

export interface Response {
  version: 1;
  ok: boolean;
  summary: SentenceOut[];
  documents: DocumentOut[];
  warnings: Message[];
  errors: Array<Message & { code: ErrorCode }>;
  stats: { documents: number; sentences: number; words: number; concepts: number; concept_threshold: number };
}

/** The documented limit on a JSON request, in bytes (too_large beyond it). */
export const MAX_REQUEST_BYTES: number;

/**
 * Every failure of summarize(): `code` says which (invalid_request, empty_input, too_large,
 * out_of_memory, ...), `message` explains it, `response` is the error response when there is one.
 * `internal` with `broken` set on the summarizer means the module crashed: create a new one.
 */
export class PrecisError extends Error {
  readonly name: 'PrecisError';
  readonly code: ErrorCode;
  readonly response?: Response;
}

export interface Summarizer {
  /** Throws PrecisError when the request cannot be served. */
  summarize(request: Request): Response;
  /** JSON string in, JSON string out; bad input is an error response, never an exception. */
  summarizeJson(requestJson: string): string;
  /** Bytes of memory the module holds now (it grows as requests need it and never shrinks). */
  memoryBytes(): number;
  /**
   * Runs a small built-in summary and discards it, so that the browser compiles the module's code
   * now rather than during the first real summary (worker.mjs calls it as it starts).
   */
  warmUp(): void;
  /** True after the module crashed (a bug); every later call throws PrecisError 'internal'. */
  readonly broken: boolean;
}

/** Messages of worker.mjs: post a WorkerRequest, receive a WorkerReply with the same id. */
export interface WorkerRequest {
  id: number | string;
  request: Request;
}
export type WorkerReply =
  | { id: number | string; response: Response; elapsedMs: number }
  | { id: number | string; error: { code: ErrorCode; message: string } }
  /** Posted once, unasked, when the module cannot load (the requests get the error too). */
  | { id: null; error: { code: ErrorCode; message: string } };

export interface CreateOptions {
  /** Where precis-core.wasm is served from (default: beside precis.mjs). */
  wasmUrl?: string | URL;
  /** The wasm bytes, if you already have them. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** An already compiled module (e.g. compiled once and shared with Workers). */
  wasmModule?: WebAssembly.Module;
  /**
   * Caps the module's memory in MiB (16..2048, default 2048). A request that needs more fails
   * with PrecisError code "out_of_memory"; the module stays usable.
   */
  maxMemoryMB?: number;
}

export function createSummarizer(options?: CreateOptions): Promise<Summarizer>;
export function normalizeRequest(request: Request): Request;
