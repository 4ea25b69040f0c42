// The block model of an HTML page, built from the browser's own HTML5 parser (DOMParser), for the
// article extractor in the Précis core. It follows the rules of core/html/block.h line by line, so
// that the same page gives the same blocks here as natively with Gumbo (tests/browser/clean_aeb
// checks it on 181 real pages). Nothing in the page is run or loaded: DOMParser documents have
// scripting disabled and fetch nothing.
//
//   import { htmlToBlocks } from './html_blocks.js';
//   const { elements, blocks, title } = htmlToBlocks(htmlString);
//   request.documents.push({ elements, blocks, page_title: title });

const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font',
  'i', 'img', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small',
  'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'output', 'meter',
]);

const SKIPPED_TAGS = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object',
  'embed', 'canvas', 'video', 'audio', 'select', 'option', 'textarea', 'button', 'input', 'dialog',
  'map', 'applet', 'frame', 'frameset', 'datalist',
]);

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const MAX_BLOCK_DEPTH = 256; // core/html/block.h kMaxBlockDepth: deeper block elements are transparent
const SPACE_RUN = /[ \t\n\f\r\u00a0]+/g;
const SPACE_CHAR = /[ \t\n\f\r\u00a0]/;

// Lone surrogates cannot cross into UTF-8 (the core's JSON parser rejects them): U+FFFD instead.
const wellFormed = (s) => (typeof s.toWellFormed === 'function' ? s.toWellFormed()
  : s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

/** Runs of white space (space, tab, LF, FF, CR, U+00A0) -> one space; trimmed at both ends. */
export function collapseSpace(s) {
  return s.replace(SPACE_RUN, ' ').replace(/^ | $/g, '');
}

/** Code points that are not white space (as above). */
export function countVisibleChars(s) {
  let n = 0;
  for (const ch of s) if (!SPACE_CHAR.test(ch)) n++;
  return n;
}

function styleHides(style) {
  const s = style.replace(/[ \t\n\f\r]/g, '').replace(/[A-Z]/g, (c) => c.toLowerCase());
  return s.includes('display:none') || s.includes('visibility:hidden');
}

/** ASCII-lowercase local name (what Gumbo reports; DOM local names of HTML elements already are). */
const tagName = (el) => el.localName.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Builds the blocks of a parsed document. Returns {title, elements, blocks}: elements are
 * {tag, parent, id?, class?, role?, itemprop?}, blocks are {element, text, link_chars}.
 */
export function documentToBlocks(doc) {
  const elements = [];
  const blocks = [];
  const stack = []; // open block-level elements: {element, index}
  let pending = '';
  let pendingLinkChars = 0;

  const elementIndex = (depth) => {
    // Number the unnumbered ancestors first, outermost first.
    let first = depth + 1;
    while (first > 0 && stack[first - 1].index < 0) first--;
    for (let d = first; d <= depth; d++) {
      const parent = d > 0 ? stack[d - 1].index : -1;
      stack[d].index = elements.length;
      elements.push({ ...stack[d].element, parent });
    }
    return stack[depth].index;
  };

  const flush = () => {
    if (pending === '') return;
    const text = collapseSpace(wellFormed(pending));
    const links = pendingLinkChars;
    pending = '';
    pendingLinkChars = 0;
    if (text === '' || stack.length === 0) return;
    const element = elementIndex(stack.length - 1);
    const chars = countVisibleChars(text);
    blocks.push({ element, text, link_chars: Math.min(links, chars) });
  };

  const openElement = (el, tag) => {
    if (stack.length >= MAX_BLOCK_DEPTH) return false;
    flush();
    const element = { tag };
    for (const [name, key] of [['id', 'id'], ['class', 'class'], ['role', 'role'], ['itemprop', 'itemprop']]) {
      const value = collapseSpace(wellFormed(el.getAttribute(name) ?? ''));
      if (value !== '') element[key] = value;
    }
    stack.push({ element, index: -1 });
    return true;
  };

  const closeElement = () => {
    flush();
    stack.pop();
  };

  // Iterative walk (pages can nest deeper than the call stack allows).
  let linkDepth = 0;
  const root = doc.documentElement;
  if (root) {
    const frames = [];
    const enter = (node) => {
      if (node.nodeType === 3) { // text
        pending += node.data;
        if (linkDepth > 0) pendingLinkChars += countVisibleChars(node.data);
        return;
      }
      if (node.nodeType !== 1) return; // comments, processing instructions
      const tag = tagName(node);
      if (SKIPPED_TAGS.has(tag)) return;
      if (node.hasAttribute('hidden') || styleHides(node.getAttribute('style') ?? '')) return;
      if (tag === 'br') {
        flush();
        return;
      }
      const block = !INLINE_TAGS.has(tag) && openElement(node, tag);
      const link = tag === 'a';
      if (link) linkDepth++;
      frames.push({ node, child: node.firstChild, block, link });
    };
    enter(root);
    while (frames.length > 0) {
      const f = frames[frames.length - 1];
      if (f.child) {
        const next = f.child;
        f.child = next.nextSibling;
        enter(next);
        continue;
      }
      if (f.block) closeElement();
      if (f.link) linkDepth--;
      frames.pop();
    }
  }
  while (stack.length > 0) closeElement();
  flush();

  let title = '';
  for (const t of doc.getElementsByTagName('title')) {
    if (t.namespaceURI === HTML_NS) {
      title = collapseSpace(wellFormed(t.textContent ?? ''));
      break;
    }
  }
  return { title, elements, blocks };
}

/** Parses `html` with DOMParser (nothing is run or fetched) and builds its blocks. */
export function htmlToBlocks(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return documentToBlocks(doc);
}

/** Plain text or HTML? (core/html/block.cpp looks_like_html, the same rule.) */
export function looksLikeHtml(text) {
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  while (i < text.length && ' \t\n\f\r'.includes(text[i])) i++;
  const head = text.slice(i, i + 20).toLowerCase();
  for (const p of ['<!doctype html', '<html', '<head', '<body', '<meta', '<!--']) {
    if (head.startsWith(p)) return true;
  }
  const TAGS = ['<p>', '<p ', '</p>', '<div', '</div>', '<br', '<a href', '</a>', '<span', '</span>',
    '<li>', '</li>', '<h1', '<h2', '<h3', '<img ', '<table', '<article', '<section'];
  const limit = Math.min(text.length, 1 << 16);
  const lower = text.slice(0, limit + 16).toLowerCase();
  let tags = 0;
  for (let k = i; k + 1 < limit; k++) {
    if (lower[k] !== '<') continue;
    if (TAGS.some((t) => lower.startsWith(t, k))) tags++;
  }
  return tags >= 5 && tags * 200 >= Math.min(limit, text.length);
}
