import { describe, expect, it } from 'vitest';
import {
  dateFromUrl,
  datesInText,
  firstDate,
  inOffsetOf,
  onShownDay,
  parseDate,
} from '../../../lib/extract/dates';

describe('parseDate', () => {
  it.each([
    ['2015-11-09T10:30:00+00:00', '2015-11-09T10:30:00+00:00'],
    ['2015-11-09T10:30:00Z', '2015-11-09T10:30:00+00:00'],
    ['2015-11-09T10:30:00.123-0500', '2015-11-09T10:30:00-05:00'],
    ['2015-11-09T10:30+05:30', '2015-11-09T10:30:00+05:30'],
    ['2015-11-09 10:30:00 +02:00', '2015-11-09T10:30:00+02:00'],
    ['2015-11-09T10:30:00', '2015-11-09T10:30:00+00:00'],
    ['2015-11-09', '2015-11-09T00:00:00+00:00'],
    ['20151109', '2015-11-09T00:00:00+00:00'],
    ['2016-02-29', '2016-02-29T00:00:00+00:00'],
    ['  9 November 2015 ', '2015-11-09T00:00:00+00:00'],
    ['November 9, 2015 at 3:05 pm', '2015-11-09T15:05:00+00:00'],
    ['Mon, 09 Nov 2015 10:30:00 GMT', '2015-11-09T10:30:00+00:00'],
    ['9 novembre 2015', '2015-11-09T00:00:00+00:00'],
    ['9. Februar 2015', '2015-02-09T00:00:00+00:00'],
    ['9 de noviembre de 2015', '2015-11-09T00:00:00+00:00'],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    '2015-13-45',
    '2015-13-45T25:61:00Z',
    '2015-02-29',
    '2015-02-30',
    '2015-11-09T24:00:00Z',
    '2015-11-09T10:30:00+25:00',
    '0000-00-00 00:00:00',
    'yesterday',
    'last Tuesday',
    'Invalid Date',
    'NaN',
    '1',
    '2015',
    '13 Smarch 2015',
    '',
    '   ',
    null,
    undefined,
  ])('rejects %j', (input) => {
    expect(parseDate(input as string | null | undefined)).toBeNull();
  });
});

describe('firstDate', () => {
  it('returns the first valid candidate', () => {
    expect(
      firstDate(['garbage', null, '2015-02-30', '2015-03-01T12:00:00+01:00', '2016-01-01']),
    ).toBe('2015-03-01T12:00:00+01:00');
    expect(firstDate(['yesterday', undefined])).toBeNull();
  });
});

describe('datesInText', () => {
  it.each([
    ['Veröffentlicht am 2. August 2019 um 10:00 Uhr', 'de'],
    ['Publié le 2 août 2019', 'fr'],
    ['Publicado el 2 de agosto de 2019', 'es'],
    ['Pubblicato il 2 agosto 2019', 'it'],
    ['Posted on August 2nd, 2019 by Jane', 'en'],
    ['2 серпня 2019 р.', 'uk'],
    ['Опубликовано 2 августа 2019 г.', 'ru'],
    ['Stand: 02.08.2019', 'de'],
    ['08/02/2019', 'en-US'],
    ['02/08/2019', 'en-GB'],
  ])('%j', (text, lang) => {
    expect(datesInText(text, lang)).toEqual(['2019-08-02T00:00:00+00:00']);
  });

  it('lists every date in order, and none that is not a calendar day', () => {
    expect(
      datesInText('3 March 2014 and 2014-03-16; 31.02.2014; version 1.2.2014.5; 45/13/2014'),
    ).toEqual(['2014-03-03T00:00:00+00:00', '2014-03-16T00:00:00+00:00']);
  });
});

describe('datesInText and clocks', () => {
  it('reads a two-digit year glued to a clock as that year, not as a year of four', () => {
    expect(datesInText('28.09.1912:44')).toEqual(['2019-09-28T00:00:00+00:00']);
    expect(datesInText('macbacchi28.09.1912:44')).toEqual([]);
    expect(datesInText('28.09.2019 12:44')).toEqual(['2019-09-28T00:00:00+00:00']);
  });

  it('reads day.month.two-digit-year as this century, or the last when that is ahead', () => {
    expect(datesInText('Von: Björn Jahner | 31.10.23')).toEqual(['2023-10-31T00:00:00+00:00']);
    expect(datesInText('Kultur, 2.11.22')).toEqual(['2022-11-02T00:00:00+00:00']);
    expect(datesInText('am 3.4.99 erschienen')).toEqual(['1999-04-03T00:00:00+00:00']);
  });

  it('does not read a version number as a date of a two-digit year', () => {
    expect(datesInText('Version 1.2.10.5, v2.1.10, 1.2.345 and 31.13.22')).toEqual([]);
  });
});

describe('onShownDay', () => {
  it('puts a UTC time on the day the page prints, keeping the instant', () => {
    const shown = ['2022-05-03T00:00:00+00:00'];
    const moved = onShownDay('2022-05-04T02:41:00+00:00', shown);
    expect(moved).toBe('2022-05-03T23:41:00-03:00');
    expect(Date.parse(moved)).toBe(Date.parse('2022-05-04T02:41:00Z'));
    expect(onShownDay('2021-11-04T23:00:00+00:00', ['2021-11-05T00:00:00+00:00'])).toBe(
      '2021-11-05T00:00:00+01:00',
    );
  });

  it('leaves the time alone when the page shows its UTC day, no day near it, or gives an offset', () => {
    expect(
      onShownDay('2022-05-04T02:41:00+00:00', [
        '2022-05-04T00:00:00+00:00',
        '2022-05-03T00:00:00+00:00',
      ]),
    ).toBe('2022-05-04T02:41:00+00:00');
    expect(onShownDay('2022-05-04T02:41:00+00:00', ['2022-04-01T00:00:00+00:00'])).toBe(
      '2022-05-04T02:41:00+00:00',
    );
    // Noon UTC is on the day before only 13 hours west: no place a page is written.
    expect(onShownDay('2023-11-06T12:00:00+00:00', ['2023-11-05T00:00:00+00:00'])).toBe(
      '2023-11-06T12:00:00+00:00',
    );
    expect(onShownDay('2022-05-04T02:41:00+02:00', ['2022-05-03T00:00:00+00:00'])).toBe(
      '2022-05-04T02:41:00+02:00',
    );
    // A day without a clock says nothing of its hour.
    expect(onShownDay('2022-05-04T00:00:00+00:00', ['2022-05-03T00:00:00+00:00'])).toBe(
      '2022-05-04T00:00:00+00:00',
    );
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['https://site.example/2019/08/02/a-reply/', '2019-08-02T00:00:00+00:00'],
    ['https://site.example/blog/2019-08-02-a-reply', '2019-08-02T00:00:00+00:00'],
    ['https://site.example/news/20190802/a-reply.html', '2019-08-02T00:00:00+00:00'],
    ['https://site.example/meldungen/02-08-2019', '2019-08-02T00:00:00+00:00'],
    ['https://site.example/aktuelles/02082019-fachtag', '2019-08-02T00:00:00+00:00'],
    ['https://site.example/aktuelles/31132019-fachtag', null],
    ['https://site.example/2019/08/a-reply/', null],
    ['https://site.example/2019/13/45/x', null],
    ['https://site.example/item/12345678/', null],
    ['not a url', null],
  ])('%s', (url, expected) => {
    expect(dateFromUrl(url)).toBe(expected);
  });
});

describe('firstDate and the future', () => {
  it('passes over dates after now', () => {
    const now = Date.parse('2020-01-01T00:00:00Z');
    expect(firstDate(['2999-01-01', '2019-12-31'], now)).toBe('2019-12-31T00:00:00+00:00');
    expect(firstDate(['2020-01-03'], now)).toBeNull();
  });
});

describe('inOffsetOf', () => {
  it('writes a UTC time in the offset of another date of the page', () => {
    expect(inOffsetOf('2022-05-04T02:41:00+00:00', '2022-05-05T10:00:00-04:00')).toBe(
      '2022-05-03T22:41:00-04:00',
    );
    expect(inOffsetOf('2021-11-04T23:00:00+00:00', '2021-11-06T08:00:00+01:00')).toBe(
      '2021-11-05T00:00:00+01:00',
    );
  });
});
