import { describe, expect, test } from 'vitest';
import { fragmentDirective } from '../../../lib/passages/text-fragment';
import { DEFAULT_HIGHLIGHT, THEME_PALETTE, themeColor } from '../../../lib/tags/colors';
import { clippedSitePatterns, originPattern } from '../../../lib/passages/origins';

describe('text fragments', () => {
  test('all parts, with the characters the syntax reserves encoded', () => {
    expect(
      fragmentDirective({
        prefix: 'anti-war',
        textStart: 'A, B & C',
        textEnd: 'end',
        suffix: 'x-y',
      }),
    ).toBe(':~:text=anti%2Dwar-,A%2C%20B%20%26%20C,end,-x%2Dy');
    expect(fragmentDirective({ textStart: 'Привет' })).toBe(
      ':~:text=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82',
    );
  });
});

describe('theme colours', () => {
  test('the reader’s colour wins when valid; otherwise a stable palette colour', () => {
    expect(themeColor({ key: 'syria', color: '#AABBCC' })).toBe('#aabbcc');
    expect(themeColor({ key: 'syria', color: 'red;background:url(x)' })).toBe(
      themeColor({ key: 'syria', color: null }),
    );
    expect(THEME_PALETTE).toContain(themeColor({ key: 'russian imperialism', color: null }));
    expect(themeColor(undefined)).toBe(DEFAULT_HIGHLIGHT);
  });
});

describe('clipped site patterns', () => {
  test('one pattern per http(s) host, any port, sorted; other schemes left out', () => {
    expect(
      clippedSitePatterns([
        'https://b.example/x?y=1',
        'http://127.0.0.1:8080/a.html',
        'https://b.example/other',
        'file:///home/me/a.html',
        'not a url',
        'https://a.example/',
      ]),
    ).toEqual(['http://127.0.0.1/*', 'https://a.example/*', 'https://b.example/*']);
    expect(originPattern('ftp://x.example/')).toBeNull();
  });
});
