import { describe, expect, test } from 'vitest';
import { linkKey, linkTargets, selfKeysOf } from '../../../lib/connections/links';

describe('linkKey', () => {
  test('one page whatever its scheme, www., tracking tags, fragment or trailing slash', () => {
    const key = 'left.example/2015/08/reply';
    for (const url of [
      'https://left.example/2015/08/reply',
      'http://www.left.example/2015/08/reply/',
      'https://LEFT.example/2015/08/reply?utm_source=feed#comments',
    ]) {
      expect(linkKey(url)).toBe(key);
    }
    // A query that names another page is kept.
    expect(linkKey('https://left.example/?p=12')).toBe('left.example?p=12');
    expect(linkKey('https://left.example/?p=12')).not.toBe(linkKey('https://left.example/?p=13'));
  });

  test('no key for what is not a web page', () => {
    expect(linkKey('mailto:someone@left.example')).toBeNull();
    expect(linkKey('javascript:alert(1)')).toBeNull();
    expect(linkKey('http://[not a host')).toBeNull();
  });
});

describe('linkTargets', () => {
  const base = 'https://left.example/2015/08/reply/';
  const self = selfKeysOf({ url: base, pageUrl: `${base}?utm_medium=x` });

  test('every page linked to, each once, relative links resolved, itself left out', () => {
    const html = `
      <p>As <a href="https://right.example/answer">he wrote</a> and
      <a class="x" href="/2015/07/first">earlier</a>, see <a href='../../07/first#p2'>again</a>.</p>
      <p><a href="${base}#top">this page</a> <a href="#notes">notes</a>
      <a href="mailto:x@left.example">mail</a> <a name="anchor">no link</a></p>`;
    expect(linkTargets(html, base, self).sort()).toEqual([
      'left.example/2015/07/first',
      'right.example/answer',
    ]);
  });

  test('attribute values holding > or entities, unquoted values, upper-case tags', () => {
    const html = [
      '<a title="a > b" href="https://right.example/x?a=1&amp;b=2">x</a>',
      '<A HREF=https://right.example/y>y</A>',
      '<a data-href="https://wrong.example/" href="https://right.example/&#x7a;">z</a>',
      '<abbr href="https://wrong.example/abbr">not a link</abbr>',
    ].join('');
    expect(linkTargets(html, base, self)).toEqual([
      'right.example/x?a=1&b=2',
      'right.example/y',
      'right.example/z',
    ]);
  });

  test('href written inside another attribute is not the link', () => {
    const html = '<a title="see href=https://wrong.example/" href="https://right.example/">x</a>';
    expect(linkTargets(html, base, self)).toEqual(['right.example']);
  });

  test('a long run of text after "<a " that is no tag is read at once', () => {
    const words = 'a very long sentence about the left and its critics in many words '.repeat(8);
    const html = `<img alt="x <a ${words}"><p><a ${'b'.repeat(5000)} <a href="/ok">ok</a></p>`;
    // A backtracking pattern would not end within the test's timeout here (30 letters took it
    // seconds); a linear one reads it at once.
    expect(linkTargets(html, base, self)).toEqual(['left.example/ok']);
  });

  test('markup that is not a link yields nothing', () => {
    expect(linkTargets('<p>https://right.example/ is named, not linked</p>', base, self)).toEqual(
      [],
    );
    expect(linkTargets('<a href="">empty</a><a>bare</a>', base, self)).toEqual([]);
  });
});
