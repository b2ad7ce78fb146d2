import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../lib/backup/import-file';
import { InvalidBackupError } from '../../../lib/backup/issues';
import { BACKUP_VERSION } from '../../../lib/backup/format';
import { upgradeBackup } from '../../../lib/backup/upgrade';
import { validateBackup } from '../../../lib/backup/validate';
import { dump, fill, makeCollection, mergeBackups, newDb } from './helpers';

const v0Text = readFileSync(
  new URL('../../fixtures/backup/version-0.json', import.meta.url),
  'utf8',
);

describe('format 0 (pre-release)', () => {
  it('is upgraded: tags from names, stored copies split out, settings as rows', () => {
    const result = validateBackup(v0Text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.upgradedFrom).toBe(0);
    const { backup } = result;
    expect(backup.version).toBe(BACKUP_VERSION);
    const names = backup.tags.map((t) => [t.kind, t.name]).sort();
    expect(names).toEqual([
      ['author', 'Boris Kagarlitsky'],
      ['author', 'The Editors'],
      ['theme', 'Labour history'],
      ['theme', 'Solidarity'],
    ]);
    const byName = new Map(backup.tags.map((t) => [t.name, t]));
    expect(byName.get('Boris Kagarlitsky')).toMatchObject({
      key: 'boris kagarlitsky',
      personName: { family: 'Kagarlitsky', given: 'Boris' },
      // The earliest save that used the name.
      createdAt: '2024-09-15T12:00:00.000Z',
    });
    expect(byName.get('The Editors')!.personName).toEqual({ literal: 'The Editors' });
    expect(byName.get('Solidarity')!.personName).toBeNull();

    const [first, second] = backup.pieces;
    expect(first).toMatchObject({
      url: 'https://example.org/essays/solidarity',
      pageUrl: 'https://example.org/essays/solidarity',
      pageKind: 'article',
      authorIds: [byName.get('Boris Kagarlitsky')!.id],
      themeIds: [byName.get('Solidarity')!.id, byName.get('Labour history')!.id],
      wordCount: 7,
      capturedAt: '2024-10-01T08:00:00.000Z',
      createdAt: '2024-10-01T08:00:00.000Z',
      updatedAt: '2024-10-02T08:00:00.000Z',
      modifiedTime: null,
      lang: null,
    });
    expect(second).toMatchObject({
      pageKind: 'bookmark',
      authorIds: [byName.get('The Editors')!.id, byName.get('Boris Kagarlitsky')!.id],
      themeIds: [byName.get('Labour history')!.id],
    });
    expect(backup.contents).toEqual([
      {
        pieceId: first!.id,
        contentHtml: '<p>What holds people together when institutions fail?</p>',
        textContent: 'What holds people together when institutions fail?',
        updatedAt: '2024-10-01T08:00:00.000Z',
      },
    ]);
    expect(backup.passages).toEqual([]);
    expect(backup.settings).toEqual([
      { key: 'highlightPalette', value: ['#ffe08a'], updatedAt: '2024-11-02T18:00:00.000Z' },
      { key: 'theme', value: 'dark', updatedAt: '2024-11-02T18:00:00.000Z' },
    ]);
  });

  it('upgrades the same file to the same backup every time', () => {
    const a = validateBackup(v0Text);
    const b = validateBackup(JSON.parse(v0Text));
    expect(a).toEqual(b);
    if (a.ok) expect(mergeBackups(a.backup, a.backup)).toEqual(a.backup);
  });

  it('imports, and importing it again changes nothing', async () => {
    const db = newDb();
    await fill(db, makeCollection(51, 4));
    const tagsBefore = await db.tags.count();
    const first = await importBackup(db, new Blob([v0Text]));
    expect(first.upgradedFrom).toBe(0);
    expect(first.pieces.added).toBe(2);
    // All four names were already tags there, under other ids: matched by key, not doubled.
    expect(first.tags).toMatchObject({ added: 0 });
    expect(await db.tags.count()).toBe(tagsBefore);
    const after = await dump(db);
    const second = await importBackup(db, v0Text);
    expect(await dump(db)).toEqual(after);
    expect(second.pieces).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(second.tags).toEqual({ added: 0, updated: 0, unchanged: 4 });
  });

  it('refuses a broken format 0 file with paths in that file', () => {
    const doc = JSON.parse(v0Text);
    doc.pieces[1].authors = 'Boris';
    doc.settings = [];
    const result = validateBackup(doc);
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'pieces[1].authors', message: 'expected an array, found "Boris"' },
        { path: '$.settings', message: 'expected an object of settings, found an array' },
      ],
    });
  });

  it('knows no other old format', () => {
    expect(upgradeBackup({}, 5)).toEqual({
      ok: false,
      errors: [{ path: '$.version', message: 'unknown format version 5' }],
    });
  });
});

describe('newer formats', () => {
  it('are refused with a message to update, and nothing is written', async () => {
    const db = newDb();
    await fill(db, makeCollection(52, 2));
    const before = await dump(db);
    const future = { ...makeCollection(53, 2, 'f'), version: BACKUP_VERSION + 1, collections: [] };
    const error = await importBackup(db, JSON.stringify(future)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidBackupError);
    expect((error as InvalidBackupError).errors).toEqual([
      {
        path: '$.version',
        message: `made by a newer version of Commonplace (format ${BACKUP_VERSION + 1}); update the extension`,
      },
    ]);
    expect(await dump(db)).toEqual(before);
  });
});
