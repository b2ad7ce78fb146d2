import { describe, expect, it } from 'vitest';
import { exportBackup, exportBackupBlob } from '../../../lib/backup/export-stream';
import { backupFileName } from '../../../lib/backup/file-name';
import { importBackup } from '../../../lib/backup/import-file';
import { InvalidBackupError } from '../../../lib/backup/issues';
import type { BackupProgress } from '../../../lib/backup/progress';
import { BACKUP_TABLES, type Backup } from '../../../lib/backup/format';
import { LineReader, readBackupFile } from '../../../lib/backup/serialize';
import { validateBackup } from '../../../lib/backup/validate';
import { StorageFullError } from '../../../lib/db/errors';
import { tagKey } from '../../../lib/tags/normalize';
import type { CommonplaceDB } from '../../../lib/collection/database';
import { rebuildSearchIndex } from '../../../lib/search';
import {
  dump,
  dumpSearchIndex,
  emptyBackup,
  exportText,
  fill,
  hostile,
  makeCollection,
  makePassage,
  makePiece,
  makeTag,
  newDb,
} from './helpers';

const LONG = 100_000;

/** Every field of every table filled with hostile text, most of it 100,000 characters long. */
function hostileCollection(): Backup {
  const long = (label: string) => hostile(label, LONG);
  const backup = emptyBackup();
  const authorName = long('author');
  const author = {
    ...makeTag('author', 'x', 'author-1', 0),
    name: authorName,
    key: tagKey(authorName),
    aliases: [long('alias'), hostile('short alias')],
    aliasKeys: [tagKey(long('alias')), tagKey(hostile('short alias'))],
    color: long('colour'),
    personName: { family: long('family'), given: long('given') },
    createdAt: '2024-02-29T23:59:59.999+14:00',
    updatedAt: '2024-03-01T00:00:00.123456Z',
  };
  const org = {
    ...makeTag('author', 'x', 'author-2 “id” with spaces, commas\nand a newline', 1),
    name: hostile('organisation'),
    key: tagKey(hostile('organisation')),
    personName: { literal: long('literal') },
  };
  const themeName = hostile('ثيمة theme', 2 * LONG);
  const theme = {
    ...makeTag('theme', 'x', 'theme-ע', 2),
    name: themeName,
    key: tagKey(themeName),
    color: null,
  };
  backup.tags = [author, org, theme];
  const piece = makePiece('piece-1', long('https://example.org/?q='), 10, {
    pageUrl: long('page url'),
    pageKind: 'article',
    title: long('title'),
    siteName: long('site'),
    authorIds: [author.id, org.id],
    themeIds: [theme.id],
    publishedTime: '1999-12-31T23:59:59-05:00',
    modifiedTime: '2000-01-01T04:59:59+00:00',
    lang: long('lang'),
    excerpt: long('excerpt'),
    wordCount: 123_456,
    contentHash: long('hash'),
    note: long('note'),
  });
  const bare = makePiece('piece-2 🦋', hostile('https://例え.jp/パス'), 20, {
    pageKind: 'bookmark',
    title: '',
    siteName: null,
    publishedTime: '2024-05-01',
    modifiedTime: '2024-05-01T10:30',
    lang: null,
    excerpt: '',
    wordCount: 0,
    contentHash: '',
    note: hostile('short note'),
  });
  backup.pieces = [piece, bare];
  backup.contents = [
    {
      pieceId: piece.id,
      contentHtml: `<article dir="rtl"><p>${hostile('html', 5 * LONG)}</p></article>`,
      textContent: hostile('text', 5 * LONG),
      updatedAt: piece.capturedAt,
    },
  ];
  backup.passages = [
    makePassage('passage-1', piece.id, 30, {
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: long('exact'),
          prefix: hostile('prefix'),
          suffix: hostile('suffix'),
        },
        { type: 'TextPositionSelector', start: 0, end: LONG },
        {
          type: 'RangeSelector',
          startSelector: { type: 'XPathSelector', value: '/html/body/p[1]' },
          endSelector: { type: 'XPathSelector', value: '/html/body/p[3]' },
          refinedBy: {
            type: 'TextQuoteSelector',
            exact: hostile('refined'),
            nested: [1, [2, [3]]],
          },
        },
      ],
      quote: long('quote'),
      textFragment: long('fragment'),
      note: long('passage note'),
      authorIds: [org.id],
      themeIds: [theme.id],
    }),
    makePassage('passage-2', piece.id, 31, { textFragment: null }),
  ];
  backup.settings = [
    {
      key: 'hostile',
      value: { text: long('setting'), list: [1, 2.5, -0.001, true, null, 'ü'] },
      updatedAt: '2024-01-01T00:00:00Z',
    },
    { key: 'null', value: null, updatedAt: '2024-01-01T00:00:00Z' },
    { key: 'number', value: 1e21, updatedAt: '2024-01-01T00:00:00Z' },
    { key: 'string', value: hostile('value'), updatedAt: '2024-01-01T00:00:00Z' },
  ];
  return backup;
}

async function wipe(db: CommonplaceDB): Promise<void> {
  await db.transaction(
    'rw',
    [db.tags, db.pieces, db.contents, db.passages, db.settings],
    async () => {
      for (const table of BACKUP_TABLES) await db[table].clear();
    },
  );
}

const unchangedEverywhere = (count: Record<string, number>) =>
  Object.fromEntries(
    BACKUP_TABLES.map((table) => [table, { added: 0, updated: 0, unchanged: count[table] ?? 0 }]),
  );

describe('round trip', () => {
  it('gives back a hostile collection exactly, and a second import changes nothing', async () => {
    const db = newDb();
    const collection = hostileCollection();
    expect(validateBackup(collection)).toMatchObject({ ok: true });
    await fill(db, collection);
    const before = await dump(db);

    const blob = await exportBackupBlob(db);
    await wipe(db);
    expect((await dump(db)).pieces).toEqual([]);

    const first = await importBackup(db, blob);
    expect(await dump(db)).toEqual(before);
    expect(first.pieces).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(first.upgradedFrom).toBeNull();

    const second = await importBackup(db, blob);
    expect(await dump(db)).toEqual(before);
    expect(second).toEqual({
      ...unchangedEverywhere({ tags: 3, pieces: 2, contents: 1, passages: 2, settings: 4 }),
      upgradedFrom: null,
    });
  });

  it('imports the same backup as text, pretty-printed, with CRLF line ends and a BOM', async () => {
    const db = newDb();
    await fill(db, hostileCollection());
    const before = await dump(db);
    const text = await exportText(db);
    const pretty = '\ufeff' + JSON.stringify(JSON.parse(text), null, 2).replace(/\n/g, '\r\n');

    for (const source of [text, pretty, new Blob([pretty])]) {
      const fresh = newDb();
      await importBackup(fresh, source);
      expect(await dump(fresh)).toEqual(before);
    }
  });

  it('writes one record per line, in primary-key order, as plain JSON', async () => {
    const db = newDb();
    const collection = makeCollection(3, 20);
    await fill(db, collection);
    const text = await exportText(db);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      '{"format":"commonplace-backup","version":1,"exportedAt":"2025-05-01T09:00:00.000Z",',
    );
    expect(lines).toContain('"tags":[');
    expect(lines.at(-2)).toBe(']}');
    const records = BACKUP_TABLES.reduce((n, t) => n + collection[t].length, 0);
    expect(lines.filter((line) => line.startsWith('{"')).length).toBe(records + 1);
    const parsed = JSON.parse(text) as Backup;
    expect(parsed.pieces.map((p) => p.id)).toEqual(collection.pieces.map((p) => p.id).sort());
    expect(parsed).toEqual({ ...collection, exportedAt: '2025-05-01T09:00:00.000Z' });
  });

  it('produces the text in bounded pieces, never one string of the whole', async () => {
    const db = newDb();
    await fill(db, makeCollection(13, 400));
    const sizes: number[] = [];
    for await (const part of exportBackup(db, { chunkSize: 50 })) sizes.push(part.length);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(300_000);
    expect(Math.max(...sizes)).toBeLessThan(70_000);
  });

  it('gives the same text whatever the chunk size', async () => {
    const db = newDb();
    await fill(db, makeCollection(4, 15));
    const texts = await Promise.all([1, 2, 7, 500].map((size) => exportText(db, size)));
    for (const text of texts) expect(text).toBe(texts[0]);
  });

  it('reads its own layout line by line, and falls back for any other layout', async () => {
    const db = newDb();
    await fill(db, makeCollection(5, 6));
    const text = await exportText(db);
    const reader = new LineReader();
    for (const line of text.split('\n')) expect(reader.push(line)).toBe(true);
    expect(reader.finish()).toEqual(JSON.parse(text));

    const pretty = JSON.stringify(JSON.parse(text), null, 1);
    const other = new LineReader();
    expect(pretty.split('\n').every((line) => other.push(line))).toBe(false);
    expect(other.finish()).toBeNull();
    expect(await readBackupFile(new Blob([pretty]))).toBe(pretty);
    // Cut short: no document from the line reader; the text goes to the validator.
    const cut = text.slice(0, text.length - 10);
    expect(await readBackupFile(new Blob([cut]))).toBe(cut);
    // In tiny chunks, across multi-byte characters.
    const bytes = new TextEncoder().encode(await exportText(db));
    const pieces: BlobPart[] = [];
    for (let i = 0; i < bytes.length; i += 3)
      pieces.push(bytes.slice(i, i + 3) as Uint8Array<ArrayBuffer>);
    expect(await readBackupFile(new Blob(pieces))).toEqual(JSON.parse(text));
  });

  it('leaves out references to rows that are gone, so that every export imports', async () => {
    const db = newDb();
    const tag = makeTag('theme', 'Kept', 'kept', 0);
    const author = makeTag('author', 'Someone', 'someone', 0);
    await db.tags.bulkAdd([tag, author]);
    await db.pieces.add(
      makePiece('p', 'https://example.org/p', 1, {
        themeIds: ['deleted-tag', tag.id, tag.id],
        authorIds: [tag.id, author.id],
      }),
    );
    await db.contents.add({
      pieceId: 'gone',
      contentHtml: '',
      textContent: '',
      updatedAt: '2024-01-01T00:00:00Z',
    });
    await db.passages.add(makePassage('orphan', 'gone', 2));
    await db.passages.add(makePassage('kept', 'p', 2, { themeIds: ['deleted-tag'] }));

    const result = validateBackup(await exportText(db));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.backup.pieces[0]).toMatchObject({ themeIds: [tag.id], authorIds: [author.id] });
    expect(result.backup.contents).toEqual([]);
    expect(result.backup.passages.map((p) => [p.id, p.themeIds])).toEqual([['kept', []]]);
  });

  it('reports progress that only goes forward and ends complete', async () => {
    const db = newDb();
    await fill(db, makeCollection(6, 30));
    const exported: BackupProgress[] = [];
    const blob = await exportBackupBlob(db, { chunkSize: 4, onProgress: (p) => exported.push(p) });
    expect(blob.type).toBe('application/json');
    expect(exported.length).toBeGreaterThan(5);
    for (let i = 1; i < exported.length; i++) {
      expect(exported[i]!.done).toBeGreaterThanOrEqual(exported[i - 1]!.done);
    }
    expect(exported.at(-1)).toMatchObject({ done: exported.at(-1)!.total });

    const imported: BackupProgress[] = [];
    await importBackup(newDb(), blob, { chunkSize: 5, onProgress: (p) => imported.push(p) });
    const labels = [...new Set(imported.map((p) => p.label))];
    expect(labels).toEqual([
      'Reading the file',
      'Checking the file',
      'Comparing with your collection',
      'Importing',
      'Indexing for search',
    ]);
    const last = imported.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(backupFileName(new Date('2025-05-01T09:00:00Z'))).toBe(
      'commonplace-backup-2025-05-01.json',
    );
  });

  it('writes all or nothing: a failure in the middle leaves the database as it was', async () => {
    const db = newDb();
    const existing = makeCollection(7, 5, 'old');
    await fill(db, existing);
    const before = await dump(db);
    const incoming = makeCollection(8, 40, 'new');
    // The passages are written last: fail there, after tags, pieces and copies went in.
    db.passages.hook('creating', () => {
      throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    });
    await expect(
      importBackup(db, JSON.stringify(incoming), { chunkSize: 3 }),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await dump(db)).toEqual(before);
  });

  it('writes all or nothing, search index included: a failure while indexing undoes all', async () => {
    const db = newDb();
    await fill(db, makeCollection(7, 5, 'old'));
    await rebuildSearchIndex(db);
    const before = { rows: await dump(db), index: await dumpSearchIndex(db) };
    expect(before.index.searchDocs).toHaveLength(5);
    // The index is written after every row of the file: fail there.
    db.searchDocs.hook('creating', () => {
      throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    });
    await expect(
      importBackup(db, JSON.stringify(makeCollection(8, 40, 'new'))),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect({ rows: await dump(db), index: await dumpSearchIndex(db) }).toEqual(before);
  });

  it('leaves the search index as it was when the same file is imported again', async () => {
    const db = newDb();
    const text = JSON.stringify(makeCollection(9, 30, 'again'));
    await importBackup(db, text);
    const first = { rows: await dump(db), index: await dumpSearchIndex(db) };
    expect(first.index.searchDocs).toHaveLength(30);
    await importBackup(db, text);
    expect({ rows: await dump(db), index: await dumpSearchIndex(db) }).toEqual(first);
  });

  it('refuses an invalid file with every problem listed, and writes nothing', async () => {
    const db = newDb();
    await fill(db, makeCollection(9, 3));
    const before = await dump(db);
    const bad = makeCollection(10, 3, 'bad');
    (bad.pieces[1] as { title: unknown }).title = 42;
    (bad.passages[0] ?? bad.pieces[0]!).updatedAt = 'yesterday';
    const error = await importBackup(db, JSON.stringify(bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidBackupError);
    expect((error as InvalidBackupError).errors.map((e) => e.path)).toContain('pieces[1].title');
    expect((error as InvalidBackupError).message).toMatch(/Nothing in your collection was changed/);
    expect(await dump(db)).toEqual(before);
  });
});

describe('import sources', () => {
  it('takes a ReadableStream as well as text and Blobs', async () => {
    const db = newDb();
    await fill(db, makeCollection(12, 5));
    const before = await dump(db);
    const text = await exportText(db);
    const fresh = newDb();
    await importBackup(fresh, new Blob([text]).stream());
    expect(await dump(fresh)).toEqual(before);
  });
});
