/** A worker thread of `npm run eval`: scores its share of the pages and posts each result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluatePage, type CorpusEntry } from './page';

const entries = workerData as CorpusEntry[];
for (const entry of entries) parentPort!.postMessage(await evaluatePage(entry));
