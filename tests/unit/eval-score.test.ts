import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../bench/eval/language';
import { microPrf, sameDay, scorePage, setCounts, summarise } from '../../bench/eval/score';

describe('eval scoring', () => {
  it('compares names and themes case- and accent-folded', () => {
    expect(setCounts(['José Pérez', 'Ana'], ['jose perez', 'Luis'])).toEqual({
      tp: 1,
      fp: 1,
      fn: 1,
    });
  });

  it('counts a date on the labelled day in its own offset', () => {
    expect(sameDay('2019-10-16T23:30:00-05:00', '2019-10-16')).toBe(true);
    expect(sameDay('2019-10-17T01:00:00+00:00', '2019-10-16')).toBe(false);
    expect(sameDay(null, '2019-10-16')).toBe(false);
  });

  it('scores a page, leaving out the fields it does not label', () => {
    const score = scorePage(
      {
        title: 'Bohren,  bis es heiß wird',
        authors: ['Heike Buchter'],
        publishedTime: null,
        themes: [],
        text: 'a  b c',
      },
      {
        url: 'x',
        title: 'Bohren, bis es heiß wird',
        authors: ['Heike Buchter'],
        contentMustInclude: ['a b'],
        contentMustExclude: ['c'],
      },
    );
    expect(score).toEqual({
      title: true,
      authors: { tp: 1, fp: 0, fn: 0 },
      date: null,
      themes: null,
      mustInclude: { found: 1, total: 1 },
      mustExclude: { absent: 0, total: 1 },
    });
    const summary = summarise([score]);
    expect(summary.title).toEqual({ rate: 1, pages: 1 });
    expect(summary.date.pages).toBe(0);
    expect(summary.mustExclude).toBe(0);
  });

  it('micro-averages over pages', () => {
    const prf = microPrf([{ tp: 1, fp: 1, fn: 0 }, null, { tp: 1, fp: 0, fn: 2 }]);
    expect(prf).toMatchObject({ precision: 2 / 3, recall: 0.5, pages: 2 });
    expect(prf.f1).toBeCloseTo(4 / 7);
  });

  it('guesses the language from labelled text, then the declared one', () => {
    expect(
      guessLanguage(
        'Weltweit finanzieren Banken und Investoren, die dem Klima schaden, und es ist nicht',
        'en',
      ),
    ).toBe('de');
    expect(guessLanguage('Bohren', 'de-DE')).toBe('de');
    expect(guessLanguage('???', null)).toBe('other');
  });
});
