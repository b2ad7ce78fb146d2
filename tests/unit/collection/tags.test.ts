import { describe, expect, test } from 'vitest';
import { addPassage, updatePassage } from '../../../lib/collection/passages';
import { savePiece, updatePiece } from '../../../lib/collection/pieces';
import {
  addTagAlias,
  addTagToPieces,
  deleteTag,
  mergeTags,
  removeTagAlias,
  removeTagFromPieces,
  renameTag,
  setPersonName,
  setThemeColor,
  TagNameTakenError,
  undoMerge,
  undoTagDeletion,
} from '../../../lib/collection/tags';
import type { CommonplaceDB } from '../../../lib/collection/database';
import { UserError } from '../../../lib/errors';
import type { PieceRow, TagRow } from '../../../lib/model/records';
import { readFacetCounts, rebuildSearchIndex, searchPieces } from '../../../lib/search';
import { exportBackupBlob } from '../../../lib/backup/export-stream';
import type { Backup } from '../../../lib/backup/format';
import { importBackup } from '../../../lib/backup/import-file';
import { exportFormat } from '../../../lib/export';
import { dumpTables, freshDatabase, makeExtraction } from '../factories';

const url = (n: number) => `https://left.example/2015/${n}/`;

async function clip(db: CommonplaceDB, n: number, authors: string[], themes: string[] = []) {
  return savePiece(db, makeExtraction({ url: url(n), pageUrl: url(n), title: `Piece ${n}` }), {
    authors,
    themes,
    note: '',
  });
}

async function tagNamed(db: CommonplaceDB, name: string): Promise<TagRow> {
  const tag = (await db.tags.toArray()).find((t) => t.name === name);
  if (!tag) throw new Error(`no tag ${name}`);
  return tag;
}

async function authorsOf(db: CommonplaceDB, piece: PieceRow): Promise<string[]> {
  const row = await db.pieces.get(piece.id);
  const tags = await db.tags.bulkGet(row!.authorIds);
  return tags.map((t) => t?.name ?? '?');
}

/** The facet counts kept by the index, as a rebuild from the rows would make them. */
async function expectCountsAsRebuilt(db: CommonplaceDB) {
  const kept = await readFacetCounts(db);
  await rebuildSearchIndex(db);
  expect(kept).toEqual(await readFacetCounts(db));
}

async function expectRefused(act: () => Promise<unknown>, db: CommonplaceDB, message: RegExp) {
  const before = await dumpTables(db);
  const action = act();
  await expect(action).rejects.toThrow(message);
  await expect(action).rejects.toBeInstanceOf(UserError);
  expect(await dumpTables(db)).toEqual(before);
}

/** Two spellings of one author across three pieces, one piece naming both. */
async function twoSpellings() {
  const db = freshDatabase();
  const a = await clip(db, 1, ['B. Kagarlitsky'], ['Novorossiya']);
  const b = await clip(db, 2, ['Boris Kagarlitsky', 'Ilya Budraitskis']);
  const both = await clip(db, 3, ['Ilya Budraitskis', 'B. Kagarlitsky', 'Boris Kagarlitsky']);
  const passage = await addPassage(db, {
    pieceId: b.id,
    selectors: [{ type: 'TextQuoteSelector', exact: 'influence' }],
    quote: 'influence',
    textFragment: null,
    note: '',
    authors: ['B. Kagarlitsky'],
    themes: [],
  });
  return {
    db,
    a,
    b,
    both,
    passage,
    short: await tagNamed(db, 'B. Kagarlitsky'),
    full: await tagNamed(db, 'Boris Kagarlitsky'),
  };
}

describe('mergeTags', () => {
  test('files every piece and passage under the tag merged into, once, and keeps the old spelling as an alias', async () => {
    const { db, a, b, both, passage, short, full } = await twoSpellings();
    await mergeTags(db, short.id, full.id);

    expect(await db.tags.get(short.id)).toBeUndefined();
    const merged = await db.tags.get(full.id);
    expect(merged).toMatchObject({ aliases: ['B. Kagarlitsky'], aliasKeys: ['b kagarlitsky'] });
    expect(await authorsOf(db, a)).toEqual(['Boris Kagarlitsky']);
    expect(await authorsOf(db, b)).toEqual(['Boris Kagarlitsky', 'Ilya Budraitskis']);
    // Where both stood, the merged tag keeps its own place and the old one goes.
    expect(await authorsOf(db, both)).toEqual(['Ilya Budraitskis', 'Boris Kagarlitsky']);
    expect((await db.passages.get(passage.id))?.authorIds).toEqual([full.id]);
    expect((await readFacetCounts(db)).authors.get(full.id)).toBe(3);
    await expectCountsAsRebuilt(db);
  });

  test('a later clip whose byline is an alias is filed under the merged tag, in another script too', async () => {
    const { db, short, full } = await twoSpellings();
    await mergeTags(db, short.id, full.id);
    await addTagAlias(db, full.id, 'Борис Кагарлицкий');

    const latin = await clip(db, 10, ['B. KAGARLITSKY']);
    const cyrillic = await clip(db, 11, ['Борис  Кагарлицкий']);
    expect(latin.authorIds).toEqual([full.id]);
    expect(cyrillic.authorIds).toEqual([full.id]);
    expect((await db.tags.where('kind').equals('author').toArray()).length).toBe(2);
    // Search knows the tag by its aliases too.
    const hits = await searchPieces(db, 'кагарлицкий');
    expect(hits.map((h) => h.pieceId)).toContain(cyrillic.id);
  });

  test('refuses a merge into itself, into the other kind, or into a tag merged away, changing nothing', async () => {
    const { db, short, full } = await twoSpellings();
    const theme = await tagNamed(db, 'Novorossiya');
    await expectRefused(() => mergeTags(db, full.id, full.id), db, /cannot be merged into itself/);
    await expectRefused(
      () => mergeTags(db, full.id, theme.id),
      db,
      /only two authors or two themes/,
    );

    const ilya = await tagNamed(db, 'Ilya Budraitskis');
    await mergeTags(db, short.id, full.id);
    // No alias chains: a tag merged away is gone, so nothing can be merged into it.
    await expectRefused(() => mergeTags(db, ilya.id, short.id), db, /no longer exists/);
    await expectRefused(() => mergeTags(db, short.id, ilya.id), db, /no longer exists/);
  });

  test('undo restores both tags and every list as it was, keeping edits made since', async () => {
    const { db, a, b, both, passage, short, full } = await twoSpellings();
    const tagsBefore = await db.tags.toArray();
    const countsBefore = await readFacetCounts(db);
    const merge = await mergeTags(db, short.id, full.id);

    // Unrelated edits after the merge: a note and a theme on one piece, a note on the passage.
    await updatePiece(db, a.id, {
      title: a.title,
      publishedTime: null,
      note: 'Answered by Ford.',
      authors: ['Boris Kagarlitsky'],
      themes: ['Novorossiya', 'Left debates'],
    });
    await updatePassage(db, passage.id, {
      authors: ['Boris Kagarlitsky'],
      themes: [],
      note: 'Key line.',
    });
    await undoMerge(db, merge);

    expect(await db.tags.get(short.id)).toEqual(short);
    const restored = await db.tags.get(full.id);
    expect({ ...restored, updatedAt: full.updatedAt }).toEqual(full);
    expect(await authorsOf(db, a)).toEqual(['B. Kagarlitsky']);
    expect(await authorsOf(db, b)).toEqual(['Boris Kagarlitsky', 'Ilya Budraitskis']);
    expect(await authorsOf(db, both)).toEqual([
      'Ilya Budraitskis',
      'B. Kagarlitsky',
      'Boris Kagarlitsky',
    ]);
    const pieceA = await db.pieces.get(a.id);
    expect(pieceA?.note).toBe('Answered by Ford.');
    expect(pieceA?.themeIds.length).toBe(2);
    expect(await db.passages.get(passage.id)).toMatchObject({
      authorIds: [short.id],
      note: 'Key line.',
    });
    expect((await db.tags.toArray()).length).toBe(tagsBefore.length + 1); // + Left debates
    expect((await readFacetCounts(db)).authors).toEqual(countsBefore.authors);
    await expectCountsAsRebuilt(db);
  });

  test('undo is refused, changing nothing, when the old spelling now names another tag', async () => {
    const { db, short, full } = await twoSpellings();
    const merge = await mergeTags(db, short.id, full.id);
    await removeTagAlias(db, full.id, 'B. Kagarlitsky');
    await clip(db, 20, ['B. Kagarlitsky']); // a new tag of the old spelling
    await expectRefused(() => undoMerge(db, merge), db, /Cannot undo/);
  });
});

describe('renameTag', () => {
  test('renames; a case-only change and a swap with its own alias are allowed', async () => {
    const { db, short, full } = await twoSpellings();
    await renameTag(db, full.id, 'boris kagarlitsky');
    expect((await db.tags.get(full.id))?.name).toBe('boris kagarlitsky');
    await mergeTags(db, short.id, full.id);
    const swapped = await renameTag(db, full.id, 'B. Kagarlitsky');
    expect(swapped).toMatchObject({
      name: 'B. Kagarlitsky',
      key: 'b kagarlitsky',
      aliases: ['boris kagarlitsky'],
      aliasKeys: ['boris kagarlitsky'],
    });
    // The cited name follows a rename unless it was set by hand.
    expect(swapped.personName).toEqual({ family: 'Kagarlitsky', given: 'B.' });
    await setPersonName(db, full.id, { family: 'Kagarlitsky', given: 'Boris' });
    const renamed = await renameTag(db, full.id, 'Boris Yulevich Kagarlitsky');
    expect(renamed.personName).toEqual({ family: 'Kagarlitsky', given: 'Boris' });
  });

  test('refuses another tag’s name or alias (naming it, to offer a merge), and an empty name', async () => {
    const { db, short, full } = await twoSpellings();
    const ilya = await tagNamed(db, 'Ilya Budraitskis');
    await expectRefused(
      () => renameTag(db, short.id, ' boris  KAGARLITSKY '),
      db,
      /merge .* into it/,
    );
    await renameTag(db, short.id, 'B. Kagarlitsky').catch(() => undefined);
    await addTagAlias(db, full.id, 'Борис Кагарлицкий');
    const taken = renameTag(db, ilya.id, 'Борис Кагарлицкий');
    await expect(taken).rejects.toBeInstanceOf(TagNameTakenError);
    await expect(taken).rejects.toMatchObject({ other: { id: full.id } });
    await expectRefused(() => renameTag(db, ilya.id, '   '), db, /at least one letter/);
    await expectRefused(() => renameTag(db, ilya.id, '—'), db, /at least one letter/);
  });
});

describe('theme colours', () => {
  test('a colour is set; a bad colour or a tag gone is refused, with nothing changed', async () => {
    const db = freshDatabase();
    await clip(db, 1, [], ['Novorossiya']);
    const theme = (await db.tags.toArray()).find((t) => t.kind === 'theme')!;
    await setThemeColor(db, theme.id, '#A0B1C2');
    expect((await db.tags.get(theme.id))?.color).toBe('#a0b1c2');
    await expectRefused(() => setThemeColor(db, theme.id, 'red'), db, /Not a colour: “red”/);
    await expectRefused(() => setThemeColor(db, 'gone', '#000000'), db, /no longer exists/);
  });
});

describe('aliases', () => {
  test('an alias already another tag’s name or alias, or its own, is refused', async () => {
    const { db, short, full } = await twoSpellings();
    await expectRefused(() => addTagAlias(db, full.id, 'b kagarlitsky'), db, /already the author/);
    await addTagAlias(db, full.id, 'Kagarlitsky B.');
    await expectRefused(
      () => addTagAlias(db, short.id, 'Kagarlitsky, B.'),
      db,
      /already a spelling of/,
    );
    await expectRefused(
      () => addTagAlias(db, full.id, 'BORIS KAGARLITSKY'),
      db,
      /already a spelling/,
    );
    await expectRefused(() => addTagAlias(db, full.id, ''), db, /at least one letter/);
  });

  test('a removed alias no longer files clips', async () => {
    const { db, full } = await twoSpellings();
    await addTagAlias(db, full.id, 'Kagarlitsky');
    expect((await clip(db, 30, ['Kagarlitsky'])).authorIds).toEqual([full.id]);
    await removeTagAlias(db, full.id, 'kagarlitsky');
    expect((await clip(db, 31, ['Kagarlitsky'])).authorIds).not.toEqual([full.id]);
  });

  test('a cited name needs a family name, and only an author has one', async () => {
    const { db, full } = await twoSpellings();
    const theme = await tagNamed(db, 'Novorossiya');
    await expectRefused(
      () => setPersonName(db, full.id, { family: ' ', given: 'B' }),
      db,
      /family/,
    );
    await expectRefused(() => setPersonName(db, theme.id, { literal: 'X' }), db, /Only an author/);
    await setPersonName(db, full.id, { literal: ' Boris  Kagarlitsky ' });
    expect((await db.tags.get(full.id))?.personName).toEqual({ literal: 'Boris Kagarlitsky' });
  });
});

describe('deleteTag', () => {
  test('takes the tag off everything; its aliases no longer file clips; undo puts it back in place', async () => {
    const { db, both, passage, short, full } = await twoSpellings();
    await addTagAlias(db, full.id, 'Kagarlitsky');
    const removal = await deleteTag(db, full.id);
    expect(await authorsOf(db, both)).toEqual(['Ilya Budraitskis', 'B. Kagarlitsky']);
    expect((await readFacetCounts(db)).authors.has(full.id)).toBe(false);
    await expectCountsAsRebuilt(db);

    await undoTagDeletion(db, removal);
    expect(await db.tags.get(full.id)).toMatchObject({ name: 'Boris Kagarlitsky' });
    expect(await authorsOf(db, both)).toEqual([
      'Ilya Budraitskis',
      'B. Kagarlitsky',
      'Boris Kagarlitsky',
    ]);
    expect((await db.passages.get(passage.id))?.authorIds).toEqual([short.id]);
    await expectCountsAsRebuilt(db);

    await deleteTag(db, full.id);
    const later = await clip(db, 40, ['Kagarlitsky']);
    expect(later.authorIds).not.toContain(full.id);
    expect((await db.tags.get(later.authorIds[0]!))?.name).toBe('Kagarlitsky');
  });

  test('undo is refused, changing nothing, once a clip made a tag of the same name', async () => {
    const { db, full } = await twoSpellings();
    const removal = await deleteTag(db, full.id);
    await clip(db, 41, ['Boris Kagarlitsky']);
    await expectRefused(() => undoTagDeletion(db, removal), db, /Cannot undo/);
  });
});

describe('bulk tagging', () => {
  test('adds a theme to many pieces once each, creating it, and takes it off again', async () => {
    const db = freshDatabase();
    const pieces: PieceRow[] = [];
    for (let i = 0; i < 30; i++)
      pieces.push(await clip(db, 100 + i, ['A. Author'], i < 5 ? ['Left'] : []));
    const ids = pieces.map((p) => p.id);

    const added = await addTagToPieces(db, [...ids, 'gone'], 'theme', ' left ');
    expect(added.changed).toBe(25);
    expect(added.tag.name).toBe('Left');
    const added2 = await addTagToPieces(db, ids, 'theme', 'Russian imperialism');
    expect(added2.changed).toBe(30);
    expect((await readFacetCounts(db)).themes.get(added2.tag.id)).toBe(30);
    const theme = await db.tags.get(added2.tag.id);
    expect(theme?.kind).toBe('theme');
    expect((await db.pieces.get(ids[0]!))?.themeIds).toEqual([added.tag.id, added2.tag.id]);
    await expectCountsAsRebuilt(db);

    expect(await removeTagFromPieces(db, ids.slice(0, 10), added.tag.id)).toBe(10);
    expect((await readFacetCounts(db)).themes.get(added.tag.id)).toBe(20);
    await expectCountsAsRebuilt(db);
  });

  test('refuses an empty name or a tag that is gone, changing nothing', async () => {
    const db = freshDatabase();
    const piece = await clip(db, 200, ['A. Author']);
    await expectRefused(
      () => addTagToPieces(db, [piece.id], 'theme', ' '),
      db,
      /at least one letter/,
    );
    await expectRefused(() => removeTagFromPieces(db, [piece.id], 'nope'), db, /no longer exists/);
  });
});

describe('after a merge, backups, exports and search', () => {
  test('a backup keeps the merged tag with its aliases; restored elsewhere, the alias still files clips', async () => {
    const { db, a, short, full } = await twoSpellings();
    await mergeTags(db, short.id, full.id);
    const text = await (await exportBackupBlob(db)).text();
    const backup = JSON.parse(text) as Backup;
    expect(backup.tags.find((t) => t.id === full.id)).toMatchObject({
      name: 'Boris Kagarlitsky',
      aliases: ['B. Kagarlitsky'],
    });
    expect(backup.tags.some((t) => t.id === short.id)).toBe(false);

    const other = freshDatabase();
    await importBackup(other, text);
    const later = await clip(other, 9, ['b. kagarlitsky']);
    expect(await authorsOf(other, later)).toEqual(['Boris Kagarlitsky']);
    expect(await authorsOf(other, a)).toEqual(['Boris Kagarlitsky']);
  });

  test('exports and search name the merged tag', async () => {
    const { db, a, short, full } = await twoSpellings();
    await mergeTags(db, short.id, full.id);
    const backup = JSON.parse(await (await exportBackupBlob(db)).text()) as Backup;
    const csl = JSON.parse((await exportFormat(backup, 'csl')).data as string) as {
      author?: { family?: string; given?: string }[];
    }[];
    const names = csl.flatMap((item) => item.author ?? []).map((n) => `${n.given} ${n.family}`);
    expect(names).toContain('Boris Kagarlitsky');
    expect(names).not.toContain('B. Kagarlitsky');
    const csv = (await exportFormat(backup, 'csv')).data as string;
    expect(csv).not.toContain('B. Kagarlitsky');
    const hits = await searchPieces(db, 'boris kagarlitsky');
    expect(hits.map((h) => h.pieceId)).toContain(a.id);
  });
});
