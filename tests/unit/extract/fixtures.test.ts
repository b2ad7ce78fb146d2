/**
 * Hand-written pages in tests/fixtures/extract/: each `<name>.html` is extracted at
 * `input.pageUrl` (after selecting `input.select`, if given) and compared with
 * `<name>.expected.json`: every listed field exactly, plus text/HTML that must or must not appear.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../lib/extract/extract-page';
import { finishExtraction } from '../../../lib/extract/finish-extraction';
import { sanitizePageContent } from '../../../lib/extract/page-content';
import { readPage } from '../../../lib/extract/read-page';
import type { PageExtraction } from '../../../lib/extract/types';
import { FIXTURE_DIR, domFor, fixtureNames, readJson, readText, selectContents } from './helpers';

interface Expected extends Partial<PageExtraction> {
  input: { pageUrl: string; select?: string };
  contentIncludes?: string[];
  contentExcludes?: string[];
  htmlIncludes?: string[];
  htmlExcludes?: string[];
}

const names = fixtureNames(FIXTURE_DIR);

async function extractFixture(
  name: string,
): Promise<{ result: PageExtraction; expected: Expected }> {
  const expected = readJson<Expected>(join(FIXTURE_DIR, `${name}.expected.json`));
  const dom = domFor(readText(join(FIXTURE_DIR, `${name}.html`)), expected.input.pageUrl);
  if (expected.input.select) selectContents(dom, expected.input.select);
  const result = await extractPage(dom.window.document, expected.input.pageUrl);
  return { result, expected };
}

describe('extraction fixtures', () => {
  it('has the fixtures the brief asks for', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'byline-de',
        'byline-es',
        'byline-fr',
        'foreign-canonical',
        'hostile',
        'invalid-date',
        'jsonld-authors',
        'login-bookmark',
        'multi-author',
        'og-url',
        'photo-credit',
        'translated',
      ]),
    );
  });

  it.each(names)('%s matches its expected JSON', async (name) => {
    const { result, expected } = await extractFixture(name);
    const { input, contentIncludes, contentExcludes, htmlIncludes, htmlExcludes, ...fields } =
      expected;
    expect(result.pageUrl).toBe(input.pageUrl);
    for (const [key, value] of Object.entries(fields)) {
      expect(result[key as keyof PageExtraction], key).toEqual(value);
    }
    for (const text of contentIncludes ?? []) expect(result.textContent).toContain(text);
    for (const text of contentExcludes ?? []) expect(result.textContent).not.toContain(text);
    for (const text of htmlIncludes ?? []) expect(result.contentHtml).toContain(text);
    const html = result.contentHtml.toLowerCase();
    for (const text of htmlExcludes ?? []) expect(html, text).not.toContain(text.toLowerCase());
  });

  it('never produces an invalid date string', async () => {
    for (const name of names) {
      const { result } = await extractFixture(name);
      for (const value of [result.publishedTime, result.modifiedTime]) {
        if (value === null) continue;
        expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
        expect(Number.isNaN(Date.parse(value))).toBe(false);
      }
    }
  });
});

describe('hostile page', () => {
  it('leaves no executable markup after the HTML is parsed again', async () => {
    const { result } = await extractFixture('hostile');
    const dom = domFor(
      `<!DOCTYPE html><body>${result.contentHtml}</body>`,
      'https://reader.example/',
    );
    const doc = dom.window.document;
    expect(
      doc.querySelectorAll('script, iframe, form, input, button, object, embed, svg, math, style'),
    ).toHaveLength(0);
    for (const element of Array.from(doc.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name.startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(false);
        expect(['style', 'class', 'id', 'formaction', 'action']).not.toContain(attribute.name);
      }
    }
    for (const link of Array.from(doc.querySelectorAll('a[href]'))) {
      expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(link.getAttribute('rel')).toContain('noopener');
    }
    for (const image of Array.from(doc.querySelectorAll('img'))) {
      expect(image.getAttribute('src')).toMatch(/^https:\/\/hostile\.example\//);
    }
    // javascript: and data: canonical claims were refused.
    expect(result.url).toBe('https://hostile.example/posts/fallacy.html');
  });
});

describe('bookmark pages', () => {
  it('keeps metadata and the selection when Readability finds no article', async () => {
    const { result } = await extractFixture('login-bookmark');
    expect(result.pageKind).toBe('bookmark');
    expect(result.contentHtml).toBe('');
    expect(result.textContent).toBe(result.selectionText);
  });

  it('has empty text and the hash of empty text without a selection', async () => {
    const dom = domFor(
      '<!DOCTYPE html><html><head><title>Just a title</title></head><body><p>Hi.</p></body></html>',
      'https://tiny.example/',
    );
    const result = await extractPage(dom.window.document, 'https://tiny.example/');
    expect(result.pageKind).toBe('bookmark');
    expect(result.title).toBe('Just a title');
    expect(result.textContent).toBe('');
    expect(result.wordCount).toBe(0);
    expect(result.contentHash).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(result.selectionText).toBeUndefined();
  });
});

describe('finishExtraction without a DOM (as in the background service worker)', () => {
  it('refuses an article whose content was not sanitised in the page', async () => {
    const dom = domFor(
      readText(join(FIXTURE_DIR, 'translated.html')),
      'https://notebook.solidarity.example/x',
    );
    const raw = readPage(dom.window.document, 'https://notebook.solidarity.example/x');
    await expect(finishExtraction(raw)).rejects.toThrow(/needs the sanitised content/);
    // The Node test environment has no global document: finishing needs none.
    const result = await finishExtraction(
      sanitizePageContent(raw, dom.window as unknown as Window),
    );
    expect(result.authors).toEqual(['Mathieu Laurent']);
    expect(result.contentHtml).not.toBe('');
    expect(result.contentHtml).not.toContain('<script');
  });
});
