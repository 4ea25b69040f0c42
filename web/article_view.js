// The article view: each summarized article's text as the summarizer read it, with its key
// sentences highlighted, the sentences used in the summary marked (the parts a compressed summary
// sentence leaves out shown dimmed, in place), and what cleaning removed struck through. A summary sentence links here (revealSentence). Offsets are the response's UTF-16 ones:
// JavaScript string indices into the text that was sent. All text goes in as text nodes.

// Longer articles are drawn only when opened, so that a 10 MB paste never stalls the page.
const AUTO_OPEN_CHARS = 60_000;

export const sentenceId = (number, sentence) => `article-${number}-sentence-${sentence}`;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/**
 * One <details> per summarized article. `sources[i]` = {number, text, label} for response document
 * i; `paletteClass(number)` gives its colour class.
 */
export function articleViews(response, sources, paletteClass) {
  return response.documents.map((doc, i) => {
    const source = sources[i];
    const text = doc.text ?? source.text; // HTML input: the extracted text the offsets point into
    const inSummary = response.summary.filter((s) => s.document === i);
    const details = el('details', `article-view ${paletteClass(source.number)}`);
    details.dataset.article = String(source.number);
    details.dataset.testid = 'article-view';
    const head = el('summary');
    head.append(el('strong', null, source.label), ' ',
      el('span', 'view-meta', `${doc.key_sentences.length} key, ${inSummary.length} in the summary`));
    const body = el('div', 'article-body');
    body.dataset.testid = 'article-body';
    details.append(head, body);
    let drawn = false;
    details.draw = () => {
      if (drawn) return;
      drawn = true;
      body.replaceChildren(...markedText(text, doc, inSummary, source.number));
    };
    details.addEventListener('toggle', () => details.open && details.draw());
    if (text.length <= AUTO_OPEN_CHARS) {
      details.open = true;
      details.draw();
    }
    return details;
  });
}

/** The text as nodes: plain runs, and marks for key sentences, summary sentences and removed spans. */
function markedText(text, doc, inSummary, number) {
  const sentences = new Map(); // "begin-end" -> {range, sentence, key, summary}
  const add = (s, flag) => {
    const k = `${s.utf16.begin}-${s.utf16.end}`;
    const entry = sentences.get(k) ?? { range: s.utf16, sentence: s.sentence, key: false, summary: false, omitted: [] };
    entry[flag] = true;
    if (flag === 'summary' && s.omitted) entry.omitted = s.omitted.map((o) => o.utf16);
    sentences.set(k, entry);
  };
  doc.key_sentences.forEach((s) => add(s, 'key'));
  inSummary.forEach((s) => add(s, 'summary'));
  const ranges = [
    ...[...sentences.values()].map((s) => ({ ...s.range, node: () => sentenceMark(text, s, number) })),
    ...doc.removed.map((r) => ({ ...r.utf16, node: () => removedRun(text, r) })),
  ].sort((a, b) => a.begin - b.begin);

  const nodes = [];
  let at = 0;
  for (const r of ranges) {
    if (r.begin < at) continue; // never expected (sentences and removed spans do not overlap)
    if (r.begin > at) nodes.push(document.createTextNode(text.slice(at, r.begin)));
    nodes.push(r.node());
    at = r.end;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

function sentenceMark(text, s, number) {
  const compressed = s.omitted.length > 0;
  const classes = ['sentence-mark', s.key && 'key', s.summary && 'in-summary', compressed && 'compressed'].filter(Boolean).join(' ');
  const mark = el('mark', classes);
  mark.append(...sentenceParts(text, s.range, s.omitted));
  mark.id = sentenceId(number, s.sentence);
  mark.tabIndex = -1; // focusable by revealSentence, not a tab stop
  mark.title = [s.key && 'a key sentence of this article',
    s.summary && (compressed ? 'used in the summary without its dimmed parts' : 'used in the summary')].filter(Boolean).join('; ');
  return mark;
}

/**
 * The sentence's text; when the summary quotes it compressed, the parts it kept (class "kept") and
 * those it left out (class "omitted": dimmed, still readable in place).
 */
function sentenceParts(text, range, omitted) {
  if (omitted.length === 0) return [document.createTextNode(text.slice(range.begin, range.end))];
  const parts = [];
  let at = range.begin;
  for (const o of omitted) {
    if (o.begin > at) parts.push(el('span', 'kept', text.slice(at, o.begin)));
    const gone = el('span', 'omitted', text.slice(o.begin, o.end));
    gone.title = 'left out of the summary';
    parts.push(gone);
    at = o.end;
  }
  if (at < range.end) parts.push(el('span', 'kept', text.slice(at, range.end)));
  return parts;
}

function removedRun(text, r) {
  const run = el('span', 'removed-run', text.slice(r.utf16.begin, r.utf16.end));
  run.title = `removed by cleaning: ${r.reason.replaceAll('_', ' ')}`;
  return run;
}

/** Opens the article, scrolls the sentence into view, highlights and focuses it. */
export function revealSentence(container, number, sentence) {
  const details = container.querySelector(`details[data-article="${number}"]`);
  if (!details) return null;
  details.open = true;
  details.draw();
  const mark = document.getElementById(sentenceId(number, sentence));
  if (!mark) return null;
  for (const old of container.querySelectorAll('.sentence-mark.target')) old.classList.remove('target');
  mark.classList.add('target');
  mark.scrollIntoView({ block: 'center' });
  mark.focus({ preventScroll: true });
  return mark;
}
