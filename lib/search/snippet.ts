/** A short window of a text around the words of a query, with their offsets, for the UI to mark. */
import { forEachTerm, type QueryWord } from './tokenize';

export interface Snippet {
  /** Plain text (never HTML); whitespace collapsed; "…" where the text was cut. */
  text: string;
  /** [start, end) UTF-16 offsets in `text` of each matched word, in order. */
  highlights: [number, number][];
}

/** Characters of a snippet, roughly (it is cut at word boundaries). */
export const SNIPPET_LENGTH = 180;
/** Characters shown before the first match, when the text is longer than the snippet. */
const LEAD = 40;

interface Match {
  start: number;
  end: number;
  word: number;
}

/**
 * Prefixes shorter than this complete only in titles and notes: in stored copies and quotes their
 * completions are a large share of the index, and the reader has barely started typing.
 */
export const MIN_BODY_PREFIX = 3;

/** Does `term` match the query word? Short prefixes only complete where `shortPrefixes`. */
export function matchesWord(term: string, word: QueryWord, shortPrefixes: boolean): boolean {
  if (term === word.term) return true;
  if (!word.prefix || (word.term.length < MIN_BODY_PREFIX && !shortPrefixes)) return false;
  return term.startsWith(word.term);
}

/**
 * The window of `text` with the most distinct query words (then the most matches), or null when
 * no word of the query is in `text`.
 */
export function makeSnippet(
  text: string,
  words: readonly QueryWord[],
  options: { length?: number; shortPrefixes?: boolean } = {},
): Snippet | null {
  const length = options.length ?? SNIPPET_LENGTH;
  const shortPrefixes = options.shortPrefixes ?? false;
  const matches: Match[] = [];
  forEachTerm(text, (term, start, end) => {
    for (let w = 0; w < words.length; w++) {
      if (matchesWord(term, words[w]!, shortPrefixes)) {
        if (matches.at(-1)?.start !== start) matches.push({ start, end, word: w });
        break;
      }
    }
  });
  if (matches.length === 0) return null;

  // Best window starting at a match: most distinct words, then most matches, then earliest.
  let best = 0;
  let bestDistinct = -1;
  let bestCount = -1;
  const seen = new Map<number, number>();
  let right = 0;
  for (let left = 0; left < matches.length; left++) {
    while (right < matches.length && matches[right]!.end - matches[left]!.start <= length - LEAD) {
      const w = matches[right]!.word;
      seen.set(w, (seen.get(w) ?? 0) + 1);
      right++;
    }
    const distinct = seen.size;
    const count = right - left;
    if (distinct > bestDistinct || (distinct === bestDistinct && count > bestCount)) {
      best = left;
      bestDistinct = distinct;
      bestCount = count;
    }
    const w = matches[left]!.word;
    const n = (seen.get(w) ?? 1) - 1;
    if (n <= 0) seen.delete(w);
    else seen.set(w, n);
    if (right === left) right++;
  }

  let from = 0;
  let to = text.length;
  if (text.length > length) {
    from = Math.max(0, matches[best]!.start - LEAD);
    to = Math.min(text.length, from + length);
    if (to === text.length) from = Math.max(0, to - length);
    // Cut at word boundaries: start after a space, end before one.
    if (from > 0) {
      const space = text.slice(from, matches[best]!.start).search(/\s/u);
      if (space >= 0) from += space + 1;
    }
    if (to < text.length) {
      const tail = text.slice(from, to);
      const space = tail.search(/\s\S*$/u);
      if (space > 0 && from + space > matches[best]!.end) to = from + space;
    }
  }

  // Collapse whitespace, keeping track of offsets.
  let out = from > 0 ? '…' : '';
  const at = new Int32Array(to - from + 1);
  let previousSpace = true;
  for (let i = from; i < to; i++) {
    at[i - from] = out.length;
    const ch = text[i]!;
    if (/\s/u.test(ch)) {
      if (!previousSpace) out += ' ';
      previousSpace = true;
    } else {
      out += ch;
      previousSpace = false;
    }
  }
  at[to - from] = out.length;
  out = out.trimEnd();
  const highlights: [number, number][] = [];
  for (const m of matches) {
    if (m.start >= from && m.end <= to) {
      highlights.push([at[m.start - from]!, Math.min(out.length, at[m.end - from]!)]);
    }
  }
  if (to < text.length) out += '…';
  return { text: out, highlights };
}
