import { describe, expect, test } from 'vitest';
import { makeSnippet } from '../../../lib/search/snippet';
import { parseQuery } from '../../../lib/search/tokenize';

const marked = (s: { text: string; highlights: [number, number][] } | null) =>
  s && s.highlights.map(([a, b]) => s.text.slice(a, b));

describe('makeSnippet', () => {
  test('a short text is whole, with every match marked', () => {
    const snippet = makeSnippet('The Crisis of the crisis.', parseQuery('crisis'));
    expect(snippet).toEqual({
      text: 'The Crisis of the crisis.',
      highlights: [
        [4, 10],
        [18, 24],
      ],
    });
  });

  test('the window with the most distinct words wins over an earlier single match', () => {
    const filler = 'word '.repeat(80);
    const text = `Memory at first. ${filler}Here memory and archive meet. ${filler}`;
    const snippet = makeSnippet(text, parseQuery('memory archive'))!;
    expect(marked(snippet)).toEqual(['memory', 'archive']);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(182);
  });

  test('offsets survive collapsed whitespace and accents', () => {
    const text = `${'Lorem ipsum '.repeat(20)}\n\n  La   Mémoire\tdes luttes.\n${'dolor '.repeat(40)}`;
    const snippet = makeSnippet(text, parseQuery('memoire lut'))!;
    expect(snippet.text).not.toMatch(/\s\s|\n|\t/);
    expect(marked(snippet)).toEqual(['Mémoire', 'luttes']);
  });

  test('short prefixes complete only where asked (titles, notes)', () => {
    expect(makeSnippet('A kitchen', parseQuery('ki'))).toBeNull();
    expect(marked(makeSnippet('A kitchen', parseQuery('ki'), { shortPrefixes: true }))).toEqual([
      'kitchen',
    ]);
    expect(marked(makeSnippet('A kitchen', parseQuery('kit')))).toEqual(['kitchen']);
  });

  test('no match, no snippet', () => {
    expect(makeSnippet('Nothing here', parseQuery('absent'))).toBeNull();
  });
});
