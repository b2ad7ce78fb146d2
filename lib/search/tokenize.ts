/**
 * Words of a text as search terms, folded exactly as tag keys are (`tagKey`): case, accents on
 * Latin and Greek letters, compatibility forms (ﬁ, full-width letters), German ß → ss. Letters of
 * other scripts are kept as they are (Russian й stays й). Words are runs of letters, digits and
 * marks; punctuation separates words (so "don't" is "don" + "t", as in tag keys). Runs written
 * without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) are cut into words by
 * `Intl.Segmenter`, only there: everywhere else a regular expression is many times faster.
 */
import { tagKey } from '../tags/normalize';

/** Longer words are cut to this many characters, in the index and in queries alike. */
export const MAX_TERM_LENGTH = 40;

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const NO_SPACE_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

// What each UTF-16 code unit is, learnt on first sight (a regular expression per character is
// slow; a table look-up is not): word characters are letters, digits and marks of any script.
const UNKNOWN = 0;
const SEPARATOR = 1;
const ASCII_LOWER = 2;
const ASCII_UPPER = 3;
const OTHER_WORD = 4;
const SURROGATE = 5;
const kinds = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) {
  kinds[c] =
    (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)
      ? ASCII_LOWER
      : c >= 0x41 && c <= 0x5a
        ? ASCII_UPPER
        : SEPARATOR;
}
for (let c = 0xd800; c <= 0xdfff; c++) kinds[c] = SURROGATE;

function kindOf(code: number): number {
  let kind = kinds[code]!;
  if (kind === UNKNOWN) {
    kind = WORD_CHAR.test(String.fromCharCode(code)) ? OTHER_WORD : SEPARATOR;
    kinds[code] = kind;
  }
  return kind;
}

/** Length (1 or 2 code units) of the word character at `i`, or 0 when it is not one. */
function astralWordLength(text: string, i: number): number {
  const code = text.codePointAt(i)!;
  if (code <= 0xffff) return 0; // a lone surrogate
  return WORD_CHAR.test(String.fromCodePoint(code)) ? 2 : 0;
}

let segmenter: Intl.Segmenter | undefined;

const folded = new Map<string, string[]>();
const FOLD_CACHE_MAX = 50_000;

/** The terms of one non-ASCII run of letters (usually one; compatibility forms may split it). */
function foldRun(raw: string): string[] {
  let terms = folded.get(raw);
  if (terms === undefined) {
    terms = tagKey(raw)
      .split(' ')
      .filter((t) => t !== '')
      .map((t) => t.slice(0, MAX_TERM_LENGTH));
    if (folded.size >= FOLD_CACHE_MAX) folded.clear();
    folded.set(raw, terms);
  }
  return terms;
}

function visitRun(
  text: string,
  start: number,
  end: number,
  visit: (term: string, start: number, end: number) => void,
): void {
  const raw = text.slice(start, end);
  if (NO_SPACE_SCRIPTS.test(raw)) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const part of segmenter.segment(raw)) {
      if (part.isWordLike === false) continue;
      const from = start + part.index;
      for (const term of foldRun(part.segment)) visit(term, from, from + part.segment.length);
    }
  } else {
    for (const term of foldRun(raw)) visit(term, start, end);
  }
}

/** FNV-1a over UTF-16 code units: how the indexer's dictionary hashes terms. */
export const HASH_SEED = 0x811c9dc5;
export const HASH_PRIME = 0x01000193;

/**
 * The words of `text`, in order, without making strings for plain ASCII words: `ascii(start,
 * end, hash, upper)` gets the span of a word of ASCII letters and digits (its term is the span
 * lower-cased and cut to MAX_TERM_LENGTH; `hash` is that term's FNV-1a hash; `upper`: it has
 * capitals); `other(term, start, end)` gets the folded terms of any other word. The indexer uses
 * this to look terms up without allocating.
 */
export function scanTerms(
  text: string,
  ascii: (start: number, end: number, hash: number, upper: boolean) => void,
  other: (term: string, start: number, end: number) => void,
): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    let kind = kinds[code]!;
    if (kind === UNKNOWN) kind = kindOf(code);
    if (kind === SEPARATOR || (kind === SURROGATE && astralWordLength(text, i) === 0)) {
      i++;
      continue;
    }
    const start = i;
    const hashEnd = start + MAX_TERM_LENGTH;
    let hash = HASH_SEED;
    let upper = false;
    let plain = true;
    while (i < n) {
      code = text.charCodeAt(i);
      kind = kinds[code]!;
      if (kind === ASCII_LOWER) {
        if (i < hashEnd) hash = Math.imul(hash ^ code, HASH_PRIME);
        i++;
      } else if (kind === ASCII_UPPER) {
        if (i < hashEnd) hash = Math.imul(hash ^ (code + 0x20), HASH_PRIME);
        upper = true;
        i++;
      } else {
        if (kind === UNKNOWN) kind = kindOf(code);
        if (kind === OTHER_WORD) {
          plain = false;
          i++;
        } else if (kind === SURROGATE) {
          const length = astralWordLength(text, i);
          if (length === 0) break;
          plain = false;
          i += length;
        } else break;
      }
    }
    if (plain) ascii(start, i, hash, upper);
    else visitRun(text, start, i, other);
  }
}

/**
 * Calls `visit(term, start, end)` for every word of `text`, in order; `start`/`end` are UTF-16
 * offsets of the word in `text` (a word that folds to several terms reports its span each time).
 */
export function forEachTerm(
  text: string,
  visit: (term: string, start: number, end: number) => void,
): void {
  scanTerms(
    text,
    (start, end, _hash, upper) => {
      const raw = text.slice(start, Math.min(end, start + MAX_TERM_LENGTH));
      visit(upper ? raw.toLowerCase() : raw, start, end);
    },
    visit,
  );
}

/** The terms of `text`, in order, repeats included. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(text, (term) => terms.push(term));
  return terms;
}

/** One word of a query: its term, and whether it is matched as a prefix (the word being typed). */
export interface QueryWord {
  term: string;
  prefix: boolean;
}

/** At most this many words of a query are used (the first ones and the one being typed). */
export const MAX_QUERY_WORDS = 12;

/**
 * The words of a query as typed. Every word must match; the last one is matched as a prefix
 * unless the query ends with a space or punctuation (the word is finished). A word given twice
 * counts once (exact if any of its occurrences is).
 */
export function parseQuery(query: string): QueryWord[] {
  const terms: string[] = [];
  let lastEnd = 0;
  forEachTerm(query, (term, _start, end) => {
    terms.push(term);
    lastEnd = end;
  });
  const words: QueryWord[] = [];
  terms.forEach((term, i) => {
    const prefix = i === terms.length - 1 && lastEnd === query.length;
    const seen = words.find((w) => w.term === term);
    if (seen) seen.prefix &&= prefix;
    else words.push({ term, prefix });
  });
  if (words.length <= MAX_QUERY_WORDS) return words;
  return [...words.slice(0, MAX_QUERY_WORDS - 1), words[words.length - 1]!];
}
