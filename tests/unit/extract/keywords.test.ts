import { describe, expect, it } from 'vitest';
import { mergeKeywords, splitKeywordList } from '../../../lib/extract/keywords';

describe('splitKeywordList', () => {
  it('splits on commas and semicolons and trims', () => {
    expect(splitKeywordList(' Ukraine,  left debates ;NATO,, ')).toEqual([
      'Ukraine',
      'left debates',
      'NATO',
    ]);
  });
});

describe('mergeKeywords', () => {
  it('keeps group order and the first spelling, ignoring case and accents', () => {
    expect(
      mergeKeywords([
        ['Crimée', 'Left debates'],
        ['crimee', 'LEFT DEBATES', 'Autodétermination'],
        ['Autodetermination', 'Syria'],
        ['  syria  ', 'Russian   imperialism'],
      ]),
    ).toEqual(['Crimée', 'Left debates', 'Autodétermination', 'Syria', 'Russian imperialism']);
  });

  it('drops empty, punctuation-only, URL and over-long entries', () => {
    expect(
      mergeKeywords([
        ['', '  ', '--', 'https://site.example/tag/x', 'x'.repeat(61), '#Ukraine', null, undefined],
      ]),
    ).toEqual(['Ukraine']);
  });

  it('keeps at most 60 suggestions', () => {
    const many = Array.from({ length: 80 }, (_, i) => `topic ${i}`);
    expect(mergeKeywords([many])).toHaveLength(60);
  });
});
