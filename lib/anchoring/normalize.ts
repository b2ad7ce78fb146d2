/**
 * Character classes of the normalised text: what a reader sees. Shared by the DOM text index and by
 * `normalizeText`, which cleans selectors written by other tools the same way.
 */

/**
 * Collapsible whitespace: ASCII whitespace, `&nbsp;` and the other Unicode spaces. Every run of
 * them (across element boundaries too) becomes one U+0020.
 */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Characters a reader never sees: soft hyphen, zero-width space, word joiner, BOM. Dropped. */
export function isIgnorable(c: number): boolean {
  return c === 0xad || c === 0x200b || c === 0x2060 || c === 0xfeff;
}

/**
 * Matches a string that cannot be copied as is: whitespace other than single U+0020 spaces, or
 * ignorable characters. Most text nodes don't match, and skip the index builder's character loop.
 */
export const NEEDS_CLEANING =
  /[\t\n\v\f\r\u00a0\u00ad\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]| {2}/;

/**
 * Normalises a string the way the text index normalises a page: whitespace runs → one space,
 * invisible characters dropped. With `trim`, leading and trailing spaces go too (quotes are stored
 * trimmed; prefixes and suffixes keep the space that separates them from the quote).
 */
export function normalizeText(s: string, trim = false): string {
  let out = '';
  let pendingSpace = false;
  let runStart = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : -1;
    const plain = c >= 0 && !isSpace(c) && !isIgnorable(c);
    if (plain) {
      if (runStart < 0) {
        if (pendingSpace && (out.length > 0 || !trim)) out += ' ';
        pendingSpace = false;
        runStart = i;
      }
      continue;
    }
    if (runStart >= 0) {
      out += s.slice(runStart, i);
      runStart = -1;
    }
    if (c >= 0 && isSpace(c)) pendingSpace = true;
  }
  if (pendingSpace && !trim) out += ' ';
  return out;
}
