import { describe, expect, it } from 'vitest';
import {
  countWords,
  foldKey,
  normaliseText,
  sha256Hex,
  uniqueFolded,
} from '../../../lib/extract/text';

describe('text helpers', () => {
  it('counts words in several scripts', () => {
    expect(countWords('The workers are not fighting.')).toBe(5);
    expect(countWords('  Über   die Bergleute — im Donbas!  ')).toBe(5);
    expect(countWords('Рабочие не воюют.')).toBe(3);
    expect(countWords('')).toBe(0);
    expect(countWords('— … !')).toBe(0);
    expect(countWords('我们支持乌克兰工人')).toBeGreaterThan(1);
  });

  it('hashes UTF-8 text with SHA-256', async () => {
    expect(await sha256Hex('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex('é')).not.toBe(await sha256Hex('e'));
  });

  it('normalises paragraphs and whitespace', () => {
    expect(normaliseText('  One\u00a0 two \n three\n\n\n\n Four  ')).toBe('One two three\n\nFour');
  });

  it('folds case, accents and spacing for comparison only', () => {
    expect(foldKey('  Éditions   Québec ')).toBe('editions quebec');
    expect(uniqueFolded(['Crimée', 'CRIMEE', 'Kyiv', ''])).toEqual(['Crimée', 'Kyiv']);
  });
});
