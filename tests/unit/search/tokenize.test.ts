import { describe, expect, test } from 'vitest';
import { forEachTerm, MAX_TERM_LENGTH, parseQuery, tokenize } from '../../../lib/search/tokenize';
import { tagKey } from '../../../lib/tags/normalize';

describe('tokenize: the same folding as tag keys', () => {
  test('case and accents on Latin letters', () => {
    expect(tokenize('Résistance SOCIÉTÉ naïve Łódź Curaçao')).toEqual([
      'resistance',
      'societe',
      'naive',
      'łodz',
      'curacao',
    ]);
  });

  test('decomposed input folds like precomposed', () => {
    expect(tokenize('Re\u0301sistance')).toEqual(tokenize('Résistance'));
  });

  test('Greek accents fold; Cyrillic letters are kept (й is not и)', () => {
    expect(tokenize('Δημοκρατία')).toEqual(['δημοκρατια']);
    expect(tokenize('Кагарлицкий ЙОД')).toEqual(['кагарлицкий', 'йод']);
  });

  test('German ß and ẞ become ss; compatibility forms unfold', () => {
    expect(tokenize('Straße STRAẞE')).toEqual(['strasse', 'strasse']);
    expect(tokenize('ﬁnance ＦＵＬＬ')).toEqual(['finance', 'full']);
  });

  test('punctuation separates words, as in tag keys', () => {
    expect(tokenize("Don't stop—the red-putinist’s “line”, 2015/08.")).toEqual([
      'don',
      't',
      'stop',
      'the',
      'red',
      'putinist',
      's',
      'line',
      '2015',
      '08',
    ]);
  });

  test('every single word folds exactly as tagKey', () => {
    const words = [
      'Kagarlitsky',
      'ÉLITE',
      'Wałęsa',
      'Straße',
      'Ελλάδα',
      'Россия',
      'ǅemal',
      'İstanbul',
    ];
    for (const word of words) expect(tokenize(word).join(' ')).toBe(tagKey(word));
  });

  test('text without spaces is cut into words by Intl.Segmenter', () => {
    const terms = tokenize('我们在北京学习中文');
    expect(terms.length).toBeGreaterThan(1);
    expect(terms.join('')).toBe('我们在北京学习中文');
  });

  test('offsets point at the words in the original text', () => {
    const text = 'Le café “Zürich”, 1990.';
    const spans: string[] = [];
    forEachTerm(text, (_term, start, end) => spans.push(text.slice(start, end)));
    expect(spans).toEqual(['Le', 'café', 'Zürich', '1990']);
  });

  test('very long words are cut', () => {
    const long = 'a'.repeat(100);
    expect(tokenize(`${long} B${long}`)).toEqual([
      'a'.repeat(MAX_TERM_LENGTH),
      'b' + 'a'.repeat(MAX_TERM_LENGTH - 1),
    ]);
  });
});

describe('parseQuery', () => {
  test('the last word is a prefix while it is typed', () => {
    expect(parseQuery('Russian imp')).toEqual([
      { term: 'russian', prefix: false },
      { term: 'imp', prefix: true },
    ]);
  });

  test('a space or punctuation after the last word finishes it', () => {
    expect(parseQuery('russian ')).toEqual([{ term: 'russian', prefix: false }]);
    expect(parseQuery('russian,')).toEqual([{ term: 'russian', prefix: false }]);
  });

  test('a repeated word counts once, exact when any occurrence is', () => {
    expect(parseQuery('war war')).toEqual([{ term: 'war', prefix: false }]);
    expect(parseQuery('  ')).toEqual([]);
  });
});
