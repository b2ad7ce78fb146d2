/**
 * Links that scroll to a passage: URL text fragments (`#:~:text=`, WICG "Text Fragments").
 *
 * A passage keeps the fragment generated on the live page when there was one; otherwise one is
 * built from its quote. A text directive is `[prefix-,]start[,end][,-suffix]`, each part
 * percent-encoded (with `-`, `,` and `&` encoded, since they are the syntax). A part must match
 * whole words and may not run across a block (paragraph) boundary, so a short one-paragraph quote
 * is matched whole and a long or multi-paragraph one by its first and last words (`start,end`).
 */
import type { PassageRow } from '../model/records';
import { lines, oneLine, wellFormed } from './text';

/** Quotes up to this many characters (one paragraph) are matched whole. */
export const MAX_EXACT_CHARS = 300;
/** Words at each end of a `start,end` range. */
const EDGE_WORDS = 4;
/** Words of context (prefix, suffix) kept. */
const CONTEXT_WORDS = 3;
/** Characters at each end of a long quote written without spaces (Chinese, Japanese …). */
const EDGE_CHARS = 24;

/** Percent-encodes one part of a text directive (everything but letters, digits, `.` and `_`). */
export function encodeDirectivePart(text: string): string {
  return encodeURIComponent(wellFormed(text)).replace(
    /[-!'()*~]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const words = (text: string): string[] => text.split(' ').filter((w) => w !== '');

function firstChars(text: string, n: number): string {
  return Array.from(text).slice(0, n).join('').trim();
}

function lastChars(text: string, n: number): string {
  return Array.from(text).slice(-n).join('').trim();
}

interface QuoteContext {
  prefix?: string;
  suffix?: string;
}

/** The TextQuoteSelector's prefix and suffix, when the passage has one. */
export function quoteContext(selectors: readonly unknown[]): QuoteContext {
  for (const selector of selectors) {
    if (typeof selector !== 'object' || selector === null) continue;
    const s = selector as Record<string, unknown>;
    if (s.type !== 'TextQuoteSelector') continue;
    return {
      prefix: typeof s.prefix === 'string' ? s.prefix : undefined,
      suffix: typeof s.suffix === 'string' ? s.suffix : undefined,
    };
  }
  return {};
}

/**
 * The text directive (the part after `text=`) for a quote, or null for a quote with no text.
 * `context` (the TextQuoteSelector's prefix and suffix) disambiguates a quote that occurs more
 * than once, and completes a quote that starts or ends in the middle of a word.
 */
export function buildTextDirective(quote: string, context: QuoteContext = {}): string | null {
  const blocks = lines(quote)
    .map(oneLine)
    .filter((line) => line !== '');
  if (blocks.length === 0) return null;

  // Context in the same block as the quote: after the prefix's last line break, before the
  // suffix's first one.
  const prefixLines = context.prefix ? lines(context.prefix) : [];
  const suffixLines = context.suffix ? lines(context.suffix) : [];
  let before = prefixLines.length ? oneLine(prefixLines[prefixLines.length - 1]!) : '';
  let after = suffixLines.length ? oneLine(suffixLines[0]!) : '';
  const quoteLines = lines(quote);
  const touchesBefore = /^\S/.test(quoteLines[0] ?? '') && /\S$/.test(prefixLines.at(-1) ?? '');
  const touchesAfter = /\S$/.test(quoteLines.at(-1) ?? '') && /^\S/.test(suffixLines[0] ?? '');

  // A quote that starts or ends inside a word is widened to the whole word: text fragments only
  // match at word boundaries.
  let first = blocks[0]!;
  let last = blocks[blocks.length - 1]!;
  if (touchesBefore && WORD_CHAR.test(first[0] ?? '') && WORD_CHAR.test(before.at(-1) ?? '')) {
    const partial = /[\p{L}\p{N}\p{M}]+$/u.exec(before)![0];
    first = partial + first;
    if (blocks.length === 1) last = first;
    before = before.slice(0, -partial.length);
  }
  if (touchesAfter && WORD_CHAR.test(last.at(-1) ?? '') && WORD_CHAR.test(after[0] ?? '')) {
    const partial = /^[\p{L}\p{N}\p{M}]+/u.exec(after)![0];
    last = last + partial;
    if (blocks.length === 1) first = last;
    after = after.slice(partial.length);
  }

  let start: string;
  let end: string | null = null;
  if (blocks.length === 1 && first.length <= MAX_EXACT_CHARS) {
    start = first;
  } else {
    const headWords = words(first);
    const tailWords = words(last);
    const spaced =
      blocks.length > 1
        ? headWords.length > 1 && tailWords.length > 1
        : headWords.length >= 2 * EDGE_WORDS;
    if (spaced) {
      start = headWords.slice(0, EDGE_WORDS).join(' ');
      end = tailWords.slice(-EDGE_WORDS).join(' ');
    } else {
      start = headWords.length > 1 ? headWords[0]! : firstChars(first, EDGE_CHARS);
      end = tailWords.length > 1 ? tailWords[tailWords.length - 1]! : lastChars(last, EDGE_CHARS);
    }
  }

  // Context must itself start (prefix) or end (suffix) on a word boundary: a prefix that does not
  // begin at a line break may begin inside a word, so its first word is dropped (and likewise the
  // suffix's last word).
  const beforeWords = words(before);
  if (prefixLines.length === 1 && /^\S/.test(context.prefix ?? '')) beforeWords.shift();
  const afterWords = words(after);
  if (suffixLines.length === 1 && /\S$/.test(context.suffix ?? '')) afterWords.pop();
  const prefix = beforeWords.slice(-CONTEXT_WORDS).join(' ');
  const suffix = afterWords.slice(0, CONTEXT_WORDS).join(' ');

  return [
    prefix ? encodeDirectivePart(prefix) + '-' : null,
    encodeDirectivePart(start),
    end ? encodeDirectivePart(end) : null,
    suffix ? '-' + encodeDirectivePart(suffix) : null,
  ]
    .filter((part) => part !== null)
    .join(',');
}

/** Characters that may not appear raw in a URL fragment (WHATWG fragment percent-encode set). */
// eslint-disable-next-line no-control-regex -- control characters are the point
const NOT_IN_FRAGMENT = /[\u0000-\u0020"<>`#\u007f\s]/gu;

/**
 * The fragment directive (`text=…`, without `#:~:`) stored with a passage, in any of the forms
 * it may have been saved in (`#:~:text=…`, `:~:text=…`, `text=…` or the bare value).
 */
export function storedDirective(textFragment: string | null): string | null {
  if (!textFragment) return null;
  let value = wellFormed(textFragment).trim();
  if (value.startsWith('#')) value = value.slice(1);
  if (value.startsWith(':~:')) value = value.slice(3);
  if (value === '' || value === 'text=') return null;
  if (!/^text=/.test(value)) value = 'text=' + value;
  return value.replace(NOT_IN_FRAGMENT, (c) => encodeURIComponent(c));
}

/** The directive for a passage: its stored fragment, or one built from its quote. */
export function passageDirective(passage: PassageRow): string | null {
  const stored = storedDirective(passage.textFragment);
  if (stored) return stored;
  const built = buildTextDirective(passage.quote, quoteContext(passage.selectors));
  return built ? 'text=' + built : null;
}

/** `url` with a fragment directive added (after the page's own fragment, if it has one). */
export function withDirective(url: string, directive: string | null): string {
  if (!directive) return url;
  const hash = url.indexOf('#');
  if (hash === -1) return `${url}#:~:${directive}`;
  const existing = url.indexOf(':~:', hash);
  const base = existing === -1 ? url : url.slice(0, existing);
  return `${base}:~:${directive}`;
}

/** The link that opens the piece's page scrolled to the passage. */
export function passageUrl(pieceUrl: string, passage: PassageRow): string {
  return withDirective(pieceUrl, passageDirective(passage));
}
