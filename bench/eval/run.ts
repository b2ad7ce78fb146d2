/**
 * `npm run eval -- [--corpus ../shared/corpus] [--json out.json] [--only <slug>] [--mismatches N]
 * [--jobs N]`:
 * runs `extractPage` over every page of a labelled corpus (laid out as `../shared/corpus/`, see its
 * README) in one worker thread per core and prints per-field figures, the same per language, two baselines
 * (raw Readability; a naive split of the meta keywords) and the worst mismatches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { CorpusEntry, PageResult } from './page';
import { printMismatches, printSummary } from './report';

/** Pages dealt round-robin to one worker thread per core: big pages sit apart in the index. */
async function evaluateAll(entries: CorpusEntry[], jobs: number): Promise<PageResult[]> {
  const results: PageResult[] = [];
  const shards = Array.from({ length: Math.min(jobs, entries.length) }, (_, shard) =>
    entries.filter((_, i) => i % jobs === shard),
  );
  await Promise.all(
    shards.map(
      (shard) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
            workerData: shard,
          });
          worker.on('message', (result: PageResult) => {
            results.push(result);
            if (process.stderr.isTTY) process.stderr.write(`\r${results.length}/${entries.length}`);
          });
          worker.on('error', reject);
          worker.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`an eval worker exited with code ${code}`)),
          );
        }),
    ),
  );
  if (process.stderr.isTTY) process.stderr.write('\r');
  // Reports list pages in the corpus's order, whichever worker finished first.
  const order = new Map(entries.map((entry, i) => [entry.slug, i]));
  return results.sort((a, b) => order.get(a.slug)! - order.get(b.slug)!);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: path.join(import.meta.dirname, '../../../shared/corpus') },
      json: { type: 'string' },
      only: { type: 'string', multiple: true },
      mismatches: { type: 'string', default: '12' },
      jobs: { type: 'string', default: String(os.availableParallelism()) },
    },
  });
  const corpus = path.resolve(values.corpus);
  const index = JSON.parse(readFileSync(path.join(corpus, 'index.json'), 'utf8')) as Array<{
    dir: string;
  }>;
  const only = new Set(values.only ?? []);
  const entries = index
    .map((entry) => ({ dir: path.join(corpus, entry.dir), slug: path.basename(entry.dir) }))
    .filter((entry) => only.size === 0 || only.has(entry.slug));
  if (entries.length === 0) throw new Error(`no page of ${corpus} matches --only`);

  const started = performance.now();
  const results = await evaluateAll(entries, Math.max(1, Number(values.jobs)));
  printSummary(results, (performance.now() - started) / 1000);
  printMismatches(results, Number(values.mismatches));
  if (values.json) {
    writeFileSync(values.json, JSON.stringify(results, null, 1) + '\n');
    console.log(`written ${values.json}`);
  }
}

await main();
