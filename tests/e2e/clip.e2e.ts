/** Clipping end to end in Chromium with the built extension: extract, edit, save, reopen, refuse. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../lib/cli';
import { dumpDatabase, FIXTURES, openPopupFor, withExtension } from './harness';

const ctx = withExtension();

async function cliExtract(file: string, url: string): Promise<Record<string, unknown>> {
  let out = '';
  const code = await runCli(['extract', path.join(FIXTURES, file), '--url', url, '--html'], {
    stdout: (text) => (out += text),
    stderr: (text) => {
      throw new Error(text);
    },
  });
  expect(code).toBe(0);
  return JSON.parse(out) as Record<string, unknown>;
}

function chipNames(popup: import('playwright-core').Page, label: string) {
  return popup
    .getByRole('list', { name: `${label} chosen` })
    .locator('li > span')
    .allInnerTexts();
}

describe('clipping an article', () => {
  const articlePath = '/seed-site/article.html';

  test('the popup extracts what the CLI extracts, and Save stores it with the edits', async () => {
    const url = ctx.server.url(articlePath);
    const { popup } = await openPopupFor(ctx.session, url);
    await popup.getByRole('button', { name: 'Save', exact: true }).waitFor();

    await expect.poll(() => chipNames(popup, 'Authors')).toEqual(['USC Editors']);
    expect(await chipNames(popup, 'Themes')).toEqual(['Russian imperialism', 'Left debates']);
    await expect(popup.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Reading list: the left, Ukraine and Russian imperialism',
    );

    await popup.getByRole('button', { name: 'Remove Left debates' }).click();
    await popup.getByRole('combobox', { name: 'Themes' }).fill('Novorossiya');
    await popup.getByRole('combobox', { name: 'Themes' }).press('Enter');
    await popup
      .getByRole('textbox', { name: 'Note' })
      .fill('Useful overview — «quotes», 🇺🇦, and a, comma');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const dump = await dumpDatabase(ctx.session);
    expect(dump.pieces).toHaveLength(1);
    const piece = dump.pieces![0] as Record<string, unknown>;
    const content = dump.contents![0] as Record<string, unknown>;
    const tags = dump.tags as { id: string; kind: string; name: string }[];
    const nameOf = (id: unknown) => tags.find((t) => t.id === id)?.name;

    const cli = await cliExtract('seed-site/article.html', url);
    for (const field of [
      'pageKind',
      'url',
      'pageUrl',
      'title',
      'siteName',
      'publishedTime',
      'modifiedTime',
      'lang',
      'excerpt',
      'wordCount',
      'contentHash',
    ]) {
      expect(piece[field], field).toEqual(cli[field]);
    }
    expect(content.textContent).toBe(cli.textContent);
    expect(content.contentHtml).toBe(cli.contentHtml);
    expect((piece.authorIds as string[]).map(nameOf)).toEqual(cli.authors);
    expect((piece.themeIds as string[]).map(nameOf)).toEqual([
      'Russian imperialism',
      'Novorossiya',
    ]);
    expect(piece.note).toBe('Useful overview — «quotes», 🇺🇦, and a, comma');
    await popup.close();

    // Reopened: the saved piece, not a new one.
    const again = await openPopupFor(ctx.session, url);
    await again.popup.getByText('Already in your collection').waitFor();
    expect(await chipNames(again.popup, 'Themes')).toEqual(['Russian imperialism', 'Novorossiya']);
    await expect(again.popup.getByRole('textbox', { name: 'Note' }).inputValue()).resolves.toBe(
      'Useful overview — «quotes», 🇺🇦, and a, comma',
    );
    await again.popup.close();
  });

  test('the same page with tracking parameters is the same piece: note and createdAt kept', async () => {
    const before = await dumpDatabase(ctx.session);
    const first = before.pieces![0] as Record<string, unknown>;
    const { popup } = await openPopupFor(
      ctx.session,
      ctx.server.url(`${articlePath}?utm_source=x&fbclid=abc`),
    );
    await popup.getByText('Already in your collection').waitFor();
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const after = await dumpDatabase(ctx.session);
    expect(after.pieces).toHaveLength(1);
    const piece = after.pieces![0] as Record<string, unknown>;
    expect(piece.id).toBe(first.id);
    expect(piece.createdAt).toBe(first.createdAt);
    expect(piece.note).toBe(first.note);
    expect(piece.url).toBe(ctx.server.url(articlePath));
    expect(piece.updatedAt).not.toBe(first.updatedAt);
    expect(after.contents).toHaveLength(1);
    expect(after.tags).toHaveLength(before.tags!.length);
    await popup.close();
  });
});

describe('pages that cannot be clipped leave the collection unchanged', () => {
  const cases: { name: string; url: () => string; message: RegExp }[] = [
    { name: 'a browser page', url: () => 'chrome://version/', message: /Browser pages/ },
    {
      name: 'a PDF document',
      url: () => ctx.server.url('/e2e/sample.pdf'),
      message: /PDF documents/,
    },
    {
      name: 'a page whose reading is too slow',
      url: () => ctx.server.url('/e2e/slow.html'),
      message: /took too long/,
    },
  ];
  for (const { name, url, message } of cases) {
    test(name, async () => {
      const before = await dumpDatabase(ctx.session);
      const { page, popup } = await openPopupFor(ctx.session, url());
      await expect(popup.getByRole('alert').innerText()).resolves.toMatch(message);
      await expect(popup.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
      expect(await dumpDatabase(ctx.session)).toEqual(before);
      await popup.close();
      await page.close();
    });
  }

  test('a page without an article offers a bookmark and saves nothing by itself', async () => {
    const before = await dumpDatabase(ctx.session);
    const { page, popup } = await openPopupFor(ctx.session, ctx.server.url('/e2e/no-article.html'));
    await popup.getByText('No article was found on this page').waitFor();
    await popup.getByRole('button', { name: 'Save as bookmark' }).waitFor();
    expect(await dumpDatabase(ctx.session)).toEqual(before);
    await popup.close();
    await page.close();
  });
});

describe('manifests', () => {
  const manifest = (dir: string) =>
    JSON.parse(
      readFileSync(path.join(FIXTURES, '../../.output', dir, 'manifest.json'), 'utf8'),
    ) as {
      permissions?: string[];
      host_permissions?: string[];
      optional_host_permissions?: string[];
      content_scripts?: unknown[];
      content_security_policy?: { extension_pages?: string };
    };
  test('production asks only for activeTab, scripting, storage, unlimitedStorage, contextMenus', () => {
    const prod = manifest('chrome-mv3');
    expect(prod.permissions?.sort()).toEqual([
      'activeTab',
      'contextMenus',
      'scripting',
      'storage',
      'unlimitedStorage',
    ]);
    expect(prod.optional_host_permissions).toEqual(['<all_urls>']);
    expect(prod.host_permissions ?? []).toEqual([]);
    expect(prod.content_scripts ?? []).toEqual([]);
    expect(prod.content_security_policy?.extension_pages).toMatch(/script-src 'self'/);
    expect(prod.content_security_policy?.extension_pages).not.toMatch(/unsafe-(eval|inline)/);
  });
  test('the test build differs only by host access to 127.0.0.1', () => {
    const prod = manifest('chrome-mv3');
    const e2e = manifest('chrome-mv3-e2e');
    expect(e2e.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect({ ...e2e, host_permissions: undefined }).toEqual({
      ...prod,
      host_permissions: undefined,
    });
  });
});
