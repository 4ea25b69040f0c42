// Précis page: collects the articles, runs the summarizer in a Web Worker, shows the result.
// All text that comes from the user or from the summarizer is rendered with textContent only.
import { htmlToBlocks, looksLikeHtml } from './html_blocks.js';

const $ = (selector, root = document) => root.querySelector(selector);
const articleList = $('#articles');
const articleTemplate = $('#article-template');
const form = $('#input-form');
const budgetValue = $('#budget-value');
const budgetUnit = $('#budget-unit');
const summarizeButton = $('#summarize');
const statusLine = $('#status');
const messages = $('#messages');
const result = $('#result');
const PALETTE_SIZE = 6; // .src-1 ... .src-6 in style.css

/** Creates an element with optional class names and text (set as textContent, never parsed). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

const plural = (n, word) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

// ---- Worker -------------------------------------------------------------------------------------

let worker = null;
let nextRequestId = 1;
const pending = new Map(); // request id -> resolve

function getWorker() {
  if (worker) return worker;
  worker = new Worker('precis/worker.mjs', { type: 'module' });
  worker.addEventListener('message', ({ data }) => {
    const resolve = pending.get(data?.id);
    pending.delete(data?.id);
    resolve?.(data);
  });
  worker.addEventListener('error', (event) => {
    // The worker could not start (e.g. the module failed to load): answer every waiting request,
    // and start a fresh worker next time.
    event.preventDefault();
    const message = event.message || 'the summarizer (precis/worker.mjs) could not be loaded';
    for (const [id, resolve] of pending) resolve({ id, error: { code: 'worker', message } });
    pending.clear();
    worker.terminate();
    worker = null;
  });
  return worker;
}

function summarizeInWorker(request) {
  const id = nextRequestId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    getWorker().postMessage({ id, request });
  });
}

// ---- Article boxes ------------------------------------------------------------------------------

function addArticle() {
  const item = articleTemplate.content.firstElementChild.cloneNode(true);
  $('.remove-article', item).addEventListener('click', () => {
    item.remove();
    renumberArticles();
    markStale();
  });
  articleList.append(item);
  renumberArticles();
  return item;
}

function renumberArticles() {
  const items = [...articleList.children];
  items.forEach((item, i) => {
    const n = i + 1;
    const textarea = $('textarea', item);
    const label = $('label', item);
    textarea.id = `article-${n}`;
    label.htmlFor = textarea.id;
    label.textContent = `Article ${n}`;
    item.className = `article ${paletteClass(n)}`;
    const remove = $('.remove-article', item);
    remove.setAttribute('aria-label', `Remove article ${n}`);
    remove.disabled = items.length === 1;
  });
}

/** Dims a shown summary once the articles change, until the next Summarize. */
function markStale() {
  if (!result.hidden) result.classList.add('stale');
}

// ---- Messages -----------------------------------------------------------------------------------

function showMessage(kind, title, text, code) {
  const box = el('div', `message ${kind}`);
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.append(el('strong', null, title), ' ', el('span', 'message-text', text));
  if (code) box.append(' ', el('code', null, code));
  messages.append(box);
}

// ---- Rendering the response ---------------------------------------------------------------------

// `sources[i]` is the article box behind request document i: {number, text, textarea}.

/** "Article 2 · Guessed title" (the title as the summarizer guessed it, if any). */
function articleLabel(number, title) {
  const t = title?.trim();
  return t ? `Article ${number} · ${t}` : `Article ${number}`;
}

const paletteClass = (number) => `src-${((number - 1) % PALETTE_SIZE) + 1}`;

function summaryItem(sentence, documents, sources) {
  const source = sources[sentence.document];
  const item = el('li', 'sentence');
  item.append(el('p', 'sentence-text', sentence.text));
  const provenance = el('div', 'provenance');
  const badge = el('button', `badge source ${paletteClass(source.number)}`,
    articleLabel(source.number, documents[sentence.document]?.title));
  badge.type = 'button';
  badge.dataset.testid = 'source';
  badge.title = `Show this sentence in article ${source.number}`;
  badge.addEventListener('click', () => revealInArticle(source, sentence.utf16));
  provenance.append(badge);
  if (sentence.support > 1) {
    provenance.append(el('span', 'badge support', `stated in ${sentence.support} articles`));
  }
  item.append(provenance);
  return item;
}

/** Selects the sentence in its article box (if the box still holds the summarized text). */
function revealInArticle(source, range) {
  const { textarea } = source;
  if (!textarea.isConnected) return;
  textarea.focus();
  if (textarea.value === source.text) textarea.setSelectionRange(range.begin, range.end);
  textarea.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function removedPanel(doc, index, sources) {
  const heading = articleLabel(sources[index].number, doc.title);
  const counts = `${plural(doc.words, 'word')}, ${plural(doc.sentences, 'sentence')}`;
  if (doc.removed.length === 0) {
    const none = el('p', 'removed-doc nothing');
    none.append(el('strong', null, heading), ` (${counts}): nothing removed.`);
    return none;
  }
  const details = el('details', 'removed-doc');
  details.dataset.testid = 'removed-doc';
  const summary = el('summary');
  summary.append(el('strong', null, heading), ` (${counts}): ${plural(doc.removed.length, 'passage')} removed`);
  const list = el('ul', 'removed-spans');
  for (const span of doc.removed) {
    const item = el('li', 'removed');
    item.dataset.reason = span.reason;
    const head = el('div', 'removed-head');
    head.append(el('span', 'badge reason', span.reason.replaceAll('_', ' ')), ' ', el('span', 'detail', span.detail));
    item.append(head, el('pre', 'removed-text', span.text));
    list.append(item);
  }
  details.append(summary, list);
  return details;
}

function formatMs(ms) {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString()} ms`;
}

function render(response, sources, elapsedMs) {
  const { documents, summary, warnings, stats } = response;
  $('#summary').replaceChildren(...summary.map((s) => summaryItem(s, documents, sources)));
  $('#removed').replaceChildren(...documents.map((d, i) => removedPanel(d, i, sources)));
  $('#timing').textContent =
    `${plural(stats.documents, 'article')}, ${plural(stats.words, 'word')} summarized in ${formatMs(elapsedMs)}, ` +
    'on this device.';
  for (const w of warnings) showMessage('warning', 'Warning:', w.message, w.code);
  result.classList.remove('stale');
  result.hidden = false;
}

// ---- Summarize ----------------------------------------------------------------------------------

function readBudget() {
  const n = Number(budgetValue.value);
  if (budgetValue.value.trim() === '' || !Number.isInteger(n) || n < 1) return null;
  return { [budgetUnit.value]: n };
}

async function summarize() {
  messages.replaceChildren();
  const budget = readBudget();
  if (!budget) {
    showMessage('error', 'Summary length:', `enter a whole number of ${budgetUnit.value} (1 or more).`);
    budgetValue.focus();
    return;
  }
  const sources = [...articleList.querySelectorAll('textarea.article-text')]
    .map((textarea, i) => ({ number: i + 1, text: textarea.value, textarea }))
    .filter((s) => s.text.trim() !== '');
  if (sources.length === 0) {
    showMessage('error', 'Nothing to summarize:', 'paste the text of at least one article.');
    result.hidden = true;
    return;
  }
  const request = { documents: sources.map((s) => ({ id: `Article ${s.number}`, text: s.text })), budget };

  summarizeButton.disabled = true;
  statusLine.textContent = 'Summarizing…';
  const reply = await summarizeInWorker(request);
  summarizeButton.disabled = false;
  statusLine.textContent = '';

  if (reply.error) {
    result.hidden = true;
    showMessage('error', 'Could not summarize:', reply.error.message, reply.error.code);
    return;
  }
  render(reply.response, sources, reply.elapsedMs);
}

// ---- HTML paste and file drop -------------------------------------------------------------------
// A paste that carries HTML (text/html on the clipboard), a dropped .html file, or a dropped text
// file that is HTML: the page's own DOMParser turns it into blocks (html_blocks.js; nothing in it is
// run or fetched), the core extracts the article from them in the worker, and the box receives the
// article text. Plain text is pasted as it is.

async function extractArticle(html) {
  const { title, elements, blocks } = htmlToBlocks(html);
  const reply = await summarizeInWorker({
    documents: [{ elements, blocks, page_title: title }],
    options: { extract_only: true },
  });
  if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  const doc = reply.response.documents[0];
  return { text: doc.text, title: doc.title, kept: doc.blocks_kept, total: doc.blocks_total };
}

/** Puts `text` into the box: replaces the selection (the whole box when it is empty). */
function insertText(textarea, text) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  textarea.value = value.slice(0, start) + text + value.slice(end);
  textarea.setSelectionRange(start + text.length, start + text.length);
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

async function insertHtml(textarea, html, origin) {
  statusLine.textContent = 'Extracting the article…';
  try {
    const article = await extractArticle(html);
    if (article.text.trim() === '') {
      showMessage('warning', `${origin}:`, 'no article text was found in this HTML.');
      return;
    }
    insertText(textarea, article.text);
    showMessage('info', `${origin}:`, `article text extracted (${plural(article.kept, 'block')} of ` +
      `${article.total.toLocaleString()} kept${article.title ? `; headline: ${article.title}` : ''}).`);
  } catch (e) {
    showMessage('error', `${origin}:`, e.message, e.code);
  } finally {
    statusLine.textContent = '';
  }
}

articleList.addEventListener('paste', (event) => {
  const textarea = event.target.closest?.('textarea.article-text');
  const html = event.clipboardData?.getData('text/html');
  if (!textarea || !html) return;
  event.preventDefault();
  messages.replaceChildren();
  insertHtml(textarea, html, 'Pasted HTML');
});

articleList.addEventListener('dragover', (event) => {
  if (event.target.closest?.('textarea.article-text') && event.dataTransfer?.types.includes('Files')) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }
});

articleList.addEventListener('drop', async (event) => {
  const first = event.target.closest?.('textarea.article-text');
  const files = [...(event.dataTransfer?.files ?? [])];
  if (!first || files.length === 0) return;
  event.preventDefault();
  messages.replaceChildren();
  // The first file goes into the box it was dropped on, the others into new boxes.
  for (const [i, file] of files.entries()) {
    const textarea = i === 0 ? first : $('textarea', addArticle());
    const content = await file.text();
    const isHtml = /\.x?html?$/i.test(file.name) || file.type === 'text/html' || looksLikeHtml(content);
    if (isHtml) {
      await insertHtml(textarea, content, file.name);
    } else if (file.type === '' || file.type.startsWith('text/')) {
      textarea.value = content;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    } else {
      showMessage('error', `${file.name}:`, 'drop a text (.txt) or web page (.html) file.');
    }
  }
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  summarize();
});
articleList.addEventListener('input', markStale);
articleList.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
});
$('#add-article').addEventListener('click', () => $('textarea', addArticle()).focus());
budgetUnit.addEventListener('change', () => {
  // Keep the default sensible when switching units.
  if (budgetUnit.value === 'sentences' && budgetValue.value === '100') budgetValue.value = '3';
  if (budgetUnit.value === 'words' && budgetValue.value === '3') budgetValue.value = '100';
});

addArticle();
addArticle();
getWorker(); // start loading the module now, so the first summary is quick
