import { describe, expect, it } from 'vitest';
import { firstDate, parseDate } from '../../../lib/extract/dates';

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
