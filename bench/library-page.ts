/**
 * Page side of bench/library.ts, bundled twice with esbuild:
 *
 * - the probe (`PROBE_EXPORTS`, global `LibraryBench`), injected into library pages before their
 *   own scripts. It only watches: DOM mutations (and the frame painted after them), IndexedDB
 *   transactions and `getAll` reads, long tasks, and the events the bench sends. Times are
 *   `performance.now()`, so milliseconds since navigation start;
 * - the diagnostics (`DIAGNOSTIC_EXPORTS`, global `LibraryDiagnostics`, with lib/search and
 *   lib/library/view), which time the library's own steps on its own in a page: the search of a
 *   keystroke, filtering, facet counts and sorting.
 */
import { openDatabase } from '../lib/collection/database';
import { addTagToPieces, mergeTags, removeTagFromPieces, undoMerge } from '../lib/collection/tags';
import { mergedIds } from '../lib/tags/references';
import type { PieceRow } from '../lib/model/records';
import {
  effectiveSort,
  facetCounts,
  filterPieces,
  parseView,
  sortPieces,
} from '../lib/library/view';
import { clippedSitePatterns } from '../lib/passages/origins';
import { prepareSearch, searchPieces } from '../lib/search';

export const PROBE_EXPORTS = [
  'install',
  'firstPaint',
  'quiet',
  'arm',
  'settled',
  'interaction',
  'importPhases',
  'rawReads',
  'addFileInput',
  'rawWrites',
  'timePanelOpen',
  'timeFrame',
];
export const DIAGNOSTIC_EXPORTS = [
  'timeSearches',
  'timeViewWork',
  'timeLoadSteps',
  'timeTagChanges',
];

export interface IdbRead {
  /** `store` or `store.index`. */
  source: string;
  start: number;
  /** The success event reached the page. */
  delivered: number;
  /** `request.result` read (Chromium turns the values into JS objects then). */
  end: number;
  rows: number;
}

export interface LongTask {
  start: number;
  duration: number;
}

export interface FirstPaint {
  /** Rows wanted, and rows in the list when they were there. */
  want: number;
  rows: number;
  facetCounts: number;
  /** Mutation times: the app's first DOM, the first list row, the first facet count. */
  shellMs: number;
  firstRowMs: number;
  facetsMs: number;
  /** The frame after `want` rows and the facet counts were in the DOM, painted. */
  paintedMs: number;
  /** The module script started (the bench's listener for `DOMContentLoaded` is a proxy). */
  domContentLoadedMs: number;
  idb: IdbRead[];
  longTasks: LongTask[];
}

export interface Interaction {
  /** Event → the frame after the last DOM change it caused, painted (or the first frame if none). */
  latencyMs: number;
  /** Event → its first DOM change, and its last one (-1 when none). */
  firstMutationMs: number;
  lastMutationMs: number;
  /** Event → the first frame after it, painted. */
  firstFrameMs: number;
  changed: boolean;
  mutations: number;
  transactions: number;
  rows: number;
  resultLabel: string;
  /** Long tasks that started after the event: their sum and the longest. */
  longTasksMs: number;
  longestTaskMs: number;
}

export interface ImportPhase {
  at: number;
  label: string;
}

const now = () => performance.now();

/** Calls `done` with the time once the next frame has been painted. */
function afterPaint(done: (at: number) => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(now());
    channel.port2.postMessage(0);
  });
}

const state = {
  installed: false,
  activeTx: 0,
  txStarted: 0,
  mutationBatches: 0,
  lastMutation: -1,
  paintedAfterMutation: -1,
  reads: [] as IdbRead[],
  longTasks: [] as LongTask[],
  domContentLoaded: -1,
  // First paint.
  want: 0,
  shell: -1,
  firstRow: -1,
  facets: -1,
  firstPaint: null as FirstPaint | null,
  firstPaintPending: false,
  // Interactions.
  armed: null as 'input' | 'click' | null,
  eventAt: -1,
  firstFrame: -1,
  txAtArm: 0,
  mutationsAtArm: 0,
  firstMutation: -1,
  // Import.
  phases: [] as ImportPhase[],
};

const rowCount = () => document.querySelectorAll('[role="listbox"] .virtual-row').length;
const facetCount = () => document.querySelectorAll('.facet-count').length;

function onMutations(): void {
  const at = now();
  state.lastMutation = at;
  if (state.eventAt >= 0 && state.firstMutation < 0) state.firstMutation = at;
  const batch = ++state.mutationBatches;
  afterPaint((painted) => {
    if (batch === state.mutationBatches) state.paintedAfterMutation = painted;
  });
  if (state.shell < 0 && document.getElementById('app')?.firstChild) state.shell = at;
  if (state.want === 0) watchImport(at);
  if (state.want === 0 || state.firstPaint || state.firstPaintPending) return;
  const rows = rowCount();
  const facets = facetCount();
  if (state.firstRow < 0 && rows > 0) state.firstRow = at;
  if (state.facets < 0 && facets > 0) state.facets = at;
  if (state.want > 0 && rows >= state.want && facets > 0) {
    state.firstPaintPending = true;
    afterPaint((painted) => {
      state.firstPaint = {
        want: state.want,
        rows: rowCount(),
        facetCounts: facetCount(),
        shellMs: state.shell,
        firstRowMs: state.firstRow,
        facetsMs: state.facets,
        paintedMs: painted,
        domContentLoadedMs: state.domContentLoaded,
        idb: [...state.reads],
        longTasks: state.longTasks.filter((t) => t.start < painted),
      };
    });
  }
}

function watchImport(at: number): void {
  const label = document.querySelector('.backup-panel__progress label')?.textContent ?? '';
  const last = state.phases[state.phases.length - 1];
  if (label && label !== last?.label) state.phases.push({ at, label });
  if (last && last.label !== 'done') {
    const status = document.querySelector('.backup-panel [role="status"]')?.textContent ?? '';
    if (status.startsWith('Imported')) state.phases.push({ at, label: 'done' });
  }
}

function wrapGetAll(proto: IDBObjectStore | IDBIndex): void {
  const original = proto.getAll;
  proto.getAll = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
    const request = (original as (...a: unknown[]) => IDBRequest<unknown[]>).apply(this, args);
    const source = this instanceof IDBIndex ? `${this.objectStore.name}.${this.name}` : this.name;
    const read: IdbRead = { source, start: now(), delivered: -1, end: -1, rows: -1 };
    if (state.reads.length < 500) state.reads.push(read);
    request.addEventListener('success', () => {
      read.delivered = now();
      read.rows = request.result.length;
      read.end = now();
    });
    return request;
  } as typeof proto.getAll;
}

/**
 * Installs the watchers; `want` rows (and facet counts) make the first paint. With `want` 0 the
 * labels of the backup panel's progress are recorded instead.
 */
export function install(want = 0): void {
  if (state.installed) return;
  state.installed = true;
  state.want = want;
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: unknown[]) {
    const tx = (transaction as (...a: unknown[]) => IDBTransaction).apply(this, args);
    state.activeTx++;
    state.txStarted++;
    const done = () => state.activeTx--;
    tx.addEventListener('complete', done);
    tx.addEventListener('abort', done);
    return tx;
  } as typeof transaction;
  wrapGetAll(IDBObjectStore.prototype);
  wrapGetAll(IDBIndex.prototype);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        state.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
      if (state.longTasks.length > 5000) state.longTasks.splice(0, 1000);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing: the figures go without it.
  }
  new MutationObserver(onMutations).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  document.addEventListener('DOMContentLoaded', () => (state.domContentLoaded = now()));
  for (const kind of ['input', 'click'] as const) {
    addEventListener(
      kind,
      () => {
        if (state.armed !== kind || state.eventAt >= 0) return;
        state.eventAt = now();
        afterPaint((at) => (state.firstFrame = at));
      },
      true,
    );
  }
}

export function firstPaint(): FirstPaint | null {
  return state.firstPaint;
}

/** No DOM change for `quietMs`, no IndexedDB transaction running, and the last change painted. */
export function quiet(quietMs: number): boolean {
  return (
    state.activeTx === 0 &&
    now() - state.lastMutation >= quietMs &&
    state.paintedAfterMutation >= state.lastMutation
  );
}

/** The next `kind` event (from the bench) starts an interaction. */
export function arm(kind: 'input' | 'click'): void {
  state.armed = kind;
  state.eventAt = -1;
  state.firstFrame = -1;
  state.firstMutation = -1;
  state.txAtArm = state.txStarted;
  state.mutationsAtArm = state.mutationBatches;
}

/** The armed interaction happened and everything it caused is over (see `quiet`). */
export function settled(quietMs: number): boolean {
  return (
    state.eventAt >= 0 &&
    state.firstFrame >= 0 &&
    now() - state.eventAt >= quietMs &&
    quiet(quietMs)
  );
}

export function interaction(): Interaction {
  const changed = state.lastMutation > state.eventAt;
  const tasks = state.longTasks.filter((t) => t.start >= state.eventAt);
  const result: Interaction = {
    latencyMs: (changed ? state.paintedAfterMutation : state.firstFrame) - state.eventAt,
    firstMutationMs: changed ? state.firstMutation - state.eventAt : -1,
    lastMutationMs: changed ? state.lastMutation - state.eventAt : -1,
    firstFrameMs: state.firstFrame - state.eventAt,
    changed,
    mutations: state.mutationBatches - state.mutationsAtArm,
    transactions: state.txStarted - state.txAtArm,
    rows: rowCount(),
    resultLabel: document.querySelector('.result-count')?.textContent ?? '',
    longTasksMs: tasks.reduce((sum, t) => sum + t.duration, 0),
    longestTaskMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
  };
  state.armed = null;
  return result;
}

export function importPhases(): ImportPhase[] {
  return state.phases;
}

export interface RawRead {
  store: string;
  rows: number;
  /** getAll issued → success event. */
  requestMs: number;
  /** Reading `request.result` (values turned into JS objects). */
  resultMs: number;
}

/** Reads the library's tables with plain IndexedDB, one after the other, as the page loads them. */
export async function rawReads(stores: string[]): Promise<RawRead[]> {
  const opening = indexedDB.open('commonplace');
  await requestDone(opening);
  const db = opening.result;
  const reads: RawRead[] = [];
  try {
    for (const store of stores) {
      reads.push(
        await new Promise<RawRead>((resolve, reject) => {
          const start = now();
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => {
            const delivered = now();
            const rows = request.result.length;
            resolve({ store, rows, requestMs: delivered - start, resultMs: now() - delivered });
          };
          request.onerror = () => reject(request.error);
        }),
      );
    }
  } finally {
    db.close();
  }
  return reads;
}

export interface SearchTiming {
  query: string;
  ms: number;
  pieces: number;
}

/**
 * The pieces search of each query, as entrypoints/library/search.ts runs it in the list of
 * pieces, on its own (index read ahead first, as the library does once its list is loaded).
 */
export async function timeSearches(
  queries: string[],
  options: { limit: number; snippets: boolean | number },
): Promise<SearchTiming[]> {
  const db = openDatabase();
  await prepareSearch(db, { readAhead: true });
  const timings: SearchTiming[] = [];
  for (const query of queries) {
    const start = now();
    const pieces = await searchPieces(db, query, options);
    timings.push({ query, ms: now() - start, pieces: pieces.length });
  }
  return timings;
}

export interface ViewWork {
  case: string;
  pieces: number;
  /** Medians of 5 runs. */
  filterMs: number;
  countsMs: number;
  sortMs: number;
}

/**
 * The synchronous work of one library render (lib/library/view), on all pieces: no search, a
 * search's hits for `query`, and the most common theme chosen.
 */
export async function timeViewWork(query: string): Promise<ViewWork[]> {
  const db = openDatabase();
  const pieces: PieceRow[] = await db.pieces.toArray();
  const themes = facetCounts(pieces).themes;
  const themeId = [...themes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const hits = await searchPieces(db, query, { limit: 5000 });
  const matches = new Set(hits.map((h) => h.pieceId));
  const scores = new Map(hits.map((h) => [h.pieceId, h.score]));
  const cases = [
    { name: 'all pieces', view: parseView(''), matches: null, scores: undefined },
    {
      name: `search "${query}"`,
      view: parseView(`?q=${encodeURIComponent(query)}`),
      matches,
      scores,
    },
    { name: 'one theme', view: parseView(`?themes=${themeId}`), matches: null, scores: undefined },
  ];
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return cases.map(({ name, view, matches, scores }) => {
    const filter: number[] = [];
    const counts: number[] = [];
    const sort: number[] = [];
    let shown = 0;
    for (let run = 0; run < 5; run++) {
      let start = now();
      const filtered = filterPieces(pieces, view, matches);
      filter.push(now() - start);
      start = now();
      facetCounts(filtered);
      counts.push(now() - start);
      start = now();
      sortPieces(filtered, effectiveSort(view), scores);
      sort.push(now() - start);
      shown = filtered.length;
    }
    return {
      case: name,
      pieces: shown,
      filterMs: median(filter),
      countsMs: median(counts),
      sortMs: median(sort),
    };
  });
}

export interface LoadStep {
  step: string;
  /** Median of 3 runs. */
  ms: number;
  detail: string;
}

/** Steps of the library's first load on their own, and cheaper ways to the first screen. */
export async function timeLoadSteps(): Promise<LoadStep[]> {
  const db = openDatabase();
  const steps: LoadStep[] = [];
  const time = async (step: string, work: () => Promise<string> | string) => {
    const runs: number[] = [];
    let detail = '';
    for (let run = 0; run < 3; run++) {
      const start = now();
      detail = await work();
      runs.push(now() - start);
    }
    steps.push({ step, ms: runs.sort((a, b) => a - b)[1]!, detail });
  };
  let pieces: PieceRow[] = [];
  await time('db.pieces.toArray() (Dexie)', async () => {
    pieces = await db.pieces.toArray();
    return `${pieces.length} rows`;
  });
  await time('clippedSitePatterns of every url and pageUrl (a render of App)', () => {
    return `${clippedSitePatterns(pieces.flatMap((p) => [p.url, p.pageUrl])).length} patterns`;
  });
  await time('piecesById map', () => `${new Map(pieces.map((p) => [p.id, p])).size} entries`);
  await time("newest 60 pieces: orderBy('capturedAt').reverse().limit(60)", async () => {
    return `${(await db.pieces.orderBy('capturedAt').reverse().limit(60).toArray()).length} rows`;
  });
  await time('theme and author counts: one IndexedDB count() per tag (no rows read)', async () => {
    const tags = await db.tags.toArray();
    const counts = await db.transaction('r', db.pieces, () =>
      Promise.all(
        tags.map((tag) =>
          db.pieces
            .where(tag.kind === 'theme' ? 'themeIds' : 'authorIds')
            .equals(tag.id)
            .count(),
        ),
      ),
    );
    return `${counts.filter((n) => n > 0).length} tags counted`;
  });
  return steps;
}

/** An object store as plain IndexedDB creates it (read from the Dexie schema by the bench). */
export interface StoreLayout {
  name: string;
  keyPath: string | string[];
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

export interface RawWrite {
  /** First `put` → the transaction committed. */
  committedMs: number;
  /** First `put` → each store's rows written (a request queued after them succeeded). */
  stores: { name: string; rows: number; doneMs: number }[];
}

const FILE_INPUT_ID = 'library-bench-file';

/** A file input of the bench's own, for `rawWrites` to read the backup from. */
export function addFileInput(): string {
  const input = document.createElement('input');
  input.type = 'file';
  input.id = FILE_INPUT_ID;
  input.hidden = true;
  document.body.append(input);
  return `#${FILE_INPUT_ID}`;
}

function requestDone(request: IDBOpenDBRequest | IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/**
 * What storing the backup's rows costs the browser alone: they are put with plain IndexedDB, in
 * one transaction, into a new database laid out like ours (indexes included), with none of the
 * import's work (reading, checking, merging, search index). The database is deleted afterwards.
 */
export async function rawWrites(layouts: StoreLayout[]): Promise<RawWrite> {
  const file = (document.getElementById(FILE_INPUT_ID) as HTMLInputElement).files![0]!;
  const backup = JSON.parse(await file.text()) as Record<string, unknown[] | undefined>;
  const name = `library-bench-floor-${Date.now()}`;
  const opening = indexedDB.open(name, 1);
  opening.onupgradeneeded = () => {
    for (const layout of layouts) {
      const store = opening.result.createObjectStore(layout.name, { keyPath: layout.keyPath });
      for (const { name, keyPath, unique, multiEntry } of layout.indexes) {
        store.createIndex(name, keyPath, { unique, multiEntry });
      }
    }
  };
  await requestDone(opening);
  const db = opening.result;
  const stores: RawWrite['stores'] = [];
  const start = now();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(
        layouts.map((l) => l.name),
        'readwrite',
      );
      for (const layout of layouts) {
        const store = tx.objectStore(layout.name);
        const rows = backup[layout.name] ?? [];
        for (const row of rows) store.put(row);
        // Requests of a transaction run in order: this one succeeds once the rows are written.
        store.count().onsuccess = () =>
          stores.push({ name: layout.name, rows: rows.length, doneMs: now() - start });
      }
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
  const committedMs = now() - start;
  await requestDone(indexedDB.deleteDatabase(name));
  return { committedMs, stores };
}

export interface PanelOpen {
  /** Click → the frame painted after the panel's first table row appeared. */
  ms: number;
  /** Rows and cells of the table painted. */
  rows: number;
  cells: number;
}

/**
 * Clicks the header button `label` (Debate) and times until its table (`selector`) has a row
 * on screen and the frame after is painted; what the panel paints later (the timeline) aside.
 */
export function timePanelOpen(label: string, selector: string): Promise<PanelOpen> {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!button) throw new Error(`no button ${label}`);
  return new Promise((resolve) => {
    const start = now();
    const done = () => {
      const table = document.querySelector(selector);
      if (!table?.querySelector('tbody tr')) return false;
      observer.disconnect();
      afterPaint((at) =>
        resolve({
          ms: at - start,
          rows: table.querySelectorAll('tbody tr').length,
          cells: table.querySelectorAll('tbody td').length,
        }),
      );
      return true;
    };
    const observer = new MutationObserver(done);
    observer.observe(document.body, { childList: true, subtree: true });
    button.click();
  });
}

/** One frame: from now to the next frame painted. */
export function timeFrame(): Promise<number> {
  const start = now();
  return new Promise((resolve) => afterPaint((at) => resolve(at - start)));
}

export interface TagChangeTiming {
  change: string;
  /** Best of the runs (ms). */
  ms: number;
  /** The same rows written with plain Dexie bulkPut in one transaction, best of the runs. */
  floorMs: number;
  runs: number[];
  floorRuns: number[];
  /** Median over the rounds of the change's time over the floor's in the same round. */
  ratio: number;
  /** Every row the change writes (its index rows and counts too), put with plain Dexie. */
  allRowsMs: number;
  allRowsRuns: number[];
  detail: string;
}

type Database = ReturnType<typeof openDatabase>;
const WRITTEN_TABLES = ['pieces', 'tags', 'searchDocs', 'searchPairs', 'searchState'] as const;

/** The rows of the tables a change of tags writes, by key. */
async function tagTableRows(db: Database): Promise<Map<string, Map<string, string>>> {
  const rows = new Map<string, Map<string, string>>();
  for (const name of WRITTEN_TABLES) {
    const table = db.table(name);
    const keyPath = table.schema.primKey.keyPath as string;
    const byKey = new Map<string, string>();
    for (const row of await table.toArray()) byKey.set(String(row[keyPath]), JSON.stringify(row));
    rows.set(name, byKey);
  }
  return rows;
}

/** What turns the rows `from` into `to`: per table, rows to put and keys to delete. */
function rowChanges(from: Map<string, Map<string, string>>, to: Map<string, Map<string, string>>) {
  return WRITTEN_TABLES.map((name) => {
    const a = from.get(name)!;
    const b = to.get(name)!;
    const put = [...b].filter(([key, row]) => a.get(key) !== row).map(([, row]) => JSON.parse(row));
    const gone = [...a.keys()].filter((key) => !b.has(key));
    return { name, put, gone };
  });
}

/** A timed step and what puts the collection back after it. */
interface Step {
  run: () => Promise<unknown>;
  reset: () => Promise<unknown>;
}

/**
 * The rows of every table a change writes, learnt by making and undoing it once: the steps that
 * put (and delete) them with plain Dexie, forth and back.
 */
async function allRowsStep(db: Database, change: Step): Promise<{ step: Step; rows: number }> {
  const before = await tagTableRows(db);
  await change.run();
  const after = await tagTableRows(db);
  await change.reset();
  const forth = rowChanges(before, after);
  const back = rowChanges(after, before);
  const apply = (changes: typeof forth) =>
    db.transaction('rw', [...WRITTEN_TABLES], async (tx) => {
      for (const { name, put, gone } of changes) {
        if (put.length > 0) await tx.table(name).bulkPut(put);
        if (gone.length > 0) await tx.table(name).bulkDelete(gone);
      }
    });
  return {
    step: { run: () => apply(forth), reset: () => apply(back) },
    rows: forth.reduce((n, c) => n + c.put.length + c.gone.length, 0),
  };
}

/**
 * Times the steps round by round, one after the other in each round, so that the machine's
 * drift falls on all of them alike; returns each step's times.
 */
async function interleaved(rounds: number, steps: Step[]): Promise<number[][]> {
  const times = steps.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    for (const [at, step] of steps.entries()) {
      const start = now();
      await step.run();
      times[at]!.push(now() - start);
      await step.reset();
    }
  }
  return times;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A change timed beside its floor and the floor of all its rows, in alternating rounds. */
async function timeChange(
  db: Database,
  rounds: number,
  change: string,
  floor: Step,
  ours: Step,
  detail: (rows: number) => string,
): Promise<TagChangeTiming> {
  const all = await allRowsStep(db, ours);
  const [floorRuns, runs, allRowsRuns] = await interleaved(rounds, [floor, ours, all.step]);
  return {
    change,
    ms: Math.min(...runs!),
    floorMs: Math.min(...floorRuns!),
    runs: runs!,
    floorRuns: floorRuns!,
    ratio: median(runs!.map((ms, i) => ms / floorRuns![i]!)),
    allRowsMs: Math.min(...allRowsRuns!),
    allRowsRuns: allRowsRuns!,
    detail: detail(all.rows),
  };
}

/**
 * Organising tags in the browser's own IndexedDB, on the collection the bench imported: two
 * authors of `perAuthor` pieces each merged (undone between rounds), and a theme added to `chosen`
 * pieces (taken off between rounds), each beside the same rows put with plain Dexie.
 */
export async function timeTagChanges(
  perAuthor: number,
  chosen: number,
): Promise<TagChangeTiming[]> {
  const db = openDatabase();
  const ROUNDS = 5;
  const ids = (await db.pieces.orderBy('capturedAt').primaryKeys()) as string[];
  const { tag: a } = await addTagToPieces(
    db,
    ids.slice(0, perAuthor),
    'author',
    'Bench A. Example',
  );
  const { tag: b } = await addTagToPieces(
    db,
    ids.slice(perAuthor, 2 * perAuthor),
    'author',
    'Bench Example',
  );
  const timings: TagChangeTiming[] = [];

  const before = await db.pieces.where('authorIds').equals(a.id).toArray();
  const stamp = new Date().toISOString();
  const merged = before.map((p) => ({
    ...p,
    authorIds: mergedIds(p.authorIds, a.id, b.id),
    updatedAt: stamp,
  }));
  const mergeFloor: Step = {
    run: () =>
      db.transaction('rw', [db.pieces, db.tags], async () => {
        await db.pieces.bulkPut(merged);
        await db.tags.delete(a.id);
        await db.tags.put({ ...b, aliases: [a.name], aliasKeys: [a.key] });
      }),
    reset: () =>
      db.transaction('rw', [db.pieces, db.tags], async () => {
        await db.pieces.bulkPut(before);
        await db.tags.bulkPut([a, b]);
      }),
  };
  let merge: Awaited<ReturnType<typeof mergeTags>> | undefined;
  const mergeStep: Step = {
    run: async () => (merge = await mergeTags(db, a.id, b.id)),
    reset: () => undoMerge(db, merge!),
  };
  timings.push(
    await timeChange(
      db,
      ROUNDS,
      `merge two authors of ${perAuthor.toLocaleString('en-US')} pieces each`,
      mergeFloor,
      mergeStep,
      (rows) => `${before.length} pieces rewritten (${rows} rows in all); undone between rounds`,
    ),
  );

  const picked = ids.slice(-chosen);
  const rows = (await db.pieces.bulkGet(picked)).filter((p): p is PieceRow => p !== undefined);
  const themed = rows.map((p) => ({ ...p, themeIds: [...p.themeIds, 'bench-theme'] }));
  const bulkFloor: Step = {
    run: () => db.transaction('rw', db.pieces, () => db.pieces.bulkPut(themed)),
    reset: () => db.transaction('rw', db.pieces, () => db.pieces.bulkPut(rows)),
  };
  let themeId = '';
  const bulkStep: Step = {
    run: async () => (themeId = (await addTagToPieces(db, picked, 'theme', 'Bench theme')).tag.id),
    reset: () => removeTagFromPieces(db, picked, themeId),
  };
  // Once first: the theme then exists in every round, so that the rows put forth and back by
  // the floor of all rows are those of each round (taking a theme off pieces keeps the tag).
  await bulkStep.run();
  await bulkStep.reset();
  timings.push(
    await timeChange(
      db,
      ROUNDS,
      `add a theme to ${chosen.toLocaleString('en-US')} chosen pieces`,
      bulkFloor,
      bulkStep,
      (rows) => `taken off between rounds; ${rows} rows in all`,
    ),
  );
  return timings;
}
