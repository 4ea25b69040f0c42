// The summary as plain text and as Markdown, each sentence with a note saying where it comes from,
// and the two ways out of the page that need no network: the clipboard and a local download.

/**
 * `items`: [{text, articleNumber, articleTitle, sentence (0-based), support}] in summary order.
 * Plain text: the sentences as one paragraph with [n] markers, then the numbered notes.
 */
export function summaryAsText(items) {
  const body = items.map((s, i) => `${s.text} [${i + 1}]`).join(' ');
  const notes = items.map((s, i) => `[${i + 1}] ${note(s)}`);
  return `${body}\n\nSources:\n${notes.join('\n')}\n`;
}

/** Markdown: a heading, the sentences with footnotes, and the footnotes. */
export function summaryAsMarkdown(items) {
  const body = items.map((s, i) => `${escapeMarkdown(s.text)}[^${i + 1}]`).join(' ');
  const notes = items.map((s, i) => `[^${i + 1}]: ${escapeMarkdown(note(s))}`);
  return `## Summary\n\n${body}\n\n${notes.join('\n')}\n`;
}

function note(s) {
  const title = s.articleTitle ? `, “${s.articleTitle}”` : '';
  const support = s.support > 1 ? `; stated in ${s.support} articles` : '';
  return `Article ${s.articleNumber}${title}, sentence ${s.sentence + 1}${support}.`;
}

// Article text is not Markdown: characters that would format it are escaped, so it reads as written.
const escapeMarkdown = (text) => text.replace(/([\\`*_[\]<>#|~])/g, '\\$1').replace(/\n+/g, ' ');

/** Copies `text`; throws when the browser refuses (no permission, insecure context). */
export async function copyToClipboard(text) {
  if (!navigator.clipboard?.writeText) throw new Error('this browser does not allow copying from a page');
  await navigator.clipboard.writeText(text);
}

/**
 * Saves `text` as a file. A blob: URL is a local object of this page (same origin, nothing is
 * fetched), so it needs no network and passes the Content-Security-Policy.
 */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download has to start reading the blob first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
