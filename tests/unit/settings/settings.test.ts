/**
 * Typed settings: values read through their schema, each setting's scope, and device settings
 * kept out of backups (and out of old backups that still hold one).
 */
import { describe, expect, test } from 'vitest';
import { importBackup } from '../../../lib/backup/import-file';
import { collectBackup } from '../../../lib/backup/references';
import { readSetting, writeSetting } from '../../../lib/collection/settings';
import { AUTO_HIGHLIGHTS, IMAGES_SHOWN, scopeOfKey } from '../../../lib/settings/catalogue';
import { emptyBackup, exportText, makePiece, newDb, stamp } from '../backup/helpers';

describe('typed settings', () => {
  test('an unset setting reads as its fallback; a written one as written', async () => {
    const db = newDb();
    expect(await readSetting(db, AUTO_HIGHLIGHTS)).toEqual({ enabled: false, origins: [] });
    expect(await readSetting(db, IMAGES_SHOWN.of('p1'))).toBe(false);
    await writeSetting(db, AUTO_HIGHLIGHTS, { enabled: true, origins: ['https://a.example/*'] });
    await writeSetting(db, IMAGES_SHOWN.of('p1'), true);
    expect(await readSetting(db, AUTO_HIGHLIGHTS)).toEqual({
      enabled: true,
      origins: ['https://a.example/*'],
    });
    expect(await readSetting(db, IMAGES_SHOWN.of('p1'))).toBe(true);
    expect(await readSetting(db, IMAGES_SHOWN.of('p2'))).toBe(false);
  });

  test('rows saved before the typed module read as they were', async () => {
    const db = newDb();
    // What the library wrote before: untyped rows with these keys.
    await db.settings.bulkPut([
      {
        key: 'autoHighlights',
        value: { enabled: true, origins: ['https://b.example/*'] },
        updatedAt: stamp(1),
      },
      { key: 'images:old-piece', value: true, updatedAt: stamp(2) },
    ]);
    expect(await readSetting(db, AUTO_HIGHLIGHTS)).toEqual({
      enabled: true,
      origins: ['https://b.example/*'],
    });
    expect(await readSetting(db, IMAGES_SHOWN.of('old-piece'))).toBe(true);
  });

  test('a stored value that does not fit the schema reads as the fallback', async () => {
    const db = newDb();
    await db.settings.bulkPut([
      {
        key: 'autoHighlights',
        value: { enabled: 'yes', origins: '<b>x</b>' },
        updatedAt: stamp(1),
      },
      { key: 'images:p1', value: 'true', updatedAt: stamp(1) },
    ]);
    expect(await readSetting(db, AUTO_HIGHLIGHTS)).toEqual({ enabled: false, origins: [] });
    expect(await readSetting(db, IMAGES_SHOWN.of('p1'))).toBe(false);
  });

  test('each setting has a scope; keys of a newer version belong to the collection', () => {
    expect(scopeOfKey('autoHighlights')).toBe('device');
    expect(scopeOfKey('images:p1')).toBe('collection');
    expect(scopeOfKey('imagesp1')).toBe('collection');
    expect(scopeOfKey('someFutureSetting')).toBe('collection');
  });
});

describe('settings in backups', () => {
  async function withBothScopes() {
    const db = newDb();
    await writeSetting(db, AUTO_HIGHLIGHTS, { enabled: true, origins: ['https://a.example/*'] });
    await writeSetting(db, IMAGES_SHOWN.of('p1'), true);
    return db;
  }

  test('an export carries collection settings, never device settings', async () => {
    const db = await withBothScopes();
    const streamed = JSON.parse(await exportText(db)) as { settings: { key: string }[] };
    expect(streamed.settings.map((s) => s.key)).toEqual(['images:p1']);
    const collected = await collectBackup(db, null);
    expect(collected.settings.map((s) => s.key)).toEqual(['images:p1']);
  });

  test('a backup made before scopes still imports; its device setting is not taken', async () => {
    const db = newDb();
    await writeSetting(db, AUTO_HIGHLIGHTS, { enabled: false, origins: [] });
    const old = emptyBackup();
    old.pieces.push(makePiece('p1', 'https://c.example/one', 1));
    old.settings.push(
      {
        key: 'autoHighlights',
        value: { enabled: true, origins: ['https://c.example/*'] },
        updatedAt: stamp(9),
      },
      { key: 'images:p1', value: true, updatedAt: stamp(9) },
    );
    const summary = await importBackup(db, JSON.stringify(old));
    expect(summary.pieces.added).toBe(1);
    expect(await readSetting(db, IMAGES_SHOWN.of('p1'))).toBe(true);
    // This browser granted nothing for c.example: its own setting stands.
    expect(await readSetting(db, AUTO_HIGHLIGHTS)).toEqual({ enabled: false, origins: [] });
  });
});
