import { describe, expect, test } from 'vitest';
import {
  cleanTagName,
  preferKnownSpelling,
  spellingsOf,
  tagKey,
  tagSlug,
  uniqueTagNames,
} from '../../../lib/tags/normalize';

describe('tagKey', () => {
  test.each([
    ['Kagarlitsky', 'kagarlitsky'],
    ['  KAGARLITSKY ', 'kagarlitsky'],
    ['Solidarité–S', 'solidarite s'],
    ['Russian  imperialism', 'russian imperialism'],
    ['Left-debates', 'left debates'],
    ['Straße', 'strasse'],
    ['Ḱ̈ó', 'ko'],
    ['Ἀθῆναι', 'αθηναι'],
    ['Йошкар-Ола', 'йошкар ола'],
    ['Кагарлицкий', 'кагарлицкий'],
    ['#!?', ''],
  ])('%s → %s', (name, key) => {
    expect(tagKey(name)).toBe(key);
  });

  test('keeps different scripts apart', () => {
    expect(tagKey('Кагарлицкий')).not.toBe(tagKey('Kagarlitsky'));
  });
});

describe('tag names', () => {
  test('cleanTagName collapses whitespace and trims', () => {
    expect(cleanTagName('  Boris \n Kagarlitsky\t')).toBe('Boris Kagarlitsky');
  });
  test('uniqueTagNames drops empties and key duplicates, keeping the first spelling', () => {
    expect(uniqueTagNames(['Syria', 'syria ', '', '  ', 'Far right', 'FAR-RIGHT'])).toEqual([
      'Syria',
      'Far right',
    ]);
  });
  test('preferKnownSpelling uses the spelling of tags already in use', () => {
    expect(
      preferKnownSpelling(['russian imperialism', 'New theme'], ['Russian imperialism']),
    ).toEqual(['Russian imperialism', 'New theme']);
  });
  test('preferKnownSpelling shows another spelling as the tag it files under', () => {
    const spellings = spellingsOf([
      { name: 'Boris Kagarlitsky', aliasKeys: ['b kagarlitsky', 'борис кагарлицкий'] },
    ]);
    expect(
      preferKnownSpelling(
        ['B. KAGARLITSKY', 'Борис Кагарлицкий', 'Boris Kagarlitsky', 'constructor'],
        ['Boris Kagarlitsky'],
        spellings,
      ),
    ).toEqual(['Boris Kagarlitsky', 'constructor']);
  });
  test('tagSlug is safe for file names and Obsidian tags', () => {
    expect(tagSlug('Russian imperialism (2014–)')).toBe('russian-imperialism-2014');
  });
});
