/**
 * Organising tags end to end: the example backup imported, two spellings of an author merged (a
 * later clip of the old spelling filed under the merged one), the merge undone, a rename onto
 * another tag's name offered as a merge, and a theme added to pieces chosen in the list.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  axeCheck,
  clipAndSave,
  libraryWithExampleBackup,
  openPopupFor,
  withExtension,
} from './harness';

const ctx = withExtension();
let library: Page;

const REPLY = '/debate/reply.html';
const ANSWERED = '/debate/answered.html';

const tagsButton = () => library.getByRole('button', { name: 'Tags', exact: true });
const authors = () => library.getByRole('region', { name: 'All authors' });
const authorRow = (name: string): Locator =>
  authors()
    .getByRole('row')
    .filter({ has: library.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
/** The count of pieces a row shows, read from its button ("3 pieces of …"). */
const piecesOf = async (name: string) => {
  const rows = authorRow(name);
  if ((await rows.count()) === 0) return null;
  const label = await rows.getByRole('button', { name: / of / }).getAttribute('aria-label');
  return Number(label?.split(' ')[0]);
};

beforeAll(async () => {
  library = await libraryWithExampleBackup(ctx.session);
  await clipAndSave(ctx.session, ctx.server.url(REPLY));
});

describe('tags', () => {
  test('every author with its counts; merging two spellings files all under one, later clips too', async () => {
    await tagsButton().click();
    await expect.poll(() => piecesOf('Boris Kagarlitsky')).toBe(2);
    await expect.poll(() => piecesOf('Boris Y. Kagarlitsky')).toBe(1);

    await authorRow('Boris Y. Kagarlitsky')
      .getByRole('button', { name: 'Edit Boris Y. Kagarlitsky' })
      .click();
    await library.getByLabel('Merge into').fill('Boris Kagarlitsky');
    await library.getByRole('button', { name: 'Merge', exact: true }).click();
    await library
      .getByRole('status')
      .filter({ hasText: 'Merged “Boris Y. Kagarlitsky” into “Boris Kagarlitsky”.' })
      .waitFor();
    await expect.poll(() => piecesOf('Boris Kagarlitsky')).toBe(3);
    await expect.poll(() => piecesOf('Boris Y. Kagarlitsky')).toBeNull();
    // The old spelling is kept as another spelling of the merged author.
    await expect
      .poll(() => authorRow('Boris Kagarlitsky').getByRole('rowheader').innerText())
      .toContain('Boris Y. Kagarlitsky');

    // A later clip whose byline is the old spelling: shown and filed as the merged author.
    const { page, popup } = await openPopupFor(ctx.session, ctx.server.url(ANSWERED));
    const chosen = popup.getByRole('list', { name: 'Authors chosen' });
    await expect.poll(() => chosen.innerText()).toContain('Boris Kagarlitsky');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await popup.close();
    await page.close();
    await expect.poll(() => piecesOf('Boris Kagarlitsky')).toBe(4);
  });

  test('undo of the merge gives the old spelling back its piece; the later clip stays', async () => {
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => piecesOf('Boris Y. Kagarlitsky')).toBe(1);
    await expect.poll(() => piecesOf('Boris Kagarlitsky')).toBe(3);
  });

  test('renaming onto another author’s name changes nothing and offers the merge', async () => {
    await authorRow('The Editors').getByRole('button', { name: 'Edit The Editors' }).click();
    const editor = library.getByRole('group', { name: 'Edit The Editors' });
    await editor.getByLabel('Name', { exact: true }).fill('boris kagarlitsky');
    await editor.getByRole('button', { name: 'Rename' }).click();
    const offer = library.getByRole('alert').filter({ hasText: 'is already the author' });
    await offer.getByRole('button', { name: 'Merge into “Boris Kagarlitsky”' }).waitFor();
    await expect.poll(() => piecesOf('The Editors')).toBe(1);
    await expect.poll(() => piecesOf('Boris Kagarlitsky')).toBe(3);
    // The page, an editor open, is usable with assistive technology.
    const { passes, violations } = await axeCheck(library);
    expect(passes, 'axe ran its rules').toBeGreaterThan(10);
    expect(violations).toEqual([]);
  });

  test('a theme added to pieces chosen with the mouse and the keyboard', async () => {
    await tagsButton().click();
    const list = library.getByRole('listbox', { name: 'Pieces' });
    const options = list.getByRole('option');
    await expect.poll(() => options.count()).toBe(8);
    await options.nth(0).click({ modifiers: ['Control'] });
    await options.nth(2).click({ modifiers: ['Shift'] });
    const bar = library.getByRole('region', { name: 'Chosen pieces' });
    await expect.poll(() => bar.innerText()).toContain('3 of 8 chosen');
    await expect.poll(() => list.locator('[aria-selected="true"]').count()).toBe(3);
    expect((await axeCheck(library)).violations).toEqual([]);

    await bar.getByLabel('Tag to add').fill('Debate 2015');
    await bar.getByRole('button', { name: 'Add to chosen' }).click();
    await bar.getByRole('status').filter({ hasText: 'Added “Debate 2015” to 3 pieces.' }).waitFor();
    const themes = library.getByRole('region', { name: 'Themes' });
    await expect.poll(() => themes.getByRole('checkbox', { name: /Debate 2015/ }).count()).toBe(1);

    // Ctrl+A in the search box selects its text, not the pieces; in the list, every piece.
    await library.getByRole('searchbox', { name: 'Search' }).focus();
    await library.keyboard.press('Control+A');
    await expect.poll(() => bar.innerText()).toContain('3 of 8 chosen');
    await list.focus();
    await library.keyboard.press('Control+A');
    await expect.poll(() => bar.innerText()).toContain('8 of 8 chosen');
    await library.keyboard.press('Escape');
    await expect.poll(() => bar.count()).toBe(0);
    // Shift+arrows extend the choice from the active row.
    await library.keyboard.press('Home');
    await library.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => bar.innerText()).toContain('2 of 8 chosen');
  });
});
