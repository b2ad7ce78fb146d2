/** Backup end to end: export from one profile, import into a fresh one, import again. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  clipAndSave,
  dumpDatabase,
  launchExtension,
  serveFixtures,
  type FixtureServer,
  type ExtensionSession,
} from './harness';

let server: FixtureServer;
const folder = mkdtempSync(path.join(tmpdir(), 'commonplace-backup-'));
beforeAll(async () => {
  server = await serveFixtures();
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function openSettings(session: ExtensionSession): Promise<Page> {
  const library = await session.context.newPage();
  await library.goto(session.extensionUrl('library.html'));
  await library.getByText('Backup and settings').click();
  return library;
}

/** Imports `file` and waits for the result line that says `expected`. */
async function importFile(library: Page, file: string, expected: RegExp): Promise<void> {
  await library.getByLabel('Import', { exact: true }).setInputFiles(file);
  await library.getByRole('status').filter({ hasText: expected }).waitFor();
}

test('two pieces exported, imported into a fresh profile, imported again: the same collection', async () => {
  const first = await launchExtension();
  let before;
  const file = path.join(folder, 'backup.json');
  try {
    await clipAndSave(first, server.url('/seed-site/article.html'));
    await clipAndSave(first, server.url('/extract/byline-es.html'));
    before = await dumpDatabase(first);
    expect(before.pieces).toHaveLength(2);
    const library = await openSettings(first);
    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^commonplace-backup-\d{4}-\d{2}-\d{2}\.json$/);
    copyFileSync((await download.path())!, file);
  } finally {
    await first.close();
  }

  const second = await launchExtension();
  try {
    expect((await dumpDatabase(second)).pieces ?? []).toHaveLength(0);
    const library = await openSettings(second);
    await importFile(library, file, /pieces: 2 added/i);
    const after = await dumpDatabase(second);
    expect(after).toEqual(before);
    await expect
      .poll(() => library.getByRole('listbox', { name: 'Pieces' }).locator('.card-title').count())
      .toBe(2);

    await importFile(library, file, /Nothing new/);
    expect(await dumpDatabase(second)).toEqual(before);
  } finally {
    await second.close();
  }
});

test('a damaged file is refused with the place of the problem, and nothing changes', async () => {
  const session = await launchExtension();
  const file = path.join(folder, 'damaged.json');
  writeFileSync(file, '{"format":"commonplace-backup","version":1,"pieces":[{"id":');
  try {
    await clipAndSave(session, server.url('/seed-site/article.html'));
    const before = await dumpDatabase(session);
    const library = await openSettings(session);
    await library.getByLabel('Import', { exact: true }).setInputFiles(file);
    const alert = library.getByRole('alert');
    await expect(alert.innerText()).resolves.toMatch(
      /Not imported.*Nothing in your collection was changed/s,
    );
    await expect(alert.innerText()).resolves.toMatch(/\$: not valid JSON: the file ends too early/);
    expect(await dumpDatabase(session)).toEqual(before);
  } finally {
    await session.close();
  }
});
