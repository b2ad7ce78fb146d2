/**
 * Exports at the size of a large collection: 20,000 pieces and 100,000 passages, built in memory
 * (exports read the backup only, so no database is involved; stored copies are left out, as no
 * export reads them). Times the Markdown zip (target 8 s) with its peak memory and size, and the
 * CSV and the dossier (by theme, the larger grouping), through `exportFormat` as the library
 * calls it.
 *
 * Run alone: `npm run bench -- export` (BENCH_EXPORT_SCALE=0.1 for a quick run).
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../lib/backup/format';
import type { PassageRow, PieceRow, TagRow } from '../lib/model/records';
import { exportFormat, type ExportFormat } from '../lib/export';
import { parsePersonName } from '../lib/extract/names';
import { tagKey } from '../lib/tags/normalize';
import { collectGarbage, MemoryPeak } from './memory';
import { benchRow, type BenchRow, type BenchSuite, type RowArgs } from './types';
import { random } from '../tests/support/random';

const SCALE = Number(process.env.BENCH_EXPORT_SCALE ?? '1');
const PIECES = Math.round(20_000 * SCALE);
const PASSAGES = Math.round(100_000 * SCALE);

const WORDS = (
  'the of and a to in is it that was for on are as with his they at be this from have or by one ' +
  'had not but what all were when we there can an your which their said if do will each about how ' +
  'solidarity memory archive union city translation exile reading crisis movement history labour ' +
  'mémoire ville récit Erinnerung Stadt память город 记忆 城市 ذاكرة مدينة'
).split(' ');

const iso = (minutes: number) => new Date(Date.UTC(2020, 0, 1) + minutes * 60_000).toISOString();

/** The collection: 400 tags, `PIECES` pieces, `PASSAGES` passages spread evenly. */
export function buildCollection(pieces = PIECES, passages = PASSAGES): Backup {
  const rnd = random(2025);
  const words = (min: number, max: number) => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
    return out.join(' ');
  };
  const tags: TagRow[] = [];
  for (let i = 0; i < 400; i++) {
    const kind = i < 250 ? 'author' : 'theme';
    const name = kind === 'author' ? `Author ${i} Example` : `Theme ${i} ${words(1, 2)}`;
    tags.push({
      id: `tag-${String(i).padStart(4, '0')}`,
      kind,
      name,
      key: tagKey(name) + ` ${i}`,
      aliases: i % 10 === 0 ? [`${name} (alias)`] : [],
      aliasKeys: i % 10 === 0 ? [tagKey(`${name} alias`)] : [],
      color: kind === 'theme' ? '#b85c00' : null,
      personName: kind === 'author' ? parsePersonName(name) : null,
      createdAt: iso(i),
      updatedAt: iso(i),
    });
  }
  const rows: PieceRow[] = [];
  const marks: PassageRow[] = [];
  for (let i = 0; i < pieces; i++) {
    const id = `piece-${String(i).padStart(6, '0')}`;
    const at = iso(10_000 + i * 7);
    rows.push({
      id,
      url: `https://example.org/${i % 97}/essays/${id}`,
      pageUrl: `https://example.org/${i % 97}/essays/${id}?utm_source=feed`,
      pageKind: 'article',
      title: words(4, 12),
      siteName: `Example Site ${i % 97}`,
      authorIds: [tags[Math.floor(rnd() * 250)]!.id],
      themeIds: [
        tags[250 + Math.floor(rnd() * 150)]!.id,
        tags[250 + Math.floor(rnd() * 150)]!.id,
      ].filter((t, j, all) => all.indexOf(t) === j),
      publishedTime: '2023-11-09T10:30:00+00:00',
      modifiedTime: null,
      lang: 'en',
      excerpt: words(20, 40),
      wordCount: 1500,
      contentHash: (i * 2654435761).toString(16).padStart(64, '0'),
      note: rnd() < 0.3 ? words(8, 30) : '',
      capturedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    const quota = Math.floor(((i + 1) * passages) / pieces) - Math.floor((i * passages) / pieces);
    for (let j = 0; j < quota; j++) {
      const exact = words(10, 35);
      const start = 100 + j * 400;
      marks.push({
        id: `passage-${String(marks.length).padStart(7, '0')}`,
        pieceId: id,
        selectors: [
          { type: 'TextQuoteSelector', exact, prefix: words(4, 6), suffix: words(4, 6) },
          { type: 'TextPositionSelector', start, end: start + exact.length },
        ],
        quote: exact,
        textFragment: rnd() < 0.5 ? encodeURIComponent(exact.slice(0, 30)) : null,
        note: rnd() < 0.2 ? words(6, 25) : '',
        authorIds: [],
        themeIds: rnd() < 0.5 ? [tags[250 + Math.floor(rnd() * 150)]!.id] : [],
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: iso(1_000_000),
    tags,
    pieces: rows,
    contents: [],
    passages: marks,
    settings: [],
  };
}

/** Runs `fn` twice; the faster time and the first round's memory peak (the second starts with garbage). */
async function measure<T>(
  fn: (sample: () => void) => Promise<T> | T,
): Promise<{ ms: number; rss: number; heap: number; result: T }> {
  const memory = new MemoryPeak();
  let ms = Infinity;
  let peak = { rss: 0, heap: 0 };
  let result: T | undefined;
  for (let round = 0; round < 2; round++) {
    result = undefined;
    memory.start();
    const t = performance.now();
    result = await fn(memory.sample);
    ms = Math.min(ms, performance.now() - t);
    const seen = memory.stop();
    if (round === 0) peak = seen;
  }
  return { ms, ...peak, result: result! };
}

export const exportBench: BenchSuite = {
  suite: 'export',
  async run(): Promise<BenchRow[]> {
    const scale = `${PIECES.toLocaleString('en-US')} pieces, ${PASSAGES.toLocaleString('en-US')} passages`;
    const setupStart = performance.now();
    const backup = buildCollection();
    const setupMs = performance.now() - setupStart;
    collectGarbage();
    const base = process.memoryUsage();
    const baseNote = `at the start: ${Math.round(base.rss / 2 ** 20)} MB RSS, ${Math.round(base.heapUsed / 2 ** 20)} MB heap (the collection in memory)`;

    // Through `exportFormat`, as the library calls it.
    const run = (format: ExportFormat, groupBy?: 'theme') =>
      measure(async (sample) => {
        const { data } = await exportFormat(backup, format, { groupBy, onProgress: sample });
        return typeof data === 'string' ? new TextEncoder().encode(data).length : data.length;
      });
    const zip = await run('md');
    const csv = await run('csv');
    const dossier = await run('dossier', 'theme');

    const row = (...args: RowArgs) => benchRow('export', ...args);
    const note = 'best of 2, Node; deflate level 6, author pages included';
    return [
      row(`Markdown zip (${scale})`, zip.ms, 'ms', { target: 8000, note }),
      row('Markdown zip peak RSS', zip.rss, 'MB', { note: baseNote }),
      row('Markdown zip peak heap used', zip.heap, 'MB', { note: baseNote }),
      row('Markdown zip size', zip.result / 2 ** 20, 'MB'),
      row(`CSV (${scale})`, csv.ms, 'ms', { note: 'best of 2' }),
      row('CSV peak RSS', csv.rss, 'MB'),
      row('CSV peak heap used', csv.heap, 'MB'),
      row('CSV size', csv.result / 2 ** 20, 'MB'),
      row(`dossier by theme (${scale})`, dossier.ms, 'ms', { note: 'best of 2' }),
      row('dossier peak RSS', dossier.rss, 'MB'),
      row('dossier peak heap used', dossier.heap, 'MB'),
      row('dossier size', dossier.result / 2 ** 20, 'MB'),
      row('setup: building the collection (not a target)', setupMs, 'ms'),
    ];
  },
};
