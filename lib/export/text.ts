/** Small text helpers shared by the exporters. Pure: no DOM, no extension APIs. */

/**
 * The string with lone surrogates (half an emoji, cut mid-way) replaced by U+FFFD, which is what
 * any UTF-8 encoder writes for them anyway: exporters use it so that what they measure, escape and
 * compare is what ends up in the file.
 */
export function wellFormed(text: string): string {
  // Fast path: most strings have no surrogates at all.
  if (!/[\uD800-\uDFFF]/.test(text)) return text;
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/** Line breaks of every kind (CRLF, CR, LF, NEL, LS, PS, VT, FF). */
// eslint-disable-next-line no-control-regex -- control characters are the point
export const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;

/** C0/C1 control characters other than tab and line breaks. */
// eslint-disable-next-line no-control-regex -- control characters are the point
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/** One line: every run of whitespace, line breaks and control characters becomes one space. */
export function oneLine(text: string): string {
  return wellFormed(text)
    .replace(CONTROLS, ' ')
    .replace(/[\s\u0085]+/g, ' ')
    .trim();
}

/** The text split into lines (any line break), control characters removed. */
export function lines(text: string): string[] {
  return wellFormed(text).replace(CONTROLS, '').split(LINE_BREAKS);
}

/** `2023-11-09` from an ISO date or date-time as written (the calendar date of its own offset). */
export function isoDay(date: string | null | undefined): string | null {
  if (!date) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** `[2023, 11, 9]` from an ISO date or date-time as written. */
export function dateParts(date: string | null | undefined): [number, number, number] | null {
  const day = isoDay(date);
  if (!day) return null;
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

/** A title to show: the piece's own, or its address when it has none. */
export function displayTitle(piece: { title: string; url: string }): string {
  return oneLine(piece.title) || oneLine(piece.url) || 'Untitled';
}

/** True for an absolute http(s) URL (the only ones exports turn into links). */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s/?#]+/i.test(url.trim());
}

/** `2025-05-01` (UTC) for file names. */
export function fileDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

const UTF8 = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return UTF8.encode(text);
}
