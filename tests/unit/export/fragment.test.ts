import { describe, expect, it } from 'vitest';
import {
  buildTextDirective,
  encodeDirectivePart,
  passageDirective,
  storedDirective,
  withDirective,
} from '../../../lib/export/fragment';
import { makePassage } from '../backup/helpers';

/** Parses a text directive back into its parts, as a browser does. */
function parseDirective(directive: string) {
  const parts = directive.split(',');
  const prefix = parts[0]!.endsWith('-') ? parts.shift()!.slice(0, -1) : null;
  const suffix = parts[parts.length - 1]!.startsWith('-') ? parts.pop()!.slice(1) : null;
  const [start, end = null] = parts;
  const decode = (part: string | null) => (part === null ? null : decodeURIComponent(part));
  expect(parts.length).toBeLessThanOrEqual(2);
  return {
    prefix: decode(prefix),
    start: decode(start!),
    end: decode(end),
    suffix: decode(suffix),
  };
}

describe('text fragments', () => {
  it('matches a short one-paragraph quote whole', () => {
    expect(buildTextDirective('the late bus home')).toBe('the%20late%20bus%20home');
    expect(parseDirective(buildTextDirective('  the   late\tbus home ')!)).toEqual({
      prefix: null,
      start: 'the late bus home',
      end: null,
      suffix: null,
    });
  });

  it('encodes the characters that are its syntax', () => {
    expect(encodeDirectivePart('a-b, c & d')).toBe('a%2Db%2C%20c%20%26%20d');
    expect(encodeDirectivePart("(it's) ~*!")).toBe('%28it%27s%29%20%7E%2A%21');
    const directive = buildTextDirective('well-known, so-called & co', {
      prefix: 'a text: ',
      suffix: ' - next',
    })!;
    expect(directive).not.toMatch(/[^A-Za-z0-9%._,-]/);
    // The prefix may begin inside a word, so its first word goes; the suffix's last likewise.
    expect(parseDirective(directive)).toEqual({
      prefix: 'text:',
      start: 'well-known, so-called & co',
      end: null,
      suffix: '-',
    });
  });

  it('adds whole words of context from the same paragraph', () => {
    const directive = buildTextDirective('the canteen', {
      prefix: 'ild those places first: ',
      suffix: ', the reading room, the late',
    })!;
    expect(parseDirective(directive)).toEqual({
      prefix: 'those places first:',
      start: 'the canteen',
      end: null,
      suffix: ', the reading',
    });
    // Context across a paragraph break is not used.
    expect(
      parseDirective(buildTextDirective('A movement', { prefix: 'another.\n\n', suffix: '' })!),
    ).toEqual({ prefix: null, start: 'A movement', end: null, suffix: null });
  });

  it('widens a quote that starts or ends inside a word', () => {
    expect(
      parseDirective(
        buildTextDirective('anteen, the read', { prefix: 'first: the c', suffix: 'ing room' })!,
      ),
    ).toEqual({ prefix: 'the', start: 'canteen, the reading', end: null, suffix: null });
  });

  it('matches a long or multi-paragraph quote by its first and last words', () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    expect(parseDirective(buildTextDirective(long)!)).toEqual({
      prefix: null,
      start: 'word0 word1 word2 word3',
      end: 'word76 word77 word78 word79',
      suffix: null,
    });
    expect(
      parseDirective(buildTextDirective('First paragraph here.\n\nSecond one ends here.')!),
    ).toEqual({
      prefix: null,
      start: 'First paragraph here.',
      end: 'Second one ends here.',
      suffix: null,
    });
    // Without spaces (Chinese), by characters.
    const chinese = '中'.repeat(200) + '文'.repeat(200);
    const { start, end } = parseDirective(buildTextDirective(chinese)!);
    expect(start).toBe('中'.repeat(24));
    expect(end).toBe('文'.repeat(24));
    // Never half an emoji.
    const emoji = '👩🏽‍🔬'.repeat(100);
    const parts = parseDirective(buildTextDirective(emoji)!);
    expect(parts.start!.length).toBeGreaterThan(0);
    expect(parts.start).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('has nothing to say for an empty quote', () => {
    expect(buildTextDirective('')).toBeNull();
    expect(buildTextDirective(' \n\t ')).toBeNull();
  });

  it('reads a stored fragment in any of its forms', () => {
    expect(storedDirective('what%20holds')).toBe('text=what%20holds');
    expect(storedDirective('text=what%20holds')).toBe('text=what%20holds');
    expect(storedDirective(':~:text=what%20holds')).toBe('text=what%20holds');
    expect(storedDirective('#:~:text=what%20holds,-people')).toBe('text=what%20holds,-people');
    expect(storedDirective('#:~:text=a b"c')).toBe('text=a%20b%22c');
    expect(storedDirective('')).toBeNull();
    expect(storedDirective(null)).toBeNull();
    expect(storedDirective('#:~:')).toBeNull();
  });

  it("uses a passage's stored fragment, else one built from its quote", () => {
    const stored = makePassage('q1', 'p1', 0, { textFragment: '#:~:text=stored' });
    expect(passageDirective(stored)).toBe('text=stored');
    const built = makePassage('q2', 'p1', 0, { textFragment: null });
    expect(passageDirective(built)).toBe('text=the%20quoted%20words');
    const context = makePassage('q3', 'p1', 0, {
      textFragment: null,
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'the quoted words',
          prefix: 'ds said before ',
          suffix: ' and after th',
        },
      ],
    });
    expect(passageDirective(context)).toBe('text=said%20before-,the%20quoted%20words,-and%20after');
  });

  it('adds the directive after the page’s own fragment', () => {
    expect(withDirective('https://x.org/a', 'text=b')).toBe('https://x.org/a#:~:text=b');
    expect(withDirective('https://x.org/a#sec', 'text=b')).toBe('https://x.org/a#sec:~:text=b');
    expect(withDirective('https://x.org/a#:~:text=old', 'text=b')).toBe(
      'https://x.org/a#:~:text=b',
    );
    expect(withDirective('https://x.org/a', null)).toBe('https://x.org/a');
  });
});
