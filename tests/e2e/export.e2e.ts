/** Exports from the library for a filtered view: the files hold exactly what the view shows. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { clipAndSave, FIXTURES, withExtension } from './harness';
import { annotate } from './passage-helpers';

const ctx = withExtension();
let library: Page;

const SEED = 'Reading list: the left, Ukraine and Russian imperialism';
const SANCTIONS = 'Sanctions, oligarchs and the limits of “multipolarity”';
const QUOTE = 'Boris Kagarlitsky';

beforeAll(async () => {
  await clipAndSave(ctx.session, ctx.server.url('/extract/jsonld-authors.html'));
  await clipAndSave(ctx.session, ctx.server.url('/extract/multi-author.html'));
  const page = await ctx.session.context.newPage();
  await page.goto(ctx.server.url('/seed-site/article.html'));
  const editor = await annotate(ctx.session, page, 'article', QUOTE, {
    note: 'the "red Putinist", per the critique',
    theme: 'Russian left',
  });
  await editor.getByRole('button', { name: 'Save' }).click();
  await page.locator('commonplace-editor').waitFor({ state: 'detached' });
  await page.close();

  library = await ctx.session.context.newPage();
  await library.goto(ctx.session.extensionUrl('library.html'));
  await library
    .getByRole('region', { name: 'Themes' })
    .getByRole('checkbox', { name: /Russian imperialism/ })
    .check();
  await library.locator('.result-count', { hasText: '2 of 3 pieces' }).waitFor();
  await library.locator('summary', { hasText: 'Export' }).click();
});

async function exportAs(format: string): Promise<Buffer> {
  const panel = library.getByRole('form', { name: 'Export' });
  await panel.getByLabel('What').selectOption('view');
  await panel.getByLabel('Format').selectOption(format);
  const [download] = await Promise.all([
    library.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export' }).click(),
  ]);
  return readFileSync((await download.path())!);
}

test('Markdown: one note per filtered piece, with its passages and front matter', async () => {
  const files = unzipSync(new Uint8Array(await exportAs('md')));
  const notes = Object.entries(files)
    .filter(([name]) => name.endsWith('.md'))
    .map(([name, bytes]) => ({ name, text: strFromU8(bytes) }))
    .filter((note) => /^---\n[\s\S]*?\nurl: /m.test(note.text));
  expect(
    notes.map((n) => n.text.match(/^title: (.*)$/m)?.[1]?.replace(/^['"]|['"]$/g, '')).sort(),
  ).toEqual([SEED, SANCTIONS].sort());
  const seed = notes.find((n) => n.text.includes('Reading list'))!;
  expect(seed.text).toContain(`> ${QUOTE}`);
  expect(seed.text).toContain('the "red Putinist", per the critique');
  expect(seed.text).toMatch(/#:~:text=/);
  expect(notes.some((n) => n.text.includes('Against campism'))).toBe(false);
});

test('CSV: a row per passage, and the filtered pieces without passages, nothing else', async () => {
  const rows = parseCsv(await exportAs('csv'), { bom: true, columns: true }) as Record<
    string,
    string
  >[];
  const titles = [...new Set(rows.map((r) => Object.values(r)[0]))].sort();
  expect(titles).toEqual([SEED, SANCTIONS].sort());
  const quotes = rows.map((r) => r.quote ?? r.Quote ?? '').filter(Boolean);
  expect(quotes).toEqual([QUOTE]);
});

test('annotations from Hypothesis import as passages', async () => {
  await library.getByText('Backup and settings').click();
  await library
    .getByRole('region', { name: 'Import annotations' })
    .getByLabel('Import annotations')
    .setInputFiles(path.join(FIXTURES, 'export/hypothesis-export.json'));
  await expect(
    library.getByRole('region', { name: 'Import annotations' }).getByRole('status').innerText(),
  ).resolves.toMatch(/Imported \d+ passages?/);
});
