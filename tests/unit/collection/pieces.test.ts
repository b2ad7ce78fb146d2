import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  deletePiece,
  findPieceByUrl,
  restorePiece,
  savePiece,
  updatePiece,
} from '../../../lib/collection/pieces';
import { UserError } from '../../../lib/errors';
import { StorageFullError } from '../../../lib/db/errors';
import { RowTooLargeError } from '../../../lib/db/limits';
import { LIMITS } from '../../../lib/model/row-schemas';
import { collectBackup } from '../../../lib/backup/references';
import { validateBackup } from '../../../lib/backup/validate';
import { addPassage, deletePassage } from '../../../lib/collection/passages';
import { searchPassages, searchPieces } from '../../../lib/search';
import { ensureTags, findTag } from '../../../lib/db/tags';
import { listTags } from '../../../lib/collection/tags';
import { dumpTables, freshDatabase, makeExtraction } from '../factories';

afterEach(() => vi.restoreAllMocks());

const edits = { authors: ['Christopher Ford'], themes: ['Russian left'], note: 'Read with Batou.' };

describe('savePiece', () => {
  test('stores the piece, its stored copy and its tags', async () => {
    const db = freshDatabase();
    const page = makeExtraction();
    const piece = await savePiece(db, page, edits, new Date('2026-01-02T03:04:05Z'));

    expect(piece).toMatchObject({
      url: page.url,
      pageUrl: page.pageUrl,
      title: page.title,
      note: 'Read with Batou.',
      capturedAt: '2026-01-02T03:04:05.000Z',
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(piece.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.contents.get(piece.id)).toMatchObject({
      contentHtml: page.contentHtml,
      textContent: page.textContent,
    });
    const saved = await findPieceByUrl(db, page.url);
    expect(saved?.authors.map((t) => t.name)).toEqual(['Christopher Ford']);
    expect(saved?.authors[0]?.personName).toEqual({ given: 'Christopher', family: 'Ford' });
    expect(saved?.themes.map((t) => t.name)).toEqual(['Russian left']);
    // List rows stay light: no page text in `pieces`.
    expect(Object.keys(piece)).not.toContain('textContent');
  });

  test('the same canonical URL updates one piece and keeps its id and createdAt', async () => {
    const db = freshDatabase();
    const first = await savePiece(db, makeExtraction(), edits, new Date('2026-01-01T00:00:00Z'));
    const second = await savePiece(
      db,
      makeExtraction({
        pageUrl: 'https://ukraine-solidarity.example/x?fbclid=1',
        title: 'New title',
      }),
      { ...edits, themes: ['russian LEFT', 'Novorossiya'] },
      new Date('2026-02-01T00:00:00Z'),
    );
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(second.updatedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(second.title).toBe('New title');
    expect(await db.pieces.count()).toBe(1);
    expect(await db.contents.count()).toBe(1);
    // "russian LEFT" is the existing theme, not a new one.
    expect((await listTags(db, 'theme')).map((t) => t.name)).toEqual([
      'Novorossiya',
      'Russian left',
    ]);
  });

  test('a bookmark-style re-save keeps the stored copy taken before', async () => {
    const db = freshDatabase();
    const first = await savePiece(db, makeExtraction(), edits, new Date('2026-01-01T00:00:00Z'));
    await savePiece(
      db,
      makeExtraction({ pageKind: 'bookmark', contentHtml: '', textContent: '', wordCount: 0 }),
      edits,
      new Date('2026-02-01T00:00:00Z'),
    );
    const piece = await db.pieces.get(first.id);
    expect(piece?.pageKind).toBe('article');
    expect(piece?.capturedAt).toBe('2026-01-01T00:00:00.000Z');
    expect((await db.contents.get(first.id))?.textContent).toBe(makeExtraction().textContent);
  });

  test('a full disk is reported plainly and nothing is written', async () => {
    const db = freshDatabase();
    await savePiece(db, makeExtraction(), edits);
    const before = await dumpTables(db);
    vi.spyOn(db.contents, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(
      savePiece(db, makeExtraction({ url: 'https://example.org/other', title: 'Other' }), {
        authors: ['Brand New Author'],
        themes: ['Brand new theme'],
        note: '',
      }),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await dumpTables(db)).toEqual(before);
  });

  test('other storage errors are not disguised as a full disk', async () => {
    const db = freshDatabase();
    vi.spyOn(db.contents, 'put').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    await expect(savePiece(db, makeExtraction(), edits)).rejects.toThrow('disk on fire');
    expect(await db.pieces.count()).toBe(0);
  });
});

describe('rows a backup would refuse are not saved', () => {
  // A backup must import what the collection holds: the format's limits hold at every save.
  const huge = 'x'.repeat(LIMITS.text + 1);

  test('a note, a title, a quote or a tag name over the limit is refused, naming the field', async () => {
    const db = freshDatabase();
    const piece = await savePiece(db, makeExtraction(), edits);
    const before = await dumpTables(db);
    const refused = [
      savePiece(db, makeExtraction({ url: 'https://example.org/other' }), { ...edits, note: huge }),
      updatePiece(db, piece.id, { ...edits, title: huge, publishedTime: null }),
      addPassage(db, {
        pieceId: piece.id,
        selectors: [],
        quote: huge,
        textFragment: null,
        note: '',
        authors: [],
        themes: [],
      }),
      savePiece(db, makeExtraction(), { ...edits, themes: [huge] }),
    ];
    const messages: string[] = [];
    for (const attempt of refused) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RowTooLargeError);
      messages.push((error as Error).message);
    }
    expect(messages.map((m) => m.split(':')[1]!.trim())).toEqual([
      'note',
      'title',
      'quote',
      'name',
    ]);
    expect(messages[0]).toMatch(
      /^Not saved: note: .*1,000,000.*Nothing already saved was changed\.$/,
    );
    expect(await dumpTables(db)).toEqual(before);
  });

  test('what the app saves passes the backup validator', async () => {
    const db = freshDatabase();
    const piece = await savePiece(db, makeExtraction(), edits);
    await addPassage(db, {
      pieceId: piece.id,
      selectors: [{ type: 'TextQuoteSelector', exact: 'the quote', prefix: 'a ', suffix: ' b' }],
      quote: 'the quote',
      textFragment: 'the%20quote',
      note: 'why it matters',
      authors: ['Boris Kagarlitsky'],
      themes: ['Russian imperialism'],
    });
    const result = validateBackup(await collectBackup(db, null));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('tags', () => {
  test('a tag is found by its key or any alias, per kind', async () => {
    const db = freshDatabase();
    const [tag] = await db.transaction('rw', db.tags, () =>
      ensureTags(db, 'author', ['Boris Kagarlitsky']),
    );
    await db.tags.update(tag!.id, { aliases: ['Кагарлицкий'], aliasKeys: ['кагарлицкий'] });
    expect((await findTag(db, 'author', 'boris kagarlitsky'))?.id).toBe(tag!.id);
    expect((await findTag(db, 'author', 'кагарлицкий'))?.id).toBe(tag!.id);
    expect(await findTag(db, 'theme', 'boris kagarlitsky')).toBeUndefined();
  });

  test('ensureTags reuses existing tags and keeps order, without duplicates', async () => {
    const db = freshDatabase();
    const first = await ensureTags(db, 'theme', ['Syria', 'Crimea']);
    const second = await ensureTags(db, 'theme', ['crimea', 'Far right', 'SYRIA', 'Crimea']);
    expect(second.map((t) => t.name)).toEqual(['Crimea', 'Far right', 'Syria']);
    expect(second[0]!.id).toBe(first[1]!.id);
    expect(await db.tags.count()).toBe(3);
    expect(second.every((t) => t.personName === null)).toBe(true);
  });

  test('the same name may be both an author and a theme', async () => {
    const db = freshDatabase();
    await ensureTags(db, 'author', ['Lenin']);
    await ensureTags(db, 'theme', ['Lenin']);
    expect(await db.tags.count()).toBe(2);
  });
});

describe('editing and deleting', () => {
  test('updatePiece changes metadata, note and tags, keeping the rest', async () => {
    const db = freshDatabase();
    const piece = await savePiece(db, makeExtraction(), edits, new Date('2026-01-01T00:00:00Z'));
    const updated = await updatePiece(
      db,
      piece.id,
      {
        title: '  A new title ',
        authors: ['Christopher Ford', 'Boris Kagarlitsky'],
        themes: [],
        note: 'Edited.',
        publishedTime: '2015-08-11T00:00:00.000Z',
      },
      new Date('2026-02-01T00:00:00Z'),
    );
    expect(updated).toMatchObject({
      id: piece.id,
      url: piece.url,
      title: 'A new title',
      note: 'Edited.',
      themeIds: [],
      publishedTime: '2015-08-11T00:00:00.000Z',
      createdAt: piece.createdAt,
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect((await findPieceByUrl(db, piece.url))?.authors.map((t) => t.name)).toEqual([
      'Christopher Ford',
      'Boris Kagarlitsky',
    ]);
    const missing = updatePiece(db, 'missing', { ...edits, title: 'x', publishedTime: null });
    await expect(missing).rejects.toThrow('no longer exists');
    // Shown as it is, not as "Something went wrong".
    await expect(missing).rejects.toBeInstanceOf(UserError);
  });

  test('deletePiece removes the piece, its copy and passages; restorePiece puts them back', async () => {
    const db = freshDatabase();
    const piece = await savePiece(db, makeExtraction(), edits);
    await savePiece(db, makeExtraction({ url: 'https://example.org/other' }), edits);
    await db.passages.add({
      id: 'p1',
      pieceId: piece.id,
      selectors: [{ type: 'TextQuoteSelector', exact: 'influence' }],
      quote: 'influence',
      textFragment: null,
      note: '',
      authorIds: [],
      themeIds: [],
      createdAt: piece.createdAt,
      updatedAt: piece.createdAt,
    });
    const before = await dumpTables(db);
    const deleted = await deletePiece(db, piece.id);
    expect(deleted?.passages).toHaveLength(1);
    expect(await db.pieces.get(piece.id)).toBeUndefined();
    expect(await db.contents.get(piece.id)).toBeUndefined();
    expect(await db.passages.count()).toBe(0);
    expect(await db.pieces.count()).toBe(1);
    await restorePiece(db, deleted!);
    expect(await dumpTables(db)).toEqual(before);
    expect(await deletePiece(db, 'missing')).toBeNull();
  });
});

describe('search stays current with every write', () => {
  test('save, edit, annotate, delete, restore', async () => {
    const db = freshDatabase();
    const found = async (query: string) => (await searchPieces(db, query)).map((h) => h.pieceId);
    const piece = await savePiece(db, makeExtraction(), edits);
    expect(await found('western left')).toEqual([piece.id]);
    expect(await found('batou')).toEqual([piece.id]); // the note
    await updatePiece(db, piece.id, { ...edits, title: 'Zygomorphic title', publishedTime: null });
    expect(await found('zygomorph')).toEqual([piece.id]);
    const passage = await addPassage(db, {
      pieceId: piece.id,
      selectors: [],
      quote: 'influence on the thinking',
      textFragment: null,
      note: 'quasiquotation',
      authors: [],
      themes: [],
    });
    expect((await searchPassages(db, 'quasiquot')).map((h) => h.passageId)).toEqual([passage.id]);
    await deletePassage(db, passage.id);
    expect(await searchPassages(db, 'quasiquot')).toEqual([]);
    const deleted = await deletePiece(db, piece.id);
    expect(await found('zygomorph')).toEqual([]);
    await restorePiece(db, deleted!);
    expect(await found('zygomorph')).toEqual([piece.id]);
  });
});
