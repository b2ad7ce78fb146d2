import { describe, expect, it } from 'vitest';
import { canonicalUrl, isSameSite, stripTracking } from '../../../lib/extract/canonical-url';

describe('stripTracking', () => {
  it('removes tracking parameters and the fragment, keeping the rest as written', () => {
    expect(
      stripTracking(
        'https://site.example/a/b?utm_source=x&id=7&UTM_Medium=y&fbclid=1&gclid=2&dclid=3&msclkid=4&mc_cid=5&mc_eid=6&igshid=7&yclid=8&_hsenc=9&_hsmi=10&ref_src=twsrc&q=a%20b+c#section',
      ),
    ).toBe('https://site.example/a/b?id=7&q=a%20b+c');
  });

  it('drops an emptied query string and a fragment', () => {
    expect(stripTracking('https://site.example/?utm_campaign=spring#top')).toBe(
      'https://site.example/',
    );
    expect(stripTracking('https://site.example/page#:~:text=hello')).toBe(
      'https://site.example/page',
    );
  });

  it('leaves ordinary parameters alone, including ref and empty values', () => {
    expect(stripTracking('https://site.example/p?ref=home&page=2&flag')).toBe(
      'https://site.example/p?ref=home&page=2&flag',
    );
  });

  it('returns a non-URL unchanged (trimmed)', () => {
    expect(stripTracking('  not a url ')).toBe('not a url');
  });
});

describe('isSameSite', () => {
  it.each([
    ['https://www.example.com/a', 'https://example.com/b', true],
    ['https://blog.example.com/a', 'http://www.example.com/b', true],
    ['https://news.example.co.uk/', 'https://www.example.co.uk/', true],
    ['https://example.co.uk/', 'https://evil.co.uk/', false],
    ['https://evil.example/', 'https://example.co.uk/', false],
    ['https://example.co.uk.evil.example/', 'https://example.co.uk/', false],
    ['https://alice.github.io/', 'https://bob.github.io/', false],
    ['http://127.0.0.1:8080/a', 'http://127.0.0.1:9000/b', true],
    ['http://127.0.0.1/', 'http://127.0.0.2/', false],
    ['http://localhost:5173/', 'http://localhost/', true],
    ['http://localhost/', 'http://evil.localhost/', false],
    ['http://[::1]/', 'http://[::1]:8080/', true],
    ['https://example.com/', 'ftp://example.com/', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(isSameSite(a, b)).toBe(expected);
  });
});

describe('canonicalUrl', () => {
  const page = 'https://www.site.example/2015/11/piece/?utm_source=rss&id=3#comments';

  it('uses a canonical on the same registrable domain, cleaned', () => {
    expect(canonicalUrl(page, ['https://site.example/2015/11/piece/?utm_medium=x#top'])).toBe(
      'https://site.example/2015/11/piece/',
    );
    expect(canonicalUrl(page, ['https://amp.site.example/piece'])).toBe(
      'https://amp.site.example/piece',
    );
  });

  it('resolves relative candidates against the page', () => {
    expect(canonicalUrl(page, ['/2015/11/piece/'])).toBe('https://www.site.example/2015/11/piece/');
    expect(canonicalUrl('http://127.0.0.1:4173/2015/11/a.html', ['a.html'])).toBe(
      'http://127.0.0.1:4173/2015/11/a.html',
    );
  });

  it('refuses another site and falls back to the cleaned page URL', () => {
    expect(canonicalUrl(page, ['https://other.example/piece'])).toBe(
      'https://www.site.example/2015/11/piece/?id=3',
    );
    expect(canonicalUrl('https://example.co.uk/a', ['https://evil.co.uk/a'])).toBe(
      'https://example.co.uk/a',
    );
    expect(canonicalUrl('https://evil.example/a', ['https://example.co.uk/a'])).toBe(
      'https://evil.example/a',
    );
  });

  it('refuses javascript:, data:, file: and credentials', () => {
    for (const candidate of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'https://user:pass@www.site.example/piece',
    ]) {
      expect(canonicalUrl(page, [candidate]), candidate).toBe(
        'https://www.site.example/2015/11/piece/?id=3',
      );
    }
  });

  it('compares IP hosts exactly', () => {
    expect(canonicalUrl('http://127.0.0.1:8080/a', ['http://127.0.0.1:8080/b'])).toBe(
      'http://127.0.0.1:8080/b',
    );
    expect(canonicalUrl('http://127.0.0.1:8080/a', ['http://10.0.0.1/b'])).toBe(
      'http://127.0.0.1:8080/a',
    );
    expect(canonicalUrl('http://192.168.1.10/a', ['http://evil.example/b'])).toBe(
      'http://192.168.1.10/a',
    );
  });

  it('takes candidates in order, skipping empty and refused ones', () => {
    expect(
      canonicalUrl(page, [null, '', 'https://other.example/x', 'https://site.example/og-url']),
    ).toBe('https://site.example/og-url');
  });

  it('trusts an http(s) canonical for a saved file, but not a file: one', () => {
    expect(
      canonicalUrl('file:///home/me/saved/page.html', ['https://any.example/piece?utm_source=x']),
    ).toBe('https://any.example/piece');
    expect(canonicalUrl('file:///home/me/saved/page.html', ['other.html'])).toBe(
      'file:///home/me/saved/page.html',
    );
  });

  it('never throws on a broken page URL', () => {
    expect(canonicalUrl('not a url', ['https://x.example/'])).toBe('not a url');
  });
});
