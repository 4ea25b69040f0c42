// Précis page: collects the articles, runs the summarizer in a Web Worker, shows the result.
// All text that comes from the user or from the summarizer is rendered with textContent only.

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
