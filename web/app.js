// Précis page: collects the articles, runs the summarizer in a Web Worker, shows the result.
// All text that comes from the user or from the summarizer is rendered with textContent only.
import { articleViews, revealSentence, sentenceId } from './article_view.js';
import { paletteClass, setUpArticles } from './articles.js';
import { copyToClipboard, download, summaryAsMarkdown, summaryAsText } from './export.js';
import { SummarizerClient } from './worker_client.js';

const $ = (selector, root = document) => root.querySelector(selector);
const form = $('#input-form');
const budgetValue = $('#budget-value');
const budgetRange = $('#budget-range');
const budgetUnit = $('#budget-unit');
const keepWhole = $('#keep-whole');
const statusLine = $('#status');
const messages = $('#messages');
const result = $('#result');
const views = $('#views');
const BUDGET_DELAY_MS = 300; // re-summarize once the length stops moving for this long
const KEY_SENTENCES = 3;

/** Creates an element with optional class names and text (set as textContent, never parsed). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

const plural = (n, word) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

// Told at load, not at the first click, when the module cannot run in this browser.
const client = new SummarizerClient({
  onUnavailable: (error) => showMessage('error', 'Précis cannot run here:', error.message, error.code),
});

// ---- Messages -----------------------------------------------------------------------------------

function showMessage(kind, title, text, code) {
  const box = el('div', `message ${kind}`);
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.append(el('strong', null, title), ' ', el('span', 'message-text', text));
  if (code) box.append(' ', el('code', null, code));
  messages.append(box);
}

// ---- Article boxes ------------------------------------------------------------------------------

async function extract({ title, elements, blocks }) {
  const reply = await client.extract({ documents: [{ elements, blocks, page_title: title }], options: { extract_only: true } });
  if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  const doc = reply.response.documents[0];
  return { text: doc.text, title: doc.title, kept: doc.blocks_kept, total: doc.blocks_total };
}

const articles = setUpArticles({
  list: $('#articles'),
  template: $('#article-template'),
  addButton: $('#add-article'),
  extract,
  show: showMessage,
  clearMessages: () => messages.replaceChildren(),
  status: (text) => { statusLine.textContent = text; },
  onChange: () => { if (!result.hidden) result.classList.add('stale'); },
});

// ---- Progress -----------------------------------------------------------------------------------
// An indeterminate bar and the elapsed time while the worker runs: the wasm call cannot report how
// far it is, but the page can show that it is alive (and stays usable) during a long run.

let progressTimer = null;

function startProgress() {
  const started = performance.now();
  const box = $('#progress');
  const tick = () => { $('#elapsed').textContent = `Summarizing… ${((performance.now() - started) / 1000).toFixed(1)} s`; };
  clearInterval(progressTimer);
  tick();
  progressTimer = setInterval(tick, 100);
  box.hidden = false;
  result.setAttribute('aria-busy', 'true');
}

function stopProgress() {
  clearInterval(progressTimer);
  progressTimer = null;
  $('#progress').hidden = true;
  result.removeAttribute('aria-busy');
}

// ---- Rendering the response ---------------------------------------------------------------------

let shown = null; // {response, sources}: what the result section shows (for export and restore)

/** "Article 2 · Guessed title" (the title as the summarizer guessed it, if any). */
function articleLabel(number, title) {
  const t = title?.trim();
  return t ? `Article ${number} · ${t}` : `Article ${number}`;
}

function summaryItem(sentence, sources) {
  const source = sources[sentence.document];
  const item = el('li', 'sentence');
  const text = el('p', 'sentence-text');
  // A link to the sentence in the article view: Enter or a click shows it there, highlighted.
  const link = el('a', 'sentence-link', sentence.text);
  link.href = `#${sentenceId(source.number, sentence.sentence)}`;
  link.dataset.testid = 'summary-sentence';
  link.addEventListener('click', (event) => {
    event.preventDefault();
    revealSentence(views, source.number, sentence.sentence);
  });
  text.append(link);
  item.append(text);
  const provenance = el('div', 'provenance');
  provenance.append(el('span', `badge source ${paletteClass(source.number)}`, source.label));
  if (sentence.support > 1) {
    provenance.append(el('span', 'badge support', `stated in ${sentence.support} articles`));
  }
  item.append(provenance);
  return item;
}

function removedItem(span, source, restored) {
  const item = el('li', restored ? 'removed restored' : 'removed');
  item.dataset.reason = span.reason;
  const head = el('div', 'removed-head');
  head.append(el('span', 'badge reason', span.reason.replaceAll('_', ' ')), ' ', el('span', 'detail', span.detail));
  if (restored) head.append(' ', el('span', 'badge restored-badge', 'restored'));
  const button = el('button', 'restore small', restored ? 'Remove again' : 'Restore');
  button.type = 'button';
  button.dataset.testid = restored ? 'unrestore' : 'restore';
  button.setAttribute('aria-label', `${restored ? 'Remove again' : 'Restore'}: ${span.reason.replaceAll('_', ' ')} ` +
    `passage of article ${source.number}`);
  button.addEventListener('click', () => {
    const keep = source.item.keep;
    if (restored) source.item.keep = keep.filter((k) => k.utf8.begin !== span.utf8.begin);
    else keep.push({ utf8: span.utf8 });
    run('restore');
  });
  head.append(' ', button);
  item.append(head, el('pre', 'removed-text', span.text));
  return item;
}

function removedPanel(doc, source, wasOpen) {
  const heading = source.label;
  const counts = `${plural(doc.words, 'word')}, ${plural(doc.sentences, 'sentence')}`;
  const restored = doc.restored ?? [];
  if (doc.removed.length === 0 && restored.length === 0) {
    const none = el('p', 'removed-doc nothing');
    none.append(el('strong', null, heading), ` (${counts}): nothing removed.`);
    return none;
  }
  const details = el('details', 'removed-doc');
  details.dataset.testid = 'removed-doc';
  details.dataset.article = String(source.number);
  details.open = wasOpen;
  const summary = el('summary');
  summary.append(el('strong', null, heading),
    ` (${counts}): ${plural(doc.removed.length, 'passage')} removed` +
    (restored.length ? `, ${restored.length} restored` : ''));
  const list = el('ul', 'removed-spans');
  for (const span of restored) list.append(removedItem(span, source, true));
  for (const span of doc.removed) list.append(removedItem(span, source, false));
  details.append(summary, list);
  return details;
}

function formatMs(ms) {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString()} ms`;
}

function render(response, sources, elapsedMs) {
  const { documents, summary, warnings, stats } = response;
  sources.forEach((s, i) => { s.label = articleLabel(s.number, documents[i]?.title); });
  // Panels the reader opened stay open when a restore or a new length redraws them.
  const open = new Set([...document.querySelectorAll('#removed details[open]')].map((d) => d.dataset.article));
  $('#summary').replaceChildren(...summary.map((s) => summaryItem(s, sources)));
  $('#removed').replaceChildren(...documents.map((d, i) => removedPanel(d, sources[i], open.has(String(sources[i].number)))));
  views.replaceChildren(...articleViews(response, sources, paletteClass));
  $('#timing').textContent =
    `${plural(stats.documents, 'article')}, ${plural(stats.words, 'word')} summarized in ${formatMs(elapsedMs)}, ` +
    'on this device.';
  for (const w of warnings) showMessage('warning', 'Warning:', w.message, w.code);
  $('#export-status').textContent = '';
  shown = { response, sources };
  result.classList.remove('stale');
  result.hidden = false;
}

// ---- Summarize ----------------------------------------------------------------------------------

function readBudget() {
  const n = Number(budgetValue.value);
  if (budgetValue.value.trim() === '' || !Number.isInteger(n) || n < 1) return null;
  return { [budgetUnit.value]: n };
}

/**
 * Summarizes what the boxes hold. `why`: 'button' (the reader asked: every problem is reported),
 * 'budget' (the length moved: quiet when there is nothing to summarize yet) or 'restore'.
 */
async function run(why) {
  const asked = why === 'button';
  const budget = readBudget();
  const sources = articles.filled();
  if (!budget) {
    if (!asked) return; // half-typed ("", "-"): wait for the reader, say nothing yet
    messages.replaceChildren();
    showMessage('error', 'Summary length:', `enter a whole number of ${budgetUnit.value} (1 or more).`);
    budgetValue.focus();
    return;
  }
  if (sources.length === 0) {
    if (!asked) return;
    messages.replaceChildren();
    showMessage('error', 'Nothing to summarize:', 'paste the text of at least one article.');
    result.hidden = true;
    return;
  }
  const request = {
    documents: sources.map((s) => ({ id: `Article ${s.number}`, text: s.text, ...(s.item.keep.length ? { keep: s.item.keep } : {}) })),
    budget,
    key_sentences: KEY_SENTENCES,
    // Unchecked: sentences may be quoted compressed (what they leave out shows dimmed in the article view).
    options: { compress: !keepWhole.checked },
  };
  messages.replaceChildren(); // earlier messages are about earlier input
  startProgress();
  const reply = await client.summarize(request);
  if (reply.superseded) return; // a newer run is under way and owns the progress indicator
  stopProgress();
  if (reply.error) {
    result.hidden = true;
    showMessage('error', 'Could not summarize:', reply.error.message, reply.error.code);
    return;
  }
  render(reply.response, sources, reply.elapsedMs);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run('button');
});
$('#articles').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
});

// ---- Summary length -----------------------------------------------------------------------------
// The slider and the number show the same value; either one re-summarizes after a short pause, so
// dragging or typing "250" runs once, not three times, and never waits for a run to finish.

const RANGES = { words: { min: 10, max: 400, step: 10 }, sentences: { min: 1, max: 20, step: 1 } };
let budgetTimer = null;

function budgetMoved() {
  clearTimeout(budgetTimer);
  budgetTimer = setTimeout(() => run('budget'), BUDGET_DELAY_MS);
}

function syncRange() {
  Object.assign(budgetRange, RANGES[budgetUnit.value]);
  budgetRange.value = budgetValue.value;
}

budgetValue.addEventListener('input', () => {
  syncRange();
  budgetMoved();
});
budgetRange.addEventListener('input', () => {
  budgetValue.value = budgetRange.value;
  budgetMoved();
});
const WORDS_PER_SENTENCE = 30; // about right for news prose: switching units keeps the length
keepWhole.addEventListener('change', () => run('budget'));
budgetUnit.addEventListener('change', () => {
  const n = Number(budgetValue.value);
  if (Number.isInteger(n) && n >= 1) {
    // The defaults map onto each other exactly (100 words <-> 3 sentences).
    if (budgetUnit.value === 'sentences') budgetValue.value = String(n === 100 ? 3 : Math.max(1, Math.round(n / WORDS_PER_SENTENCE)));
    else budgetValue.value = String(n === 3 ? 100 : Math.min(10000, n * WORDS_PER_SENTENCE));
  }
  syncRange();
  budgetMoved();
});

// ---- Copy and download --------------------------------------------------------------------------

function exportItems() {
  const { response, sources } = shown;
  return response.summary.map((s) => ({
    text: s.text,
    articleNumber: sources[s.document].number,
    articleTitle: response.documents[s.document]?.title ?? '',
    sentence: s.sentence,
    support: s.support,
  }));
}

function exportAction(id, action) {
  $(id).addEventListener('click', async () => {
    if (!shown) return;
    const status = $('#export-status');
    try {
      status.textContent = await action(exportItems());
    } catch (e) {
      status.textContent = `Could not copy: ${e.message}. Select the summary and copy it instead.`;
    }
  });
}

exportAction('#copy-text', async (items) => { await copyToClipboard(summaryAsText(items)); return 'Copied as plain text.'; });
exportAction('#copy-markdown', async (items) => { await copyToClipboard(summaryAsMarkdown(items)); return 'Copied as Markdown.'; });
exportAction('#download-txt', (items) => { download('precis-summary.txt', summaryAsText(items), 'text/plain'); return 'Saved precis-summary.txt.'; });
exportAction('#download-md', (items) => { download('precis-summary.md', summaryAsMarkdown(items), 'text/markdown'); return 'Saved precis-summary.md.'; });

// ---- Start --------------------------------------------------------------------------------------

articles.add();
articles.add();
syncRange();
client.warmUp(); // start loading the module now, so the first summary is quick

// Offline use: the service worker keeps the page's own files (sw.js). Not on file: URLs.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('sw.js').catch((e) => console.warn('offline use unavailable:', e.message));
}
