import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { describe, expect, test } from 'vitest';
import { displayHtml } from '../../../lib/reader/display-html';

const window = new JSDOM('').window as unknown as WindowLike;

const hostile = `<p onclick="steal()">Text <a href="javascript:alert(1)">js</a>
<a href="data:text/html,<script>alert(1)</script>">data</a>
<a href="https://example.org/x">web</a> <a href="mailto:a@b.c">mail</a></p>
<img src="https://tracker.example/pixel.png" srcset="https://tracker.example/2x.png 2x" onerror="steal()">
<script>steal()</script><iframe src="https://evil.example"></iframe><style>body{display:none}</style>
<form action="https://evil.example"><input name="q"></form><div style="position:fixed">x</div>`;

describe('displayHtml', () => {
  const { html, blockedImages } = displayHtml(hostile, { allowImages: false, window });
  const doc = new JSDOM(html).window.document;

  test('no script, handler, frame, form or style survives', () => {
    expect(html).not.toMatch(/<script|onclick|onerror|<iframe|<form|<input|<style|style=/i);
  });
  test('only web and mail links keep their address, and all open safely', () => {
    const links = [...doc.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      null,
      null,
      'https://example.org/x',
      'mailto:a@b.c',
    ]);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
      expect(a.getAttribute('target')).toBe('_blank');
    }
  });
  test('remote images are off by default and counted', () => {
    expect(blockedImages).toBe(1);
    const img = doc.querySelector('img')!;
    expect(img.hasAttribute('src')).toBe(false);
    expect(img.hasAttribute('srcset')).toBe(false);
  });
  test('remote images load when allowed for the piece, without referrer', () => {
    const allowed = displayHtml(hostile, { allowImages: true, window });
    expect(allowed.blockedImages).toBe(0);
    const img = new JSDOM(allowed.html).window.document.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://tracker.example/pixel.png');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
  });
});
