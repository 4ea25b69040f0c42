// The article boxes: add and remove them, show each one's guessed title and word count as it is
// typed, take pasted HTML and dropped files, and remember which removed passages the reader
// restored (byte ranges of that exact text: any edit forgets them).
import { htmlToBlocks, looksLikeHtml } from './html_blocks.js';

const $ = (selector, root = document) => root.querySelector(selector);
const PALETTE_SIZE = 6; // .src-1 ... .src-6 in style.css
const META_DELAY_MS = 250; // the word count waits for a pause in typing (large pastes)
const LARGE_CHARS = 1_000_000;

export const paletteClass = (number) => `src-${((number - 1) % PALETTE_SIZE) + 1}`;
const plural = (n, word) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/** First non-blank line, shortened: what a reader would call the article's title. */
export function guessTitle(text) {
  const line = text.match(/^[ \t]*(\S[^\n]*)/m)?.[1].trim() ?? '';
  return line.length > 80 ? `${line.slice(0, 77).trimEnd()}…` : line;
}

/** White-space separated words holding a letter or digit (as the core counts them). */
export function countWords(text) {
  let n = 0;
  for (const m of text.matchAll(/\S+/g)) if (/[\p{L}\p{N}]/u.test(m[0])) n++;
  return n;
}

/**
 * Wires the list. `extract(html)` returns {text, title, kept, total} (the worker's extraction),
 * `show(kind, title, text, code)` shows a message, `onChange()` is called when any text changes.
 */
export function setUpArticles({ list, template, addButton, extract, show, clearMessages, status, onChange }) {
  function add() {
    const item = template.content.firstElementChild.cloneNode(true);
    item.keep = []; // removed spans (as the response gave them) that the reader restored
    $('.remove-article', item).addEventListener('click', () => {
      const next = item.nextElementSibling ?? item.previousElementSibling;
      item.remove();
      renumber();
      onChange();
      $('textarea', next)?.focus(); // keyboard focus must not fall back to the top of the page
    });
    list.append(item);
    renumber();
    updateMeta(item);
    return item;
  }

  function renumber() {
    const items = [...list.children];
    items.forEach((item, i) => {
      const n = i + 1;
      const textarea = $('textarea', item);
      textarea.id = `article-${n}`;
      $('label', item).htmlFor = textarea.id;
      $('label', item).textContent = `Article ${n}`;
      textarea.setAttribute('aria-describedby', `article-${n}-meta`);
      $('.article-meta', item).id = `article-${n}-meta`;
      item.className = `article ${paletteClass(n)}`;
      const remove = $('.remove-article', item);
      remove.setAttribute('aria-label', `Remove article ${n}`);
      remove.disabled = items.length === 1;
    });
  }

  function updateMeta(item) {
    const text = $('textarea', item).value;
    const meta = $('.article-meta', item);
    if (text.trim() === '') {
      meta.textContent = 'empty';
      return;
    }
    const title = guessTitle(text);
    // Counting words in megabytes of text would hold up typing: large pastes show their size.
    const size = text.length > LARGE_CHARS ? `${(text.length / 1e6).toFixed(1)} million characters`
      : plural(countWords(text), 'word');
    meta.textContent = `${size}${title ? ` · “${title}”` : ''}`; // the count first: a long title is cut
  }

  const metaTimers = new WeakMap();
  list.addEventListener('input', (event) => {
    const item = event.target.closest?.('li.article');
    if (!item) return;
    item.keep = []; // offsets of restored passages no longer point at them
    clearTimeout(metaTimers.get(item));
    metaTimers.set(item, setTimeout(() => updateMeta(item), META_DELAY_MS));
    onChange();
  });

  // ---- HTML paste and file drop --------------------------------------------------------------
  // A paste that carries HTML (text/html on the clipboard), a dropped .html file, or a dropped text
  // file that is HTML: the page's own DOMParser turns it into blocks (html_blocks.js; nothing in it
  // is run or fetched), the core extracts the article from them in the worker, and the box receives
  // the article text. Plain text is pasted as it is.

  /** Puts `text` into the box: replaces the selection (the whole box when it is empty). */
  function insertText(textarea, text) {
    const { selectionStart: start, selectionEnd: end, value } = textarea;
    textarea.value = value.slice(0, start) + text + value.slice(end);
    textarea.setSelectionRange(start + text.length, start + text.length);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }

  async function insertHtml(textarea, html, origin) {
    status('Extracting the article…');
    try {
      const article = await extract(htmlToBlocks(html));
      if (article.text.trim() === '') {
        show('warning', `${origin}:`, 'no article text was found in this HTML.');
        return;
      }
      insertText(textarea, article.text);
      show('info', `${origin}:`, `article text extracted (${plural(article.kept, 'block')} of ` +
        `${article.total.toLocaleString()} kept${article.title ? `; headline: ${article.title}` : ''}).`);
    } catch (e) {
      show('error', `${origin}:`, e.message, e.code);
    } finally {
      status('');
    }
  }

  list.addEventListener('paste', (event) => {
    const textarea = event.target.closest?.('textarea.article-text');
    const html = event.clipboardData?.getData('text/html');
    if (!textarea || !html) return;
    event.preventDefault();
    clearMessages();
    insertHtml(textarea, html, 'Pasted HTML');
  });

  list.addEventListener('dragover', (event) => {
    if (event.target.closest?.('textarea.article-text') && event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  });

  list.addEventListener('drop', async (event) => {
    const first = event.target.closest?.('textarea.article-text');
    const files = [...(event.dataTransfer?.files ?? [])];
    if (!first || files.length === 0) return;
    event.preventDefault();
    clearMessages();
    // The first file goes into the box it was dropped on, the others into new boxes.
    for (const [i, file] of files.entries()) {
      const textarea = i === 0 ? first : $('textarea', add());
      const content = await file.text();
      const isHtml = /\.x?html?$/i.test(file.name) || file.type === 'text/html' || looksLikeHtml(content);
      if (isHtml) {
        await insertHtml(textarea, content, file.name);
      } else if (file.type === '' || file.type.startsWith('text/')) {
        textarea.value = content;
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        show('error', `${file.name}:`, 'drop a text (.txt) or web page (.html) file.');
      }
    }
  });

  addButton.addEventListener('click', () => $('textarea', add()).focus());

  /** The boxes that hold text: [{number, text, item}], numbered as shown. */
  function filled() {
    return [...list.children]
      .map((item, i) => ({ number: i + 1, text: $('textarea', item).value, item }))
      .filter((s) => s.text.trim() !== '');
  }

  return { add, filled };
}
