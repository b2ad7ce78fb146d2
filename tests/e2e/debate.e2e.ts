/**
 * The debate view end to end: the authors × themes table of the example backup, its counts after
 * two spellings of an author are merged, narrowed to a site or a range of dates, a cell listing
 * exactly its pieces; and two clipped pages, one linking to the other, shown as "Links to" and
 * "Linked from" in the reader.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeCheck, clipAndSave, libraryWithExampleBackup, withExtension } from './harness';

const ctx = withExtension();
let library: Page;

const REPLY = '/debate/reply.html';
const ANSWERED = '/debate/answered.html';
const REPLY_TITLE = 'Yes, it is imperialism: a reply to our campist critics';
const ANSWERED_TITLE = 'A note on campism and its discontents';

const panel = (name: string) => library.getByRole('button', { name, exact: true });
const table = () => library.getByRole('table', { name: 'Authors by theme' });
const authorRow = (name: string): Locator =>
  table()
    .getByRole('row')
    .filter({ has: library.getByRole('rowheader', { name, exact: true }) });
/** Pieces by an author in the table (its "All themes" cell), or null without a row. */
const piecesBy = async (name: string) => {
  const rows = authorRow(name);
  if ((await rows.count()) === 0) return null;
  const total = await rows.getByRole('cell').first().textContent();
  return Number(total?.split(' ')[0]);
};
const cell = (author: string, theme: string) =>
  authorRow(author).getByRole('link', {
    name: new RegExp(`^\\d+ · \\d+ \\(pieces · passages\\) by ${author} on ${theme}$`),
  });

beforeAll(async () => {
  library = await libraryWithExampleBackup(ctx.session);
  await clipAndSave(ctx.session, ctx.server.url(REPLY));
});

describe('debate', () => {
  test('the table counts each author on each theme; a merge of two spellings adds them up', async () => {
    await panel('Debate').click();
    await table().waitFor();
    await expect.poll(() => piecesBy('Boris Kagarlitsky')).toBe(2);
    await expect.poll(() => piecesBy('Boris Y. Kagarlitsky')).toBe(1);
    // Found by its name ("2 · 1 (pieces · passages) by … on Memory"), it shows "2 · 1".
    await expect.poll(() => cell('Boris Kagarlitsky', 'Memory').textContent()).toMatch(/^2 · \d+$/);
    const { passes, violations } = await axeCheck(library);
    expect(passes, 'axe ran its rules').toBeGreaterThan(10);
    expect(violations).toEqual([]);

    await panel('Tags').click();
    const authors = library.getByRole('region', { name: 'All authors' });
    await authors.getByRole('button', { name: 'Edit Boris Y. Kagarlitsky' }).click();
    await library.getByLabel('Merge into').fill('Boris Kagarlitsky');
    await library.getByRole('button', { name: 'Merge', exact: true }).click();
    await library
      .getByRole('status')
      .filter({ hasText: 'Merged “Boris Y. Kagarlitsky”' })
      .waitFor();

    await panel('Debate').click();
    await expect.poll(() => piecesBy('Boris Kagarlitsky')).toBe(3);
    await expect.poll(() => piecesBy('Boris Y. Kagarlitsky')).toBeNull();
  });

  test('narrowed to a site or to published dates', async () => {
    const filters = library.getByRole('group', { name: 'Only' });
    await filters.getByLabel('Published from').fill('2015-01-01');
    await filters.getByLabel('to', { exact: true }).fill('2015-12-31');
    await expect.poll(() => piecesBy('Boris Kagarlitsky')).toBe(1);
    await expect.poll(() => piecesBy('Ursula K. Le Guin')).toBeNull();
    await filters.getByLabel('Published from').fill('');
    await filters.getByLabel('to', { exact: true }).fill('');
    await filters.getByLabel('Site').selectOption('Example Review');
    await expect.poll(() => piecesBy('Boris Kagarlitsky')).toBe(2);
    await expect.poll(() => piecesBy('The Editors')).toBe(1);
    await expect.poll(() => piecesBy('Naguib Mahfouz')).toBeNull();
    await filters.getByLabel('Site').selectOption('');
    await expect.poll(() => piecesBy('Naguib Mahfouz')).toBe(1);
  });

  test('a cell lists exactly its pieces in the library', async () => {
    await cell('Boris Kagarlitsky', 'Memory').click();
    const options = library.getByRole('listbox', { name: 'Pieces' }).getByRole('option');
    await expect.poll(() => options.count()).toBe(2);
    expect(await options.allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Boris Kagarlitsky')]),
    );
  });

  test('the timeline lanes the authors with most pieces, by date', async () => {
    await panel('Debate').click(); // from the list
    const lane = library.getByRole('list', { name: 'Boris Kagarlitsky', exact: true });
    await expect.poll(() => lane.getByRole('link').count()).toBe(3);
    // Oldest first: the 2015 reply before the 2023 and 2024 pieces; each named with its date.
    const first = await lane.getByRole('link').first().textContent();
    expect(first).toContain(REPLY_TITLE);
    expect(first).toContain('2015');
  });

  test('two pages, one linking to the other: "Links to" on one, "Linked from" on the other', async () => {
    await clipAndSave(ctx.session, ctx.server.url(ANSWERED));
    await library.goto(ctx.session.extensionUrl('library.html')); // every piece
    const list = library.getByRole('listbox', { name: 'Pieces' });
    await list.getByText(REPLY_TITLE).click();
    const linksTo = library.getByRole('region', { name: 'Links to' });
    await expect.poll(() => linksTo.getByRole('link').allInnerTexts()).toEqual([ANSWERED_TITLE]);
    await linksTo.getByRole('link', { name: ANSWERED_TITLE }).click();
    await library.getByRole('heading', { level: 1, name: ANSWERED_TITLE }).waitFor();
    const linkedFrom = library.getByRole('region', { name: 'Linked from' });
    await expect.poll(() => linkedFrom.getByRole('link').allInnerTexts()).toEqual([REPLY_TITLE]);
    expect(await library.getByRole('region', { name: 'Links to' }).count()).toBe(0);
    expect((await axeCheck(library)).violations).toEqual([]);
  });
});
