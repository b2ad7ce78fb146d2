/** Passages end to end: annotate a selection, see it highlighted again after reloads and edits. */
import { expect, test } from 'vitest';
import { dumpDatabase, openPopupFor, tabIdOf, withExtension } from './harness';
import { annotate, highlighted } from './passage-helpers';

const ctx = withExtension();
const ARTICLE = '/passages/article.html';
const QUOTE =
  'Solidarity is not a geometry of blocs; it is a relation between people who struggle.';

test('annotate a selection: saved with note and tags, highlighted, private from the page', async () => {
  const page = await ctx.session.context.newPage();
  await page.goto(ctx.server.url(ARTICLE));
  const editor = await annotate(ctx.session, page, '#target', QUOTE, {
    note: 'secret note 🤫, with "quotes"',
    theme: 'Solidarity',
    author: 'Ilse van der Berg',
  });

  // The page's own scripts cannot read what is typed in the editor.
  const spy = await page.evaluate(() => {
    const host = document.querySelector('commonplace-editor');
    return {
      keys: (window as unknown as { __keys: string[] }).__keys,
      shadowRoot: host ? host.shadowRoot : 'no host',
      frames: Array.from(document.querySelectorAll('iframe')).length,
      text: document.documentElement.innerText.includes('secret note'),
    };
  });
  expect(spy).toEqual({ keys: [], shadowRoot: null, frames: 0, text: false });

  await editor.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => highlighted(page)).toEqual([QUOTE]);
  await expect.poll(() => page.locator('commonplace-editor').count()).toBe(0);

  const dump = await dumpDatabase(ctx.session);
  expect(dump.pieces).toHaveLength(1); // the piece was clipped with the passage
  expect(dump.passages).toHaveLength(1);
  const passage = dump.passages![0] as { quote: string; note: string; textFragment: string | null };
  expect(passage.quote).toBe(QUOTE);
  expect(passage.note).toBe('secret note 🤫, with "quotes"');
  expect(passage.textFragment).toMatch(/^:~:text=/);
  await page.close();
});

test('after a reload, opening the popup paints the passage on the same words and lists it', async () => {
  const { page, popup } = await openPopupFor(ctx.session, ctx.server.url(ARTICLE));
  const passages = popup.getByRole('region', { name: 'Passages' });
  await passages.waitFor();
  await expect(passages.innerText()).resolves.toContain(QUOTE);
  await expect.poll(() => highlighted(page)).toEqual([QUOTE]);
  await popup.close();
  await page.close();
});

test('the site edits its page (markup, whitespace, inserted text): still on the right words', async () => {
  ctx.server.swap(ARTICLE, '/passages/article-edited.html');
  try {
    const { page, popup } = await openPopupFor(ctx.session, ctx.server.url(ARTICLE));
    await popup.getByRole('region', { name: 'Passages' }).waitFor();
    await expect.poll(() => highlighted(page)).toEqual([QUOTE]);
    await popup.close();
    await page.close();
  } finally {
    ctx.server.swap(ARTICLE, null);
  }
});

test('the paragraph is gone: listed as an orphan with its quote, never painted elsewhere', async () => {
  ctx.server.swap(ARTICLE, '/passages/article-cut.html');
  try {
    const { page, popup } = await openPopupFor(ctx.session, ctx.server.url(ARTICLE));
    const orphans = popup.getByRole('region', { name: 'Orphans' });
    await orphans.waitFor();
    await expect(orphans.innerText()).resolves.toContain(QUOTE);
    expect(await highlighted(page)).toEqual([]);
    await popup.close();
    await page.close();
  } finally {
    ctx.server.swap(ARTICLE, null);
  }
});

test('words that occur twice: the passage comes back on the occurrence that was marked', async () => {
  const page = await ctx.session.context.newPage();
  await page.goto(ctx.server.url(ARTICLE));
  const editor = await annotate(
    ctx.session,
    page,
    'article',
    'applauded the tanks',
    { note: 'second', theme: 'History' },
    1,
  );
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await highlighted(page)).length).toBe(2);
  await page.reload();
  const tabId = await tabIdOf(ctx.session, page.url());
  const popup = await ctx.session.context.newPage();
  await popup.goto(ctx.session.extensionUrl(`popup.html?tab=${tabId}`));
  await popup.getByRole('region', { name: 'Passages' }).waitFor();
  await expect.poll(async () => (await highlighted(page)).length).toBe(2);
  // The highlighted occurrence is the one in the #repeat paragraph, not the earlier one.
  const where = await page.evaluate(() => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('commonplace-')) continue;
      for (const range of highlight as unknown as Iterable<Range>) {
        if (range.toString() === 'applauded the tanks') {
          return (range.startContainer.parentElement as HTMLElement).closest('p')?.id ?? 'no id';
        }
      }
    }
    return 'not found';
  });
  expect(where).toBe('repeat');
  await popup.close();
  await page.close();
});

test('with automatic highlights on, a reload alone repaints; turned off, it does not', async () => {
  const library = await ctx.session.context.newPage();
  await library.goto(ctx.session.extensionUrl('library.html'));
  await library.getByText('Backup and settings').click();
  const setting = library.getByRole('checkbox', { name: /Show my highlights automatically/ });
  await setting.check();
  await expect.poll(() => library.getByText(/On for 1 site/).count()).toBe(1);

  const page = await ctx.session.context.newPage();
  await page.goto(ctx.server.url(ARTICLE));
  await expect.poll(() => highlighted(page)).toContain(QUOTE);

  await setting.uncheck();
  await expect.poll(() => library.getByText(/Asks your browser/).count()).toBe(1);
  await page.reload();
  await page.waitForTimeout(500);
  expect(await highlighted(page)).toEqual([]);
  await page.close();
  await library.close();
});

test('the library lists passages and highlights them in the stored copy', async () => {
  const library = await ctx.session.context.newPage();
  await library.goto(ctx.session.extensionUrl('library.html?view=passages'));
  const list = library.getByRole('listbox', { name: 'Passages' });
  await expect.poll(() => list.locator('.card-quote').allInnerTexts()).toContain(QUOTE);
  await list.locator('.card-quote').filter({ hasText: QUOTE }).click();
  await library.getByRole('heading', { level: 1, name: 'Notes on campism' }).waitFor();
  await expect.poll(() => highlighted(library)).toContain(QUOTE);
  await library.close();
});

test('a theme’s colour chosen in the library colours its passages; edit and delete from the popup', async () => {
  const library = await ctx.session.context.newPage();
  await library.goto(ctx.session.extensionUrl('library.html'));
  await library.getByRole('button', { name: 'Tags', exact: true }).click();
  await library
    .getByRole('region', { name: 'All themes' })
    .getByRole('button', { name: 'Edit Solidarity' })
    .click();
  await library.getByLabel('Highlight colour').fill('#123456');
  await library.close();

  const { page, popup } = await openPopupFor(ctx.session, ctx.server.url(ARTICLE));
  const passages = popup.getByRole('region', { name: 'Passages' });
  await passages.waitFor();
  const names = () =>
    page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('commonplace-')));
  await expect.poll(names).toContain('commonplace-123456');

  const item = passages.getByRole('listitem').filter({ hasText: QUOTE });
  await item.getByRole('button', { name: 'Edit passage' }).click();
  await item.getByRole('textbox', { name: 'Note' }).fill('an edited note');
  await item.getByRole('button', { name: 'Save passage' }).click();
  await expect.poll(() => passages.innerText()).toContain('an edited note');

  await passages
    .getByRole('listitem')
    .filter({ hasText: QUOTE })
    .getByRole('button', { name: 'Delete passage' })
    .click();
  await expect.poll(() => highlighted(page)).not.toContain(QUOTE);
  const dump = await dumpDatabase(ctx.session);
  expect((dump.passages as { quote: string }[]).map((p) => p.quote)).not.toContain(QUOTE);
  await popup.close();
  await page.close();
});
