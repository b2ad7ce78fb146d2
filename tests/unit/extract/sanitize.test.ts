import { describe, expect, it } from 'vitest';
import { urlResolver } from '../../../lib/extract/resolve-url';
import { sanitizeContent } from '../../../lib/extract/sanitize';
import { domFor } from './helpers';

const window = domFor('<!DOCTYPE html><body></body>', 'https://reader.example/').window;
const resolve = urlResolver(
  'https://site.example/2015/11/piece/',
  'https://site.example/2015/11/piece/',
);

function clean(html: string): { html: string; text: string } {
  return sanitizeContent(html, window as unknown as Window & typeof globalThis, resolve);
}

describe('sanitizeContent', () => {
  it('makes links and images absolute and marks links as external', () => {
    const { html } = clean(
      '<p><a href="../other/">x</a> <img src="img/a.png" srcset="img/a.png 1x, /b.png 2x"></p>',
    );
    expect(html).toContain('href="https://site.example/2015/11/other/"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('src="https://site.example/2015/11/piece/img/a.png"');
    expect(html).toContain(
      'srcset="https://site.example/2015/11/piece/img/a.png 1x, https://site.example/b.png 2x"',
    );
    expect(html).toContain('referrerpolicy="no-referrer"');
  });

  it('removes dangerous URLs, handlers, styles and embedded content', () => {
    const { html } = clean(
      '<p style="color:red" onclick="x()">a <a href="javascript:alert(1)">j</a> <a href=" data:text/html,x">d</a>' +
        ' <img src="javascript:alert(2)" onerror="x()"><iframe src="https://x.example/"></iframe>' +
        '<form action="https://x.example/"><input name="q"></form><video src="javascript:alert(3)"></video></p>',
    );
    expect(html).not.toMatch(/javascript:|data:|onerror|onclick|style=|<iframe|<form|<input/i);
    expect(html).toContain('<a>j</a>');
  });

  it('keeps ordinary article markup and gives block-aware text', () => {
    const { html, text } = clean(
      '<h2>Title</h2><p>First <em>para</em>graph.</p><blockquote><p>Quote</p></blockquote><ul><li>One</li><li>Two</li></ul><p>Line<br>break</p>',
    );
    expect(html).toContain('<em>para</em>');
    expect(html).toContain('<blockquote>');
    expect(text).toBe('Title\n\nFirst paragraph.\n\nQuote\n\nOne\n\nTwo\n\nLine break');
  });

  it('allows inline data: images but not data: links', () => {
    const { html } = clean(
      '<img src="data:image/png;base64,iVBORw0KGgo="><a href="data:image/png;base64,iVBORw0KGgo=">l</a>',
    );
    expect(html).toContain('<img src="data:image/png');
    expect(html).toContain('<a>l</a>');
  });
});

describe('urlResolver', () => {
  it('resolves against the base URL', () => {
    const r = urlResolver('https://site.example/a/b.html', 'https://site.example/a/b.html');
    expect(r('c.html')).toBe('https://site.example/a/c.html');
    expect(r('#n')).toBe('https://site.example/a/b.html#n');
    expect(r('  ')).toBeNull();
    expect(r('https://[bad')).toBeNull();
  });

  it('moves links of a saved file back onto the live site', () => {
    const r = urlResolver('file:///home/me/saved/page.html', 'https://site.example/2015/11/piece/');
    expect(r('file:///author/usc-editors/')).toBe('https://site.example/author/usc-editors/');
    expect(r('file:///home/me/saved/img/a.png')).toBe(
      'https://site.example/2015/11/piece/img/a.png',
    );
    expect(r('file:///home/me/saved/page.html#notes')).toBe(
      'https://site.example/2015/11/piece/#notes',
    );
    expect(r('https://elsewhere.example/x')).toBe('https://elsewhere.example/x');
  });

  it('leaves file links alone when there is no live site', () => {
    const r = urlResolver('file:///home/me/saved/page.html', 'file:///home/me/saved/page.html');
    expect(r('/x')).toBe('file:///x');
  });
});

describe('sanitizeContent without a DOM', () => {
  it('throws instead of returning unsanitised HTML', () => {
    const noDom = {} as unknown as Window & typeof globalThis;
    expect(() => sanitizeContent('<img src=x onerror=alert(1)>', noDom, resolve)).toThrow(
      /DOMPurify/,
    );
  });
});
