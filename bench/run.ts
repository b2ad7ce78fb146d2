/**
 * `npm run bench`: runs every suite (or those named on the command line), prints one table and
 * writes bench/results.json. Chromium suites need the builds (`npm run build && npm run build:e2e`);
 * this script makes them first.
 */
// First: Dexie takes the IndexedDB it finds when it loads, and the Node suites use fake-indexeddb.
import 'fake-indexeddb/auto';
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printTable } from './table';
import type { BenchRow, BenchSuite } from './types';
import { anchoringBench } from './anchoring';
import { anchoringBrowserBench } from './anchoring-browser';
import { backupBench } from './backup';
import { clipBench } from './clip';
import { exportBench } from './export';
import { libraryBench } from './library';
import { searchBench } from './search';
import { tagsBench } from './tags';

const SUITES: BenchSuite[] = [
  clipBench,
  anchoringBench,
  anchoringBrowserBench,
  backupBench,
  searchBench,
  exportBench,
  tagsBench,
  libraryBench,
];

function formatValue(row: BenchRow): string {
  const digits = row.value >= 100 ? 0 : row.value >= 10 ? 1 : 2;
  return `${row.value.toFixed(digits)} ${row.unit}`;
}

function printRows(rows: BenchRow[]): void {
  printTable(
    ['suite', 'measure', 'value', 'target', '', 'note'],
    rows.map((row) => [
      row.suite,
      row.name,
      formatValue(row),
      row.target === undefined ? '' : `≤ ${row.target} ${row.unit}`,
      row.target === undefined ? '' : row.value <= row.target ? 'ok' : 'OVER',
      row.note ?? '',
    ]),
  );
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const suites = wanted.length ? SUITES.filter((s) => wanted.includes(s.suite)) : SUITES;
  if (suites.some((s) => s.suite === 'clip')) {
    execSync('npx wxt build && npx wxt build --mode e2e', { stdio: 'ignore' });
  }
  const rows: BenchRow[] = [];
  for (const suite of suites) {
    console.error(`running ${suite.suite}…`);
    rows.push(...(await suite.run()));
  }
  printRows(rows);
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    rows,
  };
  writeFileSync(
    path.join(import.meta.dirname, 'results.json'),
    JSON.stringify(results, null, 2) + '\n',
  );
  console.error('written bench/results.json');
}

await main();
