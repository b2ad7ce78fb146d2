/**
 * The library at the size of a large collection, in Chromium with the built extension: 20,000
 * pieces with stored copies (3–8 KB of text plus its HTML each) and 100,000 passages
 * (bench/corpus.ts), written as a backup file and imported through the library's Import control.
 * Beside it, the storage floor: the same rows put with plain IndexedDB in a fresh profile, which
 * is what the browser alone needs to store them.
 * Then, on fresh library pages: first paint (rows and facet counts), keystroke → results painted,
 * applying a theme filter, and the JS heap.
 *
 * Timing happens inside the page (bench/library-page.ts, bundled with esbuild and injected before
 * the page's scripts): DOM mutations are observed, and an interaction ends at the frame painted
 * after its last DOM change, once no IndexedDB transaction is running and the DOM has been quiet
 * for a while.
 *
 * Run alone: `npm run bench -- "library (Chromium)"` (BENCH_LIBRARY_SCALE=0.1 for a quick run). It builds the
 * e2e extension first when the build is missing or older than the sources.
 */
import { execSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { Page } from 'playwright-core';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type Backup } from '../lib/backup/format';
import { CommonplaceDB } from '../lib/collection/database';
import { serializeBackup } from '../lib/backup/serialize';
import { E2E_BUILD, ROOT, launchExtension, type ExtensionSession } from '../tests/e2e/harness';
import { corpusWords, emptySize, generateCorpus, measureBatch, type CorpusSize } from './corpus';
import {
  DIAGNOSTIC_EXPORTS,
  PROBE_EXPORTS,
  type FirstPaint,
  type ImportPhase,
  type LoadStep,
  type Interaction,
  type PanelOpen,
  type RawRead,
  type RawWrite,
  type SearchTiming,
  type TagChangeTiming,
  type StoreLayout,
  type ViewWork,
} from './library-page';
import { benchRow, type BenchRow, type BenchSuite, type RowArgs } from './types';
import { OVERSCAN, ROW_HEIGHT } from '../entrypoints/library/layout';

const SUITE = 'library (Chromium)';
const SCALE = Number(process.env.BENCH_LIBRARY_SCALE ?? '1');
const PIECES = Math.round(20_000 * SCALE);
const PASSAGES = Math.round(100_000 * SCALE);
const SEED = 7;
/** Fresh page loads measured per viewport (after one warm-up load). */
const LOADS = 3;
/** Rows the issue asks to see painted. */
const WANT_ROWS = 50;

/** An interaction is over when the DOM has been quiet this long and no transaction runs. */
const QUIET_MS = 200;
const MB = 2 ** 20;

type Diagnostics = {
  timeSearches(
    queries: string[],
    options: { limit: number; snippets: boolean | number },
  ): Promise<SearchTiming[]>;
  timeViewWork(query: string): Promise<ViewWork[]>;
  timeLoadSteps(): Promise<LoadStep[]>;
  timeTagChanges(perAuthor: number, chosen: number): Promise<TagChangeTiming[]>;
};

/**
 * The probe in the page (bench/library-page.ts, installed as `LibraryBench`). Predicates of
 * `waitForFunction` are functions reading it: the extension's CSP forbids string predicates
 * (Playwright `eval`s them); `page.evaluate` of a string is fine (no `eval` in the page).
 */
type Probe = typeof import('./library-page');

const log = (line: string) => console.error(`[library] ${line}`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const median = (values: number[]) => percentile(values, 50);

/** Newest modification time under `dir` (source files only). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(tsx?|css|html)$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** The e2e build, made again when it is missing or older than the sources. */
function ensureBuild(): void {
  const manifest = path.join(E2E_BUILD, 'manifest.json');
  let built = 0;
  try {
    built = statSync(manifest).mtimeMs;
  } catch {
    // Not built yet.
  }
  const sources = Math.max(
    ...['entrypoints', 'components', 'lib'].map((dir) => newestMtime(path.join(ROOT, dir))),
  );
  if (built < sources) {
    log('building the e2e extension');
    execSync('npx wxt build --mode e2e', { cwd: ROOT, stdio: 'ignore' });
  }
}

/**
 * Some exports of bench/library-page.ts as a script defining `globalName`. For the probe the
 * modules of lib/ (only the diagnostics use them) are left out: empty stand-ins.
 */
async function pageBundle(names: string[], globalName: string, withLib: boolean): Promise<string> {
  const leaveOutLib: Plugin = {
    name: 'leave-out-lib',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/lib\// }, (args) => ({
        path: args.path,
        namespace: 'stub',
      }));
      build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
        contents: 'module.exports = {};',
        loader: 'js',
      }));
    },
  };
  const bundle = await build({
    plugins: withLib ? [] : [leaveOutLib],
    stdin: {
      contents: `export { ${names.join(', ')} } from './bench/library-page';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName,
    write: false,
    minify: true,
  });
  // Set explicitly: Playwright runs an init script inside a function, where `var` stays local.
  return `${bundle.outputFiles[0]!.text};globalThis.${globalName} = ${globalName};`;
}

/** The page probe, as a script that installs itself (want = rows that make the first paint). */
async function probeScript(): Promise<(want: number) => string> {
  const code = await pageBundle(PROBE_EXPORTS, 'LibraryBench', false);
  if (code.length > 20_000)
    throw new Error(`the probe pulled in more than it needs (${code.length} B)`);
  return (want) => `${code}LibraryBench.install(${want});`;
}

interface BackupFile {
  size: CorpusSize;
  fileBytes: number;
  /** Tag ids listed twice on a piece by the generator, removed. */
  generateMs: number;
  writeMs: number;
}

/** Generates the corpus and streams it to `file` as a backup. */
async function writeBackupFile(file: string): Promise<BackupFile> {
  let started = performance.now();
  const corpus = generateCorpus({ pieces: PIECES, passages: PASSAGES, seed: SEED });
  const size = emptySize();
  measureBatch(corpus, size);
  const generateMs = performance.now() - started;
  started = performance.now();
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    ...corpus,
    settings: [],
  };
  const out = createWriteStream(file);
  for (const chunk of serializeBackup(backup)) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return {
    size,
    fileBytes: statSync(file).size,
    generateMs,
    writeMs: performance.now() - started,
  };
}

async function heapUsage(page: Page, collect: boolean): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    if (collect) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / MB;
  } finally {
    await cdp.detach();
  }
}

interface ImportResult {
  ms: number;
  phases: ImportPhase[];
  startHeapMB: number;
  peakHeapMB: number;
}

/**
 * Samples the JS heap of `page`'s renderer every 250 ms until `stop()`, after a full GC (the
 * extension's pages share one heap: what earlier pages left is not counted); in MB.
 */
async function sampleHeap(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const start = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let peak = start;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const usage = await cdp.send('Runtime.getHeapUsage').catch(() => null);
      if (usage) peak = Math.max(peak, usage.usedSize);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    startMB: start / MB,
    peakMB: () => peak / MB,
    stop: async () => {
      sampling = false;
      await sampler;
      await cdp.detach();
    },
  };
}

const heapNote = (startMB: number) =>
  `the extension pages' renderer (Runtime.getHeapUsage), ${round(startMB)} MB at the start ` +
  '(after a full GC)';

interface ExportResult {
  ms: number;
  fileMB: number;
  startHeapMB: number;
  peakHeapMB: number;
}

/**
 * Exports the collection through the library's "Export backup" button, once the library has
 * loaded and settled: click → the download.
 */
async function exportThroughLibrary(
  session: ExtensionSession,
  probe: (want: number) => string,
): Promise<ExportResult> {
  const { page } = await openLibrary(session, probe, 1, { width: 1280, height: 1800 });
  try {
    await waitQuiet(page);
    await page.getByText('Backup and settings').click();
    const heap = await sampleHeap(page);
    try {
      const started = performance.now();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 900_000 }),
        page.getByRole('button', { name: 'Export backup' }).click(),
      ]);
      const ms = performance.now() - started;
      const file = await download.path();
      return {
        ms,
        fileMB: statSync(file).size / MB,
        startHeapMB: heap.startMB,
        peakHeapMB: heap.peakMB(),
      };
    } finally {
      await heap.stop();
    }
  } finally {
    await page.close();
  }
}

/** Imports `file` through the library's Import control: setInputFiles → the status line. */
async function importThroughLibrary(
  session: ExtensionSession,
  probe: (want: number) => string,
  file: string,
): Promise<ImportResult> {
  const page = await session.context.newPage();
  try {
    await page.addInitScript({ content: probe(0) });
    await page.goto(session.extensionUrl('library.html'));
    await page.getByText('Backup and settings').click();
    const heap = await sampleHeap(page);
    let ms: number;
    try {
      const started = performance.now();
      await page.getByLabel('Import', { exact: true }).setInputFiles(file);
      const status = page
        .getByRole('status')
        .filter({ hasText: new RegExp(`Pieces: ${PIECES} added`, 'i') });
      const refused = page.locator('.backup-panel [role="alert"]');
      await status.or(refused).waitFor({ timeout: 900_000 });
      ms = performance.now() - started;
      if (await refused.isVisible()) {
        throw new Error(`import refused: ${(await refused.innerText()).slice(0, 1000)}`);
      }
    } finally {
      await heap.stop();
    }
    return {
      ms,
      phases: await page.evaluate<ImportPhase[]>('LibraryBench.importPhases()'),
      startHeapMB: heap.startMB,
      peakHeapMB: heap.peakMB(),
    };
  } finally {
    await page.close();
  }
}

/** The collection's stores as plain IndexedDB creates them, from the current Dexie schema. */
function collectionLayouts(): StoreLayout[] {
  const schema = new CommonplaceDB('library-bench-layout');
  return BACKUP_TABLES.map((name) => {
    const { primKey, indexes } = schema.table(name).schema;
    return {
      name,
      keyPath: primKey.keyPath as string | string[],
      indexes: indexes.map((index) => ({
        name: index.name,
        keyPath: index.keyPath as string | string[],
        unique: index.unique === true,
        multiEntry: index.multi === true,
      })),
    };
  });
}

/**
 * The storage floor: `file`'s rows put with plain IndexedDB in an extension page of a fresh
 * profile of its own (so that the import's data does not slow it down).
 */
async function measureStorageFloor(probe: (want: number) => string, file: string) {
  const session = await launchExtension(E2E_BUILD);
  try {
    const page = await session.context.newPage();
    await page.addInitScript({ content: probe(0) });
    await page.goto(session.extensionUrl('library.html'));
    const input = await page.evaluate<string>('LibraryBench.addFileInput()');
    await page.locator(input).setInputFiles(file);
    return await page.evaluate<RawWrite>(
      `LibraryBench.rawWrites(${JSON.stringify(collectionLayouts())})`,
    );
  } finally {
    await session.close();
  }
}

/** The phases the import's progress label showed, with their durations up to the status line. */
function describePhases(phases: ImportPhase[]): string {
  const end = phases.find((p) => p.label === 'done')?.at ?? NaN;
  // The panel shows its default label for a moment between the last step and the status line:
  // steps under 0.05 s are left out.
  return phases
    .filter((p) => p.label !== 'done')
    .map((p, i, list) => ({ label: p.label, ms: (list[i + 1]?.at ?? end) - p.at }))
    .filter((step) => step.ms >= 50)
    .map((step) => `${step.label.toLowerCase()} ${(step.ms / 1000).toFixed(1)} s`)
    .join(', ');
}

interface Viewport {
  width: number;
  height: number;
}

/** A fresh library page; resolves when `want` rows and the facet counts are painted. */
async function openLibrary(
  session: ExtensionSession,
  probe: (want: number) => string,
  want: number,
  viewport: Viewport,
): Promise<{ page: Page; paint: FirstPaint }> {
  const page = await session.context.newPage();
  await page.setViewportSize(viewport);
  await page.addInitScript({ content: probe(want) });
  await page.goto(session.extensionUrl('library.html'));
  await page.waitForFunction(
    () => (globalThis as unknown as { LibraryBench: Probe }).LibraryBench.firstPaint() !== null,
    undefined,
    {
      timeout: 180_000,
      polling: 50,
    },
  );
  const paint = await page.evaluate<FirstPaint>('LibraryBench.firstPaint()');
  return { page, paint };
}

async function waitQuiet(page: Page): Promise<void> {
  await page.waitForFunction(
    (ms) => (globalThis as unknown as { LibraryBench: Probe }).LibraryBench.quiet(ms),
    QUIET_MS * 2,
    {
      timeout: 180_000,
      polling: 50,
    },
  );
}

/** Rows the list holds once settled at `viewport`, and the top of the list. */
async function settledRows(
  session: ExtensionSession,
  probe: (want: number) => string,
  viewport: Viewport,
): Promise<{ rows: number; listTop: number }> {
  const { page } = await openLibrary(session, probe, 1, viewport);
  try {
    await waitQuiet(page);
    return page.evaluate(() => ({
      rows: document.querySelectorAll('[role="listbox"] .virtual-row').length,
      listTop: document.querySelector('[role="listbox"]')!.getBoundingClientRect().top,
    }));
  } finally {
    await page.close();
  }
}

interface PaintFigures {
  viewport: Viewport;
  want: number;
  paints: FirstPaint[];
}

/** One warm-up load (to learn how many rows the viewport holds), then LOADS measured ones. */
async function measureFirstPaint(
  session: ExtensionSession,
  probe: (want: number) => string,
  viewport: Viewport,
): Promise<PaintFigures> {
  const { rows } = await settledRows(session, probe, viewport);
  const want = Math.min(WANT_ROWS, rows);
  const paints: FirstPaint[] = [];
  for (let i = 0; i < LOADS; i++) {
    const { page, paint } = await openLibrary(session, probe, want, viewport);
    paints.push(paint);
    await page.close();
  }
  return { viewport, want, paints };
}

/** Sets `change` going (a keystroke, a click) and measures it inside the page. */
async function interact(
  page: Page,
  kind: 'input' | 'click',
  change: () => Promise<void>,
): Promise<Interaction> {
  await page.evaluate(`LibraryBench.arm(${JSON.stringify(kind)})`);
  await change();
  await page.waitForFunction(
    (ms) => (globalThis as unknown as { LibraryBench: Probe }).LibraryBench.settled(ms),
    QUIET_MS,
    {
      timeout: 120_000,
      polling: 20,
    },
  );
  return page.evaluate<Interaction>('LibraryBench.interaction()');
}

/** Realistic queries typed a letter at a time: an author, a phrase, Cyrillic, corpus words. */
function queries(): string[] {
  const { common, rare } = corpusWords(SEED);
  return [
    'kagarlitsky',
    'russian imp',
    'революция',
    common[600]!,
    `${common[150]} ${rare[40]!.slice(0, 4)}`,
  ];
}

interface Keystroke extends Interaction {
  query: string;
}

async function measureKeystrokes(
  page: Page,
): Promise<{ typed: Keystroke[]; cleared: Keystroke[] }> {
  const search = page.locator('#search');
  await search.click();
  const typed: Keystroke[] = [];
  const cleared: Keystroke[] = [];
  for (const phrase of queries()) {
    for (let i = 1; i <= phrase.length; i++) {
      const result = await interact(page, 'input', () => page.keyboard.type(phrase[i - 1]!));
      typed.push({ ...result, query: phrase.slice(0, i) });
    }
    await page.keyboard.press('ControlOrMeta+A');
    const result = await interact(page, 'input', () => page.keyboard.press('Backspace'));
    cleared.push({ ...result, query: `(cleared "${phrase}")` });
  }
  return { typed, cleared };
}

interface FacetToggle extends Interaction {
  theme: string;
  checked: boolean;
}

async function measureFacets(page: Page, themes: number): Promise<FacetToggle[]> {
  const region = page.getByRole('region', { name: 'Themes' });
  const names = (await region.locator('.facet-name').allTextContents()).slice(0, themes);
  const toggles: FacetToggle[] = [];
  for (const theme of names) {
    const box = region
      .locator('label.facet-item')
      .filter({ has: page.locator('.facet-name').getByText(theme, { exact: true }) })
      .locator('input');
    for (const checked of [true, false]) {
      const result = await interact(page, 'click', () => box.click());
      if ((await box.isChecked()) !== checked) throw new Error(`theme ${theme} did not toggle`);
      toggles.push({ ...result, theme, checked });
    }
  }
  return toggles;
}

/** Times of opening the Debate panel from the loaded list. */
const DEBATE_OPENS = 7;

/**
 * Opening Debate from the loaded library until its table is painted, beside the floor timed in
 * the same page: the kept counts read with plain IndexedDB (`searchPairs`), plus one frame.
 */
async function measureDebate(page: Page): Promise<BenchRow[]> {
  const opens: PanelOpen[] = [];
  const floors: number[] = [];
  for (let i = 0; i < DEBATE_OPENS; i++) {
    opens.push(
      await page.evaluate<PanelOpen>(
        'LibraryBench.timePanelOpen("Debate", "table:has(> caption)")',
      ),
    );
    await waitQuiet(page);
    const [read] = await page.evaluate<RawRead[]>('LibraryBench.rawReads(["searchPairs"])');
    const frame = await page.evaluate<number>('LibraryBench.timeFrame()');
    floors.push(read!.requestMs + read!.resultMs + frame);
    await page.getByRole('button', { name: 'Debate', exact: true }).click(); // back to the list
    await waitQuiet(page);
  }
  const ms = opens.map((o) => o.ms);
  const floor = median(floors);
  log(
    `debate opens ${ms.map(Math.round).join(' ')} ms; floors ${floors.map(Math.round).join(' ')}`,
  );
  const { rows: shown, cells } = opens[0]!;
  return [
    benchRow(
      SUITE,
      'open Debate from the loaded library → table painted, median',
      median(ms),
      'ms',
      {
        target: round(1.5 * floor),
        note:
          `${DEBATE_OPENS} opens (${Math.round(Math.min(...ms))}–${Math.round(Math.max(...ms))} ms); ` +
          `${shown} rows, ${cells} cells painted; target 1.5 × the floor below`,
      },
    ),
    benchRow(
      SUITE,
      '  floor: the kept counts read with plain IndexedDB + one frame, median',
      floor,
      'ms',
      {
        note: `${floors.map(Math.round).join(', ')} ms, in the same page after each open`,
      },
    ),
  ];
}

function paintRows(figures: PaintFigures, target: number | undefined): BenchRow[] {
  const { viewport, want, paints } = figures;
  const best = [...paints].sort((a, b) => a.paintedMs - b.paintedMs);
  const mid = best[Math.floor(best.length / 2)]!;
  const size = `${viewport.width}×${viewport.height}`;
  const rows: BenchRow[] = [
    {
      suite: SUITE,
      name: `first paint: navigation → ${mid.rows} rows and facet counts painted (${size})`,
      value: round(mid.paintedMs, 0),
      unit: 'ms',
      target,
      note:
        `median of ${paints.length} fresh pages (${paints.map((p) => Math.round(p.paintedMs)).join(', ')}); ` +
        `waited for ${want} rows; shell ${Math.round(mid.shellMs)}, first row ` +
        `${Math.round(mid.firstRowMs)}, facet counts ${Math.round(mid.facetsMs)} ms`,
    },
  ];
  if (target === undefined) return rows;
  // Where the time goes, on the median load: the app's IndexedDB reads and the long tasks.
  for (const read of mid.idb) {
    rows.push({
      suite: SUITE,
      name: `  first paint: getAll ${read.source} (${read.rows.toLocaleString('en-US')} rows)`,
      value: round(read.end - read.start, 0),
      unit: 'ms',
      note:
        `issued at ${Math.round(read.start)} ms, delivered ${Math.round(read.delivered)}, ` +
        `result read ${Math.round(read.end)} (a success event waits while the main thread is busy)`,
    });
  }
  const tasks = mid.longTasks;
  rows.push({
    suite: SUITE,
    name: '  first paint: long tasks before the paint (sum)',
    value: round(
      tasks.reduce((sum, t) => sum + t.duration, 0),
      0,
    ),
    unit: 'ms',
    note:
      `${tasks.length} tasks ≥ 50 ms: ` +
      tasks.map((t) => `${Math.round(t.duration)} at ${Math.round(t.start)}`).join(', '),
  });
  return rows;
}

function interactionNote(items: Interaction[]): string {
  const changed = items.filter((i) => i.changed);
  const p50 = (pick: (i: Interaction) => number, from = items) => round(median(from.map(pick)));
  return (
    `median ${p50((i) => i.latencyMs)} ms, max ${round(Math.max(...items.map((i) => i.latencyMs)))} ms; ` +
    `medians: first frame ${p50((i) => i.firstFrameMs)}, first DOM change ` +
    `${p50((i) => i.firstMutationMs, changed)}, last DOM change ${p50((i) => i.lastMutationMs, changed)} ms, ` +
    `long tasks ${p50((i) => i.longTasksMs)} ms, IndexedDB transactions ${p50((i) => i.transactions)}; ` +
    `${changed.length} of ${items.length} changed the DOM`
  );
}

/**
 * The library's steps on their own, in a quiet extension page (the popup with no tab) on the
 * same database: the search of each typed prefix (as the library runs it, and two lighter
 * variants), the render work of lib/library/view, and the steps of a first load.
 */
async function diagnose(session: ExtensionSession, prefixes: string[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const row = (name: string, value: number, note: string) =>
    rows.push({ suite: SUITE, name: `  ${name}`, value: round(value), unit: 'ms', note });
  const page = await session.context.newPage();
  try {
    await page.addInitScript({
      content: await pageBundle(DIAGNOSTIC_EXPORTS, 'LibraryDiagnostics', true),
    });
    await page.goto(session.extensionUrl('popup.html?tab=0'));
    const variants = [
      {
        label: 'as the library asks (500 hits, snippets for the first 30)',
        limit: 500,
        snippets: 30,
      },
      { label: '500 hits, no snippets', limit: 500, snippets: false },
    ];
    for (const { label, ...options } of variants) {
      const searches = await page.evaluate(
        ([queries, options]) =>
          (
            globalThis as unknown as { LibraryDiagnostics: Diagnostics }
          ).LibraryDiagnostics.timeSearches(queries, options),
        [prefixes, options] as const,
      );
      const ms = searches.map((t) => t.ms);
      const slowest = [...searches].sort((a, b) => b.ms - a.ms)[0]!;
      row(
        `the search alone, ${label}: p95 of the same prefixes`,
        percentile(ms, 95),
        `p50 ${round(median(ms))} ms; slowest "${slowest.query}" ${round(slowest.ms)} ms ` +
          `(${slowest.pieces} pieces)`,
      );
    }
    const work = await page.evaluate(
      (query) =>
        (
          globalThis as unknown as { LibraryDiagnostics: Diagnostics }
        ).LibraryDiagnostics.timeViewWork(query),
      'rus',
    );
    for (const step of work) {
      row(
        `render work (filter + facet counts + sort), ${step.case}: ${step.pieces} pieces`,
        step.filterMs + step.countsMs + step.sortMs,
        `filter ${round(step.filterMs)}, counts ${round(step.countsMs)}, ` +
          `sort ${round(step.sortMs)} ms (medians of 5)`,
      );
    }
    const steps = await page.evaluate(() =>
      (
        globalThis as unknown as { LibraryDiagnostics: Diagnostics }
      ).LibraryDiagnostics.timeLoadSteps(),
    );
    for (const step of steps)
      row(`load step: ${step.step}`, step.ms, `${step.detail}; median of 3`);
    // Last: it changes the collection (two authors and a theme added).
    const changes = await page.evaluate(
      ([perAuthor, chosen]) =>
        (
          globalThis as unknown as { LibraryDiagnostics: Diagnostics }
        ).LibraryDiagnostics.timeTagChanges(perAuthor, chosen),
      [Math.round(2000 * SCALE), Math.round(1000 * SCALE)] as const,
    );
    for (const change of changes) {
      const runs = (values: number[]) => values.map(Math.round).join(', ');
      rows.push(
        benchRow(SUITE, change.change, change.ms, 'ms', {
          target: round(1.5 * change.floorMs),
          note: `best of ${change.runs.length} (${runs(change.runs)} ms); ${change.detail}; one transaction, counts kept; target 1.5 × the floor below`,
        }),
        benchRow(SUITE, '  the change over the floor, round by round: median', change.ratio, '×', {
          target: 1.5,
          note: `${change.runs.map((ms, i) => round(ms / change.floorRuns[i]!, 2)).join(', ')}: each round times the floor, the change and every row it writes, one after the other`,
        }),
        benchRow(
          SUITE,
          '  floor: the same rows put with plain Dexie bulkPut',
          change.floorMs,
          'ms',
          {
            note: `best of ${change.floorRuns.length} (${runs(change.floorRuns)} ms), in the same page`,
          },
        ),
        benchRow(
          SUITE,
          '  every row it writes (index rows and counts too) put with plain Dexie',
          change.allRowsMs,
          'ms',
          {
            note: `best of ${change.allRowsRuns.length} (${runs(change.allRowsRuns)} ms); the change is ${round(change.ms / change.allRowsMs, 2)} × this`,
          },
        ),
      );
    }
  } finally {
    await page.close();
  }
  return rows;
}

export const libraryBench: BenchSuite = {
  suite: SUITE,
  async run(): Promise<BenchRow[]> {
    ensureBuild();
    const probe = await probeScript();
    const folder = mkdtempSync(path.join(tmpdir(), 'commonplace-library-bench-'));
    const rows: BenchRow[] = [];
    const row = (...args: RowArgs) => rows.push(benchRow(SUITE, ...args));
    const scale = `${PIECES.toLocaleString('en-US')} pieces, ${PASSAGES.toLocaleString('en-US')} passages`;
    let session: ExtensionSession | undefined;
    try {
      const file = path.join(folder, 'backup.json');
      const backup = await writeBackupFile(file);
      log(
        `corpus generated in ${Math.round(backup.generateMs)} ms, backup written in ` +
          `${Math.round(backup.writeMs)} ms (${(backup.fileBytes / MB).toFixed(1)} MB)`,
      );
      row(`corpus: stored copies' text (${scale})`, backup.size.textBytes / MB, 'MB');
      row("corpus: stored copies' HTML", backup.size.htmlBytes / MB, 'MB');
      row('corpus: passages (quotes and notes)', backup.size.passageBytes / MB, 'MB');
      row('backup file', backup.fileBytes / MB, 'MB');

      const floor = await measureStorageFloor(probe, file);
      log(
        `storage floor ${Math.round(floor.committedMs)} ms: ` +
          floor.stores.map((s) => `${s.name} at ${Math.round(s.doneMs)}`).join(', '),
      );

      session = await launchExtension(E2E_BUILD);
      const imported = await importThroughLibrary(session, probe, file);
      log(`imported in ${Math.round(imported.ms)} ms: ${describePhases(imported.phases)}`);
      row('import through the library (setInputFiles → status line)', imported.ms, 'ms', {
        target: 10_000,
        note: `${describePhases(imported.phases)}; search indexing included`,
      });
      row('  JS heap peak during the import (sampled every 250 ms)', imported.peakHeapMB, 'MB', {
        note: heapNote(imported.startHeapMB),
      });
      const exported = await exportThroughLibrary(session, probe);
      log(`exported in ${Math.round(exported.ms)} ms (${round(exported.fileMB)} MB)`);
      row('export through the library ("Export backup" → the download)', exported.ms, 'ms', {
        target: 5_000,
        note: `a ${round(exported.fileMB)} MB file; tables read in chunks of 500 rows, one chunk ahead`,
      });
      row('  JS heap peak during the export (sampled every 250 ms)', exported.peakHeapMB, 'MB', {
        note: `${heapNote(exported.startHeapMB)}; garbage included`,
      });
      row(
        '  storage floor: the same rows put with plain IndexedDB, no work of ours',
        floor.committedMs,
        'ms',
        {
          note:
            'one transaction, stores and indexes as ours, fresh profile; written by ' +
            floor.stores.map((s) => `${s.name} ${round(s.doneMs / 1000)} s`).join(', ') +
            '; no reading, checking, merging or search index',
        },
      );

      const tall: Viewport = { width: 1280, height: 1800 };
      const listTop = (await settledRows(session, probe, tall)).listTop;
      // Tall enough for WANT_ROWS rows: the visible ones plus the overscan below them.
      const fifty: Viewport = {
        width: 1280,
        height: Math.ceil(listTop + (WANT_ROWS - OVERSCAN) * ROW_HEIGHT.piece + 16),
      };
      const paintFifty = await measureFirstPaint(session, probe, fifty);
      log(
        `first paint (${fifty.height} px): ${paintFifty.paints.map((p) => Math.round(p.paintedMs))}`,
      );
      rows.push(...paintRows(paintFifty, 400));
      const paintTall = await measureFirstPaint(session, probe, tall);
      log(`first paint (1800 px): ${paintTall.paints.map((p) => Math.round(p.paintedMs))}`);
      rows.push(...paintRows(paintTall, undefined));

      // Interactions, on one more fresh page at 1280×1800.
      const { page } = await openLibrary(session, probe, paintTall.want, tall);
      await waitQuiet(page);
      const heapBefore = await heapUsage(page, false);
      const heapLoaded = await heapUsage(page, true);
      row('JS heap after load (after a full GC)', heapLoaded, 'MB', {
        target: 200,
        note:
          `${round(heapBefore)} MB before the GC; the isolate of the extension's pages ` +
          '(Runtime.getHeapUsage), the library and one idle popup',
      });

      const { typed, cleared } = await measureKeystrokes(page);
      const latencies = typed.map((k) => k.latencyMs);
      const worst = [...typed].sort((a, b) => b.latencyMs - a.latencyMs)[0]!;
      log(`keystrokes p50 ${round(median(latencies))}, p95 ${round(percentile(latencies, 95))}`);
      let at = 0;
      for (const query of queries()) {
        const typedHere = typed.slice(at, (at += query.length));
        log(`  "${query}": ${typedHere.map((k) => Math.round(k.latencyMs)).join(' ')} ms`);
      }
      row('keystroke → results painted p50', median(latencies), 'ms', {
        note: `${typed.length} keystrokes in ${queries().length} queries typed a letter at a time`,
      });
      row('keystroke → results painted p95', percentile(latencies, 95), 'ms', {
        target: 50,
        note: `${interactionNote(typed)}; slowest "${worst.query}" (${worst.resultLabel})`,
      });
      row(
        'clearing the search (select all + Backspace) → all rows painted, median',
        median(cleared.map((k) => k.latencyMs)),
        'ms',
        { note: interactionNote(cleared) },
      );

      const toggles = await measureFacets(page, 10);
      const facetMs = toggles.map((t) => t.latencyMs);
      log(`facet p50 ${round(median(facetMs))}, p95 ${round(percentile(facetMs, 95))}`);
      log(
        `  clicks (painted/DOM updated): ${toggles.map((t) => `${Math.round(t.latencyMs)}/${Math.round(t.firstMutationMs)}`).join(' ')} ms`,
      );
      row(
        'apply a theme filter (click → list and counts painted) p95',
        percentile(facetMs, 95),
        'ms',
        {
          target: 20,
          note:
            `${toggles.length} clicks (check then uncheck 10 themes); checking median ` +
            `${round(median(toggles.filter((t) => t.checked).map((t) => t.latencyMs)))} ms, ` +
            `unchecking median ` +
            `${round(median(toggles.filter((t) => !t.checked).map((t) => t.latencyMs)))} ms; ` +
            interactionNote(toggles),
        },
      );
      row(
        '  the same clicks: click → list and counts changed in the DOM, p95',
        percentile(
          toggles.map((t) => t.firstMutationMs),
          95,
        ),
        'ms',
        { note: 'the filter applied; the paint then waits for the next frame (60 Hz)' },
      );

      rows.push(...(await measureDebate(page)));

      row(
        'JS heap after searching and filtering (after a full GC)',
        await heapUsage(page, true),
        'MB',
        {
          target: 200,
        },
      );

      // What reading the tables costs on its own, in the same page, one after the other.
      const reads = await page.evaluate<RawRead[]>(
        'LibraryBench.rawReads(["tags", "pieces", "passages"])',
      );
      for (const read of reads) {
        row(
          `  plain IndexedDB getAll ${read.store} (${read.rows.toLocaleString('en-US')} rows)`,
          read.requestMs + read.resultMs,
          'ms',
          {
            note: `request ${Math.round(read.requestMs)} ms + reading the result ${Math.round(read.resultMs)} ms`,
          },
        );
      }
      await page.close();

      rows.push(
        ...(await diagnose(
          session,
          typed.map((k) => k.query),
        )),
      );
    } finally {
      await session?.close();
      rmSync(folder, { recursive: true, force: true });
    }
    return rows;
  },
};
