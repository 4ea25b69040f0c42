// One npm peer in a worker thread of the harness's process (bench_node.mjs): its own V8 isolate, so
// that no engine runs among another's changes to JavaScript's built-ins. lexrank loads
// sentence-tokenizer, which loads Sugar.js: 73 methods added to String.prototype, 37 to
// Array.prototype, 111 to Number.prototype. In the isolate that had loaded them, wink-nlp took 31
// ms per DUC cluster instead of 16 (measured), and the Précis module's JavaScript 7% longer.
//
// workerData: {name: 'wink' | 'lexrank'}. Message {text, options} -> {timing} (measureBatch of
// timing.mjs: cpu_ms of this thread, wall_ms, runs, result) or {error}.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { measureBatch } from './timing.mjs';

const require = createRequire(import.meta.url);

// readDoc + its.sentenceWiseImportance with wink-eng-lite-web-model; lexrank.summarize(text, 5).
function load(name) {
  if (name === 'wink') {
    const nlp = require('wink-nlp')(require('wink-eng-lite-web-model'));
    const its = nlp.its;
    return (text) => nlp.readDoc(text).out(its.sentenceWiseImportance).length;
  }
  if (name === 'lexrank') {
    const lexrank = require('lexrank');
    return (text) => {
      let lines = 0;
      lexrank.summarize(text, 5, (err, top) => {
        if (err) throw err;
        lines = top.length;
      });
      return lines;
    };
  }
  throw new Error(`unknown peer ${name}`);
}

const run = load(workerData.name);
parentPort.on('message', ({ text, options }) => {
  try {
    parentPort.postMessage({ timing: measureBatch(() => run(text), options) });
  } catch (e) {
    parentPort.postMessage({ error: String(e?.message ?? e) });
  }
});
