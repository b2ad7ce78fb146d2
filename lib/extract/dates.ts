// Long file: dates in 13 languages: the month and word tables are most of it.
/**
 * Strict date parsing for page metadata. Output is always ISO 8601 with seconds and an explicit
 * offset (`2015-11-09T10:30:00+00:00`) or null: never an "Invalid Date", never a guess from a
 * lenient `Date.parse` ("yesterday", "2015-13-45", "1" are all rejected).
 *
 * Rules: a date without a time is read as midnight; a time without an offset as UTC; `Z` is
 * written `+00:00`; fractions of a second are dropped. English, French, German and Spanish month
 * names are understood in "9 November 2015" / "November 9, 2015" forms.
 */

import { parseUrl } from './resolve-url';

const MONTHS: Record<string, number> = {};
// English, French, German, Spanish, Italian, Portuguese, Dutch, Swedish/Danish/Norwegian, Finnish,
// and the genitive forms Polish, Russian and Ukrainian write after a day ("3 марта 2014").
[
  [
    'january',
    'jan',
    'janvier',
    'janv',
    'januar',
    'jänner',
    'jän',
    'enero',
    'ene',
    'gennaio',
    'gen',
    'janeiro',
    'januari',
    'tammikuuta',
    'stycznia',
    'января',
    'янв',
    'січня',
  ],
  [
    'february',
    'feb',
    'février',
    'fevrier',
    'févr',
    'fevr',
    'februar',
    'febrero',
    'febbraio',
    'fevereiro',
    'fev',
    'februari',
    'helmikuuta',
    'lutego',
    'февраля',
    'фев',
    'лютого',
  ],
  [
    'march',
    'mar',
    'mars',
    'märz',
    'maerz',
    'mär',
    'marzo',
    'março',
    'marco',
    'maart',
    'mrt',
    'maaliskuuta',
    'marca',
    'марта',
    'мар',
    'березня',
  ],
  [
    'april',
    'apr',
    'avril',
    'avr',
    'abril',
    'abr',
    'aprile',
    'huhtikuuta',
    'kwietnia',
    'апреля',
    'апр',
    'квітня',
  ],
  [
    'may',
    'mai',
    'mayo',
    'maggio',
    'mag',
    'maio',
    'mei',
    'maj',
    'toukokuuta',
    'maja',
    'мая',
    'травня',
  ],
  [
    'june',
    'jun',
    'juin',
    'juni',
    'junio',
    'giugno',
    'giu',
    'junho',
    'kesäkuuta',
    'czerwca',
    'июня',
    'июн',
    'червня',
  ],
  [
    'july',
    'jul',
    'juillet',
    'juil',
    'juli',
    'julio',
    'luglio',
    'lug',
    'julho',
    'heinäkuuta',
    'lipca',
    'июля',
    'июл',
    'липня',
  ],
  [
    'august',
    'aug',
    'août',
    'aout',
    'agosto',
    'ago',
    'augustus',
    'augusti',
    'elokuuta',
    'sierpnia',
    'августа',
    'авг',
    'серпня',
  ],
  [
    'september',
    'sep',
    'sept',
    'septembre',
    'septiembre',
    'setiembre',
    'settembre',
    'set',
    'setembro',
    'syyskuuta',
    'września',
    'сентября',
    'сен',
    'вересня',
  ],
  [
    'october',
    'oct',
    'octobre',
    'oktober',
    'okt',
    'octubre',
    'ottobre',
    'ott',
    'outubro',
    'out',
    'lokakuuta',
    'października',
    'октября',
    'окт',
    'жовтня',
  ],
  [
    'november',
    'nov',
    'novembre',
    'noviembre',
    'novembro',
    'marraskuuta',
    'listopada',
    'ноября',
    'ноя',
    'листопада',
  ],
  [
    'december',
    'dec',
    'décembre',
    'decembre',
    'déc',
    'dezember',
    'dez',
    'diciembre',
    'dic',
    'dicembre',
    'dezembro',
    'joulukuuta',
    'grudnia',
    'декабря',
    'дек',
    'грудня',
  ],
].forEach((names, index) => {
  for (const name of names) MONTHS[name] = index + 1;
});

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Offset in minutes east of UTC. */
  offset: number;
}

function format(parts: Parts): string | null {
  const { year, month, day, hour, minute, second, offset } = parts;
  if (year < 1000 || year > 9999) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (Math.abs(offset) > 14 * 60) return null;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function parseOffset(text: string | undefined): number | null {
  if (!text || /^z$/i.test(text)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? '0');
  if (Number(match[3] ?? '0') > 59) return null;
  return match[1] === '-' ? -minutes : minutes;
}

function fromIsoMatch(match: RegExpExecArray): string | null {
  const offset = parseOffset(match[7]);
  if (offset === null) return null;
  return format({
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4] ?? '0'),
    minute: Number(match[5] ?? '0'),
    second: Number(match[6] ?? '0'),
    offset,
  });
}

const TIME_RE = /(?:,?\s*(?:at|à|um|a las)?\s*(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*(am|pm)?)?/i;
const ZONE_RE = /(?:\s*(?:(?:utc|gmt)\s*([+-]\d{1,2}(?::?\d{2})?)?|z|([+-]\d{2}:?\d{2})))?\s*$/i;
const MONTH_WORD = '([\\p{L}]+)\\.?';
const DAY_MONTH_YEAR = new RegExp(
  `^(?:[\\p{L}]+\\.?,?\\s+)?(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?\\s*(?:de\\s+)?${MONTH_WORD},?\\s+(?:de[l]?\\s+)?(\\d{4})(?:\\s*(?:г\\.|р\\.|r\\.)|(?!\\d))`,
  'iu',
);
const MONTH_DAY_YEAR = new RegExp(
  `^(?:[\\p{L}]+\\.?,?\\s+)?${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
  'iu',
);

function fromWords(text: string): string | null {
  let year: number;
  let month: number | undefined;
  let day: number;
  let match = DAY_MONTH_YEAR.exec(text);
  if (match) {
    day = Number(match[1]);
    month = MONTHS[match[2]!.toLowerCase()];
    year = Number(match[3]);
  } else {
    match = MONTH_DAY_YEAR.exec(text);
    if (!match) return null;
    month = MONTHS[match[1]!.toLowerCase()];
    day = Number(match[2]);
    year = Number(match[3]);
  }
  if (month === undefined) return null;
  const rest = text.slice(match[0].length);
  const time = new RegExp('^' + TIME_RE.source + ZONE_RE.source, 'i').exec(rest);
  if (!time) return null;
  let hour = Number(time[1] ?? '0');
  const minute = Number(time[2] ?? '0');
  const second = Number(time[3] ?? '0');
  const meridiem = time[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  let offset: number | null = 0;
  const zone = time[5] ?? time[6];
  if (zone) {
    const normalised = /^[+-]\d$/.test(zone) ? zone[0] + '0' + zone.slice(1) : zone;
    offset = parseOffset(/^[+-]\d{2}$/.test(normalised) ? normalised + ':00' : normalised);
  }
  if (offset === null) return null;
  return format({ year, month, day, hour, minute, second, offset });
}

/**
 * Parses one date string from page metadata. Returns `YYYY-MM-DDTHH:MM:SS±HH:MM` or null when the
 * text is not a real calendar date in a recognised form.
 */
export function parseDate(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  const text = input.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 80) return null;
  const iso = ISO_RE.exec(text) ?? COMPACT_RE.exec(text);
  if (iso) return fromIsoMatch(iso);
  return fromWords(text);
}

/**
 * The first candidate that parses (`parseDate`) and is not in the future, in the order given; null
 * when none does. A page's date in the future is a template's placeholder or a typo.
 */
export function firstDate(
  candidates: Iterable<string | null | undefined>,
  now = Date.now(),
): string | null {
  for (const candidate of candidates) {
    const parsed = parseDate(candidate);
    if (parsed && !isFuture(parsed, now)) return parsed;
  }
  return null;
}

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** Day-month-year and month-day-year in words, numeric D.M.YYYY, ISO and slashed dates in prose. */
const TEXT_DATE_RE = new RegExp(
  [
    `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?\\s*(?:de\\s+)?(${MONTH_NAMES})\\.?,?\\s+(?:de[l]?\\s+)?(\\d{4})(?!\\d)`,
    `(?<!\\p{L})(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
    // Not "28.09.1912:44": a two-digit year glued to a clock.
    `(?<![\\d.])(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})(?![\\d.]\\d|:\\d)`,
    `(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])`,
    `(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\d/])`,
    // "31.10.23", and "28.09.19" glued to its clock ("28.09.1912:44"); not a version ("1.2.10.5").
    `(?<![\\p{L}\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2})(?:(?=\\d{1,2}:\\d{2})|(?!\\d|\\.\\d))`,
  ].join('|'),
  'giu',
);

function day(year: number, month: number | undefined, date: number): string | null {
  if (month === undefined) return null;
  return format({ year, month, day: date, hour: 0, minute: 0, second: 0, offset: 0 });
}

/** The year a two-digit year means: this century's unless that is more than a year ahead. */
function fullYear(twoDigits: number, now = new Date()): number {
  const year = 2000 + twoDigits;
  return year > now.getUTCFullYear() + 1 ? year - 100 : year;
}

/** A slashed date: day first unless the first number cannot be a day's or the page is American. */
function slashed(a: number, b: number, year: number, monthFirst: boolean): string | null {
  if (a > 12) return day(year, b, a);
  if (b > 12) return day(year, a, b);
  return monthFirst ? day(year, a, b) : day(year, b, a);
}

/**
 * Every calendar date written in a piece of prose ("am 2. August 2019", "le 3 mars 2014",
 * "02.08.2019", "August 2, 2019", "3 марта 2014 г."), in order, as midnight UTC. `lang` decides
 * whether "08/02/2019" is in August (`en-US`) or in February (anywhere else).
 */
export function datesInText(text: string, lang: string | null = null): string[] {
  const monthFirst = /^en-us$/i.test(lang ?? '');
  const out: string[] = [];
  for (const m of text.matchAll(TEXT_DATE_RE)) {
    const n = (i: number) => Number(m[i]);
    const month = (i: number) => MONTHS[m[i]!.toLowerCase()];
    const found = m[1]
      ? day(n(3), month(2), n(1))
      : m[4]
        ? day(n(6), month(4), n(5))
        : m[7]
          ? day(n(9), n(8), n(7))
          : m[10]
            ? day(n(10), n(11), n(12))
            : m[13]
              ? slashed(n(13), n(14), n(15), monthFirst)
              : day(fullYear(n(18)), n(17), n(16));
    if (found) out.push(found);
  }
  return out;
}

/** The date a URL's path spells out (`/2019/08/02/`, `/2019-08-02-title`, `/20190802/`,
 * `/29-10-2021`, `/08112021-title`), or null. */
export function dateFromUrl(url: string): string | null {
  const path = parseUrl(url)?.pathname;
  if (!path) return null;
  const end = '(?:[/\\-_.]|$)';
  const yearFirst =
    new RegExp(`/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})${end}`).exec(path) ??
    new RegExp(`/((?:19|20)\\d{2})(\\d{2})(\\d{2})${end}`).exec(path);
  if (yearFirst) return day(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  const dayFirst =
    new RegExp(`/(\\d{2})-(\\d{2})-((?:19|20)\\d{2})${end}`).exec(path) ??
    new RegExp(`/(\\d{2})(\\d{2})((?:19|20)\\d{2})${end}`).exec(path);
  return dayFirst ? day(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])) : null;
}

/** True when `iso` is later than `now` by more than a day (time zones aside, a future date). */
function isFuture(iso: string, now = Date.now()): boolean {
  return Date.parse(iso) > now + 24 * 3600 * 1000;
}

/** `iso` (from `parseDate`) as the same instant in an offset of `minutes` east of UTC. */
function withOffset(iso: string, minutes: number): string {
  const local = new Date(Date.parse(iso) + minutes * 60_000);
  return (
    format({
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      offset: minutes,
    }) ?? iso
  );
}

/**
 * `iso` written in the offset of `other` (both from `parseDate`): a page that gives one date in UTC
 * and another in its own offset means the same clock, and the day a reader sees is the local one.
 */
export function inOffsetOf(iso: string, other: string): string {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(other.slice(19));
  if (!match) return iso;
  return withOffset(iso, (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])));
}

/**
 * A UTC instant on the day the page prints beside it: a page stamped "2022-05-04T02:41:00Z" that
 * shows "3 May 2022" was published on the 3rd where it was written. The instant stays; its offset
 * becomes the smallest whole hours that put its clock on that day. A date without a clock
 * (midnight UTC) or in an offset of its own is left as it is.
 */
export function onShownDay(iso: string, shownDays: readonly string[]): string {
  if (!iso.endsWith('+00:00') || iso.includes('T00:00:00')) return iso;
  const days = new Set(shownDays.map((shown) => shown.slice(0, 10)));
  if (days.has(iso.slice(0, 10))) return iso;
  const hour = Number(iso.slice(11, 13));
  for (const hours of [-(hour + 1), 24 - hour]) {
    if (Math.abs(hours) > 12) continue;
    const shifted = withOffset(iso, hours * 60);
    if (days.has(shifted.slice(0, 10))) return shifted;
  }
  return iso;
}
