import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupJsonSchemaText, SCHEMA_PATH } from '../../../lib/backup/json-schema';
import { validateBackup } from '../../../lib/backup/validate';
import { importBackup } from '../../../lib/backup/import-file';
import { dump, mergeBackups, newDb, tablesOf } from './helpers';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('docs/examples/backup.json', () => {
  const text = read('docs/examples/backup.json');

  it('is a valid backup with several pieces, authors, themes, notes, aliases and passages', () => {
    const result = validateBackup(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    const { backup } = result;
    expect(backup.pieces.length).toBeGreaterThanOrEqual(5);
    expect(backup.tags.filter((t) => t.kind === 'author').length).toBeGreaterThanOrEqual(4);
    expect(backup.tags.filter((t) => t.kind === 'theme').length).toBeGreaterThanOrEqual(4);
    expect(backup.tags.some((t) => t.aliases.length > 0)).toBe(true);
    expect(backup.pieces.filter((p) => p.note !== '').length).toBeGreaterThanOrEqual(3);
    expect(backup.pieces.some((p) => p.authorIds.length > 1)).toBe(true);
    expect(backup.passages.length).toBeGreaterThanOrEqual(3);
    expect(backup.contents.length).toBeGreaterThanOrEqual(4);
  });

  it('is in canonical order: merging it with itself gives it back', () => {
    const result = validateBackup(text);
    if (!result.ok) throw new Error('invalid');
    expect(mergeBackups(result.backup, result.backup)).toEqual(result.backup);
  });

  it('imports into an empty database as it is', async () => {
    const db = newDb();
    await importBackup(db, new Blob([text]));
    const result = validateBackup(text);
    if (!result.ok) throw new Error('invalid');
    expect(await dump(db)).toEqual(tablesOf(result.backup));
  });
});

describe('JSON Schema', () => {
  it(`${SCHEMA_PATH} is the one generated from the valibot schema (npx tsx lib/backup/json-schema.ts)`, async () => {
    expect(read(SCHEMA_PATH)).toBe(await backupJsonSchemaText());
  });
});
