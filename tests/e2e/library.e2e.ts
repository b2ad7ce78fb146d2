/** The library end to end: clip three pages, then search, filter, group, read, delete and undo. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeCheck, clipAndSave, withExtension } from './harness';

const ctx = withExtension();
let library: Page;

const PAGES = [
  '/seed-site/article.html',
  '/extract/jsonld-authors.html',
  '/extract/multi-author.html',
];
const TITLES = {
  seed: 'Reading list: the left, Ukraine and Russian imperialism',
  sanctions: 'Sanctions, oligarchs and the limits of “multipolarity”',
  campism: 'Against campism: a reply to our critics',
};

beforeAll(async () => {
  for (const page of PAGES) await clipAndSave(ctx.session, ctx.server.url(page));
  library = await ctx.session.context.newPage();
  await library.goto(ctx.session.extensionUrl('library.html'));
});

const list = () => library.getByRole('listbox', { name: /^(Pieces|Passages)$/ });
const titles = () => list().locator('.card-title').allInnerTexts();
const resultCount = () => library.locator('.result-count').innerText();

describe('library', () => {
  test('lists every piece, newest first, with author and theme facets', async () => {
    await expect.poll(titles).toEqual([TITLES.campism, TITLES.sanctions, TITLES.seed]);
    const themes = library.getByRole('region', { name: 'Themes' });
    await expect(themes.getByText('Russian imperialism').isVisible()).resolves.toBe(true);
    await expect(
      library.getByRole('region', { name: 'Authors' }).getByText('Kwame Mensah').isVisible(),
    ).resolves.toBe(true);
  });

  test('search narrows the list as you type', async () => {
    await library.keyboard.press('/');
    await expect(library.evaluate(() => document.activeElement?.id)).resolves.toBe('search');
    await library.keyboard.type('campi');
    await expect.poll(titles).toEqual([TITLES.campism]);
    expect(library.url()).toContain('q=campi');
    const search = library.getByRole('searchbox', { name: 'Search' });
    // Authors, accents and case folded.
    await search.fill('MENSAH');
    await expect.poll(titles).toEqual([TITLES.sanctions]);
    // Full text, with the matched words marked in context.
    await search.fill('kagarlitsky');
    await expect.poll(titles).toEqual([TITLES.seed]);
    await expect.poll(() => list().locator('mark').allInnerTexts()).toContain('Kagarlitsky');
    await library.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect.poll(titles).toHaveLength(3);
  });

  test('a theme filter keeps only pieces on that theme, and lives in the URL', async () => {
    await library
      .getByRole('region', { name: 'Themes' })
      .getByRole('checkbox', { name: /Russian imperialism/ })
      .check();
    await expect.poll(titles).toEqual([TITLES.sanctions, TITLES.seed]);
    await expect.poll(resultCount).toBe('2 of 3 pieces');
    // The URL is written just after the paint: a reload before it would reload the old view.
    await expect.poll(() => library.url()).toContain('themes=');
    await library.reload();
    await expect.poll(titles).toEqual([TITLES.sanctions, TITLES.seed]);
    await library
      .getByRole('region', { name: 'Themes' })
      .getByRole('checkbox', { name: /Russian imperialism/ })
      .uncheck();
    await expect.poll(titles).toHaveLength(3);
  });

  test('grouping by author lists a piece under each of its authors', async () => {
    await library.getByRole('combobox', { name: 'Group' }).selectOption('author');
    const headers = () => list().locator('.group-header').allInnerTexts();
    await expect.poll(headers).toContain('Kwame Mensah (1)');
    expect(await headers()).toContain('Ilse van der Berg (1)');
    expect((await titles()).filter((t) => t === TITLES.sanctions)).toHaveLength(2);
    await library.getByRole('combobox', { name: 'Group' }).selectOption('none');
  });

  test('a piece opens with the keyboard and reads from its stored copy', async () => {
    await list().focus();
    await library.keyboard.press('End');
    await library.keyboard.press('Enter');
    await expect(
      library.getByRole('heading', { level: 1, name: TITLES.seed }).isVisible(),
    ).resolves.toBe(true);
    await expect
      .poll(() => library.locator('.reader-body').innerText())
      .toContain('Boris Kagarlitsky');
    await library.keyboard.press('Escape');
    await expect.poll(titles).toHaveLength(3);
  });

  test('delete, then undo, brings the piece back exactly', async () => {
    await list().getByText(TITLES.sanctions).click();
    await library.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(titles).toEqual([TITLES.campism, TITLES.seed]);
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(titles).toEqual([TITLES.campism, TITLES.sanctions, TITLES.seed]);
    await list().getByText(TITLES.sanctions).click();
    await expect.poll(() => library.locator('.reader-body').innerText()).toContain('multipolar');
    await library.getByRole('button', { name: 'Back to list' }).click();
  });

  test('a piece saved from the popup appears without reloading, and is found', async () => {
    // A search first, so that the library holds what searches keep between keystrokes.
    const search = library.getByRole('searchbox', { name: 'Search' });
    await search.fill('autodetermination');
    await expect.poll(resultCount).toBe('0 of 3 pieces');
    await search.fill('');
    await clipAndSave(ctx.session, ctx.server.url('/extract/byline-fr.html'));
    await expect.poll(titles).toHaveLength(4);
    await expect.poll(resultCount).toBe('4 of 4 pieces');
    // Saved by the background: the search sees the new piece.
    await search.fill('autodetermination');
    await expect
      .poll(titles)
      .toEqual(['Crimée : le droit à l’autodétermination n’est pas à géométrie variable']);
    await search.fill('');
  });

  test('has no serious accessibility violations (axe-core), light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await library.emulateMedia({ colorScheme: scheme });
      const { violations, passes } = await axeCheck(library);
      expect(passes, 'axe ran its rules').toBeGreaterThan(10);
      expect(violations, scheme).toEqual([]);
    }
  });
});

test('editing a piece’s title and themes shows in the list and the facets', async () => {
  await list().getByText(TITLES.campism).click();
  await library.getByRole('button', { name: 'Edit' }).click();
  const form = library.getByRole('form', { name: 'Edit piece' });
  await form.getByLabel('Title').fill('Against campism (revised)');
  await form.getByRole('combobox', { name: 'Themes' }).fill('Internationalism');
  await form.getByRole('combobox', { name: 'Themes' }).press('Enter');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await library.getByRole('heading', { level: 1, name: 'Against campism (revised)' }).waitFor();
  await library.getByRole('button', { name: 'Back to list' }).click();
  await expect.poll(titles).toContain('Against campism (revised)');
  await expect(
    library.getByRole('region', { name: 'Themes' }).getByText('Internationalism').isVisible(),
  ).resolves.toBe(true);
});
