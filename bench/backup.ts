/**
 * Backup at the size of a large collection: 20,000 pieces with stored copies (3–8 KB of text plus
 * its HTML each) and 100,000 passages, in fake-indexeddb under Node. Times export (to a Blob) and
 * import into an empty database, with the peak memory of each, and the size of the file.
 *
 * Run alone: `npm run bench -- backup` (BENCH_BACKUP_SCALE=0.1 for a quick run).
 */
import 'fake-indexeddb/auto';
import { CommonplaceDB } from '../lib/collection/database';
import type { ContentRow, PassageRow, PieceRow, TagRow } from '../lib/model/records';
import { exportBackupBlob } from '../lib/backup/export-stream';
import { importBackup } from '../lib/backup/import-file';
import { parsePersonName } from '../lib/extract/names';
import { tagKey } from '../lib/tags/normalize';
import { MemoryPeak, type MemoryFigures } from './memory';
import { benchRow, type BenchRow, type BenchSuite, type RowArgs } from './types';
import { random } from '../tests/support/random';

const SCALE = Number(process.env.BENCH_BACKUP_SCALE ?? '1');
const PIECES = Math.round(20_000 * SCALE);
const PASSAGES = Math.round(100_000 * SCALE);
const NOTE =
  'best of 2; fake-indexeddb in Node, an IndexedDB kept in memory: this times our code, not a ' +
  'browser’s storage (the library (Chromium) rows time both); import includes search indexing';

const WORDS = (
  'the of and a to in is it that was for on are as with his they at be this from have or by one ' +
  'had not but what all were when we there can an your which their said if do will each about how ' +
  'up out them then she many some so these would other into has more her two like him see time ' +
  'could no make than first been its who now people my made over did down only way find use may ' +
  'solidarity memory archive union city translation exile reading crisis movement history labour'
).split(' ');

const NO_MEMORY: MemoryFigures = { rss: 0, heap: 0, startRss: 0, startHeap: 0 };

const memoryNote = (m: MemoryFigures) =>
  `at the start: ${Math.round(m.startRss)} MB RSS, ${Math.round(m.startHeap)} MB heap ` +
  '(fake-indexeddb keeps the database itself in the JS heap)';

const iso = (minutes: number) => new Date(Date.UTC(2020, 0, 1) + minutes * 60_000).toISOString();

export async function fillCollection(db: CommonplaceDB): Promise<void> {
  const rnd = random(2024);
  const sentence = () => {
    const n = 8 + Math.floor(rnd() * 18);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const tags: TagRow[] = [];
  for (let i = 0; i < 400; i++) {
    const kind = i < 250 ? 'author' : 'theme';
    const name = kind === 'author' ? `Author ${i} Example` : `Theme ${i}`;
    tags.push({
      id: `tag-${String(i).padStart(4, '0')}`,
      kind,
      name,
      key: tagKey(name),
      aliases: i % 10 === 0 ? [`${name} (alias)`] : [],
      aliasKeys: i % 10 === 0 ? [tagKey(`${name} (alias)`)] : [],
      color: kind === 'theme' ? '#b85c00' : null,
      personName: kind === 'author' ? parsePersonName(name) : null,
      createdAt: iso(i),
      updatedAt: iso(i),
    });
  }
  await db.tags.bulkAdd(tags);
  const BATCH = 500;
  let passageIndex = 0;
  for (let start = 0; start < PIECES; start += BATCH) {
    const pieces: PieceRow[] = [];
    const contents: ContentRow[] = [];
    const passages: PassageRow[] = [];
    for (let i = start; i < Math.min(PIECES, start + BATCH); i++) {
      const id = `piece-${String(i).padStart(6, '0')}`;
      const target = 3000 + Math.floor(rnd() * 5000);
      const paragraphs: string[] = [];
      let length = 0;
      while (length < target) {
        const paragraph = [sentence(), sentence(), sentence(), sentence()].join(' ');
        paragraphs.push(paragraph);
        length += paragraph.length + 2;
      }
      const text = paragraphs.join('\n\n');
      const at = iso(10_000 + i * 7);
      pieces.push({
        id,
        url: `https://example.org/${i % 97}/essays/${id}`,
        pageUrl: `https://example.org/${i % 97}/essays/${id}?utm_source=feed`,
        pageKind: 'article',
        title: sentence().slice(0, 80),
        siteName: `Example Site ${i % 97}`,
        authorIds: [tags[Math.floor(rnd() * 250)]!.id],
        themeIds: [tags[250 + Math.floor(rnd() * 150)]!.id],
        publishedTime: '2023-11-09T10:30:00+00:00',
        modifiedTime: null,
        lang: 'en',
        excerpt: text.slice(0, 200),
        wordCount: Math.round(text.length / 5.5),
        contentHash: (i * 2654435761).toString(16).padStart(64, '0'),
        note: rnd() < 0.3 ? sentence() : '',
        capturedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      contents.push({
        pieceId: id,
        contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
        textContent: text,
        updatedAt: at,
      });
      const quotas =
        Math.floor(((i + 1) * PASSAGES) / PIECES) - Math.floor((i * PASSAGES) / PIECES);
      for (let j = 0; j < quotas; j++) {
        const startAt = Math.floor(rnd() * (text.length - 200));
        const exact = text.slice(startAt, startAt + 60 + Math.floor(rnd() * 140));
        passages.push({
          id: `passage-${String(passageIndex++).padStart(7, '0')}`,
          pieceId: id,
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact,
              prefix: text.slice(Math.max(0, startAt - 32), startAt),
              suffix: text.slice(startAt + exact.length, startAt + exact.length + 32),
            },
            { type: 'TextPositionSelector', start: startAt, end: startAt + exact.length },
          ],
          quote: exact,
          textFragment: encodeURIComponent(exact.slice(0, 30)),
          note: rnd() < 0.2 ? sentence() : '',
          authorIds: [],
          themeIds: rnd() < 0.5 ? [tags[250 + Math.floor(rnd() * 150)]!.id] : [],
          createdAt: at,
          updatedAt: at,
        });
      }
    }
    await db.transaction('rw', db.pieces, db.contents, db.passages, async () => {
      await db.pieces.bulkAdd(pieces);
      await db.contents.bulkAdd(contents);
      await db.passages.bulkAdd(passages);
    });
  }
  await db.settings.bulkAdd([
    { key: 'highlightPalette', value: ['#ffe08a', '#b5e3ff'], updatedAt: iso(1) },
    { key: 'libraryView', value: { sort: 'capturedAt', dense: false }, updatedAt: iso(2) },
  ]);
}

export const backupBench: BenchSuite = {
  suite: 'backup',
  async run(): Promise<BenchRow[]> {
    const scale = `${PIECES.toLocaleString('en-US')} pieces, ${PASSAGES.toLocaleString('en-US')} passages`;
    const source = new CommonplaceDB(`bench-backup-${Date.now()}`);
    const setupStart = performance.now();
    await fillCollection(source);
    const setupMs = performance.now() - setupStart;

    // Each step twice; the faster time is reported (the machine is shared), and the memory of the
    // first round (the second starts with the first one's garbage).
    const memory = new MemoryPeak();
    let exportMs = Infinity;
    let exportMemory = NO_MEMORY;
    let blob = new Blob([]);
    for (let round = 0; round < 2; round++) {
      blob = new Blob([]);
      memory.start();
      const t = performance.now();
      blob = await exportBackupBlob(source, { onProgress: () => memory.sample() });
      exportMs = Math.min(exportMs, performance.now() - t);
      const peak = memory.stop();
      if (round === 0) exportMemory = peak;
    }
    source.close();
    await CommonplaceDB.delete(source.name);

    let importMs = Infinity;
    let importMemory = NO_MEMORY;
    for (let round = 0; round < 2; round++) {
      const target = new CommonplaceDB(`bench-backup-import-${round}-${Date.now()}`);
      memory.start();
      const t = performance.now();
      const summary = await importBackup(target, blob, { onProgress: () => memory.sample() });
      importMs = Math.min(importMs, performance.now() - t);
      const peak = memory.stop();
      if (round === 0) importMemory = peak;
      const imported = await target.passages.count();
      target.close();
      await CommonplaceDB.delete(target.name);
      if (summary.pieces.added !== PIECES || imported !== PASSAGES) {
        throw new Error(`import incomplete: ${summary.pieces.added} pieces, ${imported} passages`);
      }
    }

    const row = (...args: RowArgs) => benchRow('backup', ...args);
    return [
      row(`export (${scale})`, exportMs, 'ms', { target: 5000, note: NOTE }),
      row('export peak RSS', exportMemory.rss, 'MB', { note: memoryNote(exportMemory) }),
      row('export peak heap used', exportMemory.heap, 'MB', { note: memoryNote(exportMemory) }),
      row(`import into an empty database (${scale})`, importMs, 'ms', {
        target: 10000,
        note: NOTE,
      }),
      row('import peak RSS', importMemory.rss, 'MB', { note: memoryNote(importMemory) }),
      row('import peak heap used', importMemory.heap, 'MB', { note: memoryNote(importMemory) }),
      row('backup file size', blob.size / 2 ** 20, 'MB'),
      row('setup: writing the collection (not a target)', setupMs, 'ms'),
    ];
  },
};
