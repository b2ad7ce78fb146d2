/**
 * Strict date parsing for page metadata. Output is always ISO 8601 with seconds and an explicit
 * offset (`2015-11-09T10:30:00+00:00`) or null: never an "Invalid Date", never a guess from a
 * lenient `Date.parse` ("yesterday", "2015-13-45", "1" are all rejected).
 *
 * Rules: a date without a time is read as midnight; a time without an offset as UTC; `Z` is
 * written `+00:00`; fractions of a second are dropped. English, French, German and Spanish month
 * names are understood in "9 November 2015" / "November 9, 2015" forms.
 */

const MONTHS: Record<string, number> = {};
[
  ['january', 'jan', 'janvier', 'janv', 'januar', 'jänner', 'enero', 'ene'],
  ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'februar', 'febrero'],
  ['march', 'mar', 'mars', 'märz', 'maerz', 'marzo'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr'],
  ['may', 'mai', 'mayo'],
  ['june', 'jun', 'juin', 'juni', 'junio'],
  ['july', 'jul', 'juillet', 'juil', 'juli', 'julio'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre'],
  ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'décembre', 'decembre', 'déc', 'dezember', 'dez', 'diciembre', 'dic'],
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
  `^(?:[\\p{L}]+\\.?,?\\s+)?(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?${MONTH_WORD}\\s+(?:de\\s+)?(\\d{4})`,
  'iu',
);
const MONTH_DAY_YEAR = new RegExp(
  `^(?:[\\p{L}]+\\.?,?\\s+)?${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`,
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

/** The first candidate that parses (`parseDate`), in the order given; null when none does. */
export function firstDate(candidates: Iterable<string | null | undefined>): string | null {
  for (const candidate of candidates) {
    const parsed = parseDate(candidate);
    if (parsed) return parsed;
  }
  return null;
}
