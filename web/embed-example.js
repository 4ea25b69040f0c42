import { createSummarizer } from './precis/precis.mjs';
const summarizer = await createSummarizer();
const documents = [...document.querySelectorAll('article')].map((a) => ({ text: a.innerText }));
const { summary } = summarizer.summarize({ documents, budget: { words: 60 } });
document.querySelector('#precis-summary').textContent = summary.map((s) => s.text).join(' ');
