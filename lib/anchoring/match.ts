// Long file: one algorithm, fuzzy quote matching and its scoring, whose steps share their constants and types.
import search from 'approx-string-match';
import { GRAM, GramIndex } from './gram-index';
import { Pick, type Candidate, type Scored } from './pick';
import type { TextMatch } from './types';

/**
 * Finds a quote in a normalised text, or says honestly that it is not there.
 *
 * Order of attempts:
 * 1. `position`: the quote and its whole stored context stand verbatim at the recorded offset.
 * 2. `exact`: every verbatim occurrence of the quote (via the gram index), each scored on its
 *    context; the chosen one (see below) is taken at once when both context sides support it.
 * 3. `fuzzy`: approximate matches (Myers' bit-parallel algorithm from `approx-string-match`, with
 *    at most 25 % of the quote's length in edits) searched only in small windows: first around the
 *    recorded position and right after the stored prefix / before the stored suffix where these
 *    still stand; then, unless that gave a match supported on both sides, where many of the
 *    quote's 4-grams line up. The ends of each match are also re-cut to where the context starts.
 *    The chosen candidate of steps 2 and 3 wins. When it is an edited match but the quote stands
 *    intact over most of it, the answer is the intact quote (exact boundaries); otherwise its
 *    edges move to where the quote's own first / last 16 characters stand verbatim nearby.
 *
 * Choice (`pick.ts`): overlapping candidates are cuts of one place, and the cut with the fewest
 * edits (within 2, the one with more context) stands for it. Places are ranked by *evidence*:
 * quote and context similarity alone, without position — the recorded position shifts with any
 * text inserted before the passage, its context does not. Position only breaks a tie of evidence,
 * and only when one place is nearer the recorded position by more than the quote's length;
 * otherwise two equally good places make no anchor.
 *
 * A candidate's score (0..1), what the minimum score applies to, weighs how much of the quote,
 * the prefix and the suffix still match and how close it is to the recorded position. The quote's
 * share grows with its length (0.5 for ≤ 32 characters, 0.8 from 128: see `quoteShare`); the rest
 * is prefix 40 %, suffix 40 %, position 20 %. Evidence is the same without position (prefix and
 * suffix 50 % each, by edit distance only). Context similarity is measured by edit distance on the
 * characters right next to the candidate. Below the minimum score (default 0.7) a candidate is
 * rejected, and acceptance also follows rules that keep wrong anchors out:
 * - a context side *supports* a candidate when ≥ 80 % of it matches, or when its 12 characters
 *   next to the candidate match verbatim (a stored side shorter than 8 characters — the passage was
 *   near the edge of the text — must match exactly and still be at the edge);
 * - a verbatim quote needs one supporting side, unless it occurs only once in the page, it and the
 *   runs of ≥ 8 context characters still verbatim next to it are ≥ 40 characters long (CJK
 *   characters count three) and it still reaches the minimum score: a paragraph moved elsewhere
 *   keeps its anchor;
 * - an edited quote (fuzzy) needs ≥ 75 % similarity and support on both sides, or ≥ 90 %
 *   similarity and support on one side while the other side's stored context is *not* where the
 *   candidate stands (which is what a deleted passage looks like: its neighbour, similar to it, now
 *   follows its prefix);
 * - no edited quote is accepted on its words alone;
 * - a candidate that only one context side supports is rejected when the passage's prefix and
 *   suffix now stand side by side somewhere (the passage was cut out there: what one side still
 *   recognises is another occurrence of the same words, e.g. in a repeated list item);
 * - when a refused but plausible candidate elsewhere (≥ 75 % of the quote, one side supporting)
 *   has as much evidence as the chosen one, or a higher score, the page is ambiguous: no anchor.
 */

export interface QuoteToMatch {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface MatchOptions {
  /** Candidates scoring below this are rejected. Default 0.7. */
  minScore?: number;
}

export interface PositionHint {
  start: number;
  end: number;
}

/**
 * A context side next to a candidate: `raw` similarity (edit distance), `sim` the same raised to
 * support level when its characters nearest the passage hold, and whether it supports.
 */
interface SideMatch {
  raw: number;
  sim: number;
  supports: boolean;
}

export const DEFAULT_MIN_SCORE = 0.7;
/** Minimum similarity of an edited quote (1 - edits / quote length). */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Similarity an edited quote needs when only one context side supports it. */
export const ONE_SIDED_QUOTE_SIMILARITY = 0.9;
/** Context similarity for a side to count as support. */
export const SIDE_SUPPORT = 0.8;
/** Stored context sides shorter than this must match exactly, at the edge of the text. */
const SHORT_SIDE = 8;
/** A side also supports when this many of its characters next to the candidate match verbatim. */
export const ADJACENT_RUN = 12;
/** A verbatim quote at least this long that occurs once needs no context. */
export const UNIQUE_QUOTE_LENGTH = 40;

const CONTEXT_PREFIX = 0.4;
const CONTEXT_SUFFIX = 0.4;
const CONTEXT_POSITION = 0.2;

/** Exact candidates beyond this count are pre-filtered before their context is measured. */
const MANY_OCCURRENCES = 300;
/** Fuzzy search: budget of gram positions to vote with, and number of voted windows searched. */
const VOTE_BUDGET = 4000;
const MAX_VOTE_GRAMS = 24;
const MAX_VOTED_WINDOWS = 6;
const MAX_CONTEXT_WINDOWS = 6;
/** Fuzzy matches of longer quotes are not re-cut (the edit distance is quadratic). */
const MAX_REALIGN_LENGTH = 1500;
/** Characters of the quote's own edges that must stand verbatim for an edge to snap there. */
const SNAP_EDGE = 16;

/** A context side up to this long fits one 32-bit word of Myers' bit-parallel algorithm. */
const WORD = 32;
/**
 * Myers' match vectors, by UTF-16 code unit: bit `i` set where the pattern's `i`-th character is
 * that code unit. Filled for one pattern at a time and cleared after it.
 */
const PEQ = new Int32Array(0x10000);

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Edit distance between `pattern` and the text next to offset `at`, read outwards: before `at`
 * (the pattern's last character against `text[at - 1]`) or from `at` on. The far end is free, so
 * text inserted or removed away from the passage costs nothing beyond the pattern's length.
 */
export function sideDistance(text: string, at: number, pattern: string, before: boolean): number {
  const len = pattern.length;
  if (len === 0) return 0;
  if (before ? at >= len && text.startsWith(pattern, at - len) : text.startsWith(pattern, at)) {
    return 0;
  }
  const w = Math.min(len + (len >> 1) + 1, before ? at : text.length - at);
  return len <= WORD
    ? sideDistanceBits(text, at, pattern, before, w)
    : sideDistanceTable(text, at, pattern, before, w);
}

/**
 * `sideDistance` for a pattern of at most 32 characters, one text character per step (Myers'
 * algorithm in Hyyrö's form for an anchored start: the top row grows by one per text character).
 * `score` is the distance of the whole pattern to the text read so far; the answer is its minimum.
 */
function sideDistanceBits(
  text: string,
  at: number,
  pattern: string,
  before: boolean,
  w: number,
): number {
  const len = pattern.length;
  // Bit i: the pattern's i-th character counted outwards from the passage.
  for (let i = 0; i < len; i++) {
    PEQ[pattern.charCodeAt(before ? len - 1 - i : i)]! |= 1 << i;
  }
  const last = 1 << (len - 1);
  let pv = -1; // vertical deltas of the first column (distance i to the empty text): all +1
  let mv = 0;
  let score = len;
  let best = len;
  for (let j = 0; j < w; j++) {
    let eq = PEQ[before ? text.charCodeAt(at - 1 - j) : text.charCodeAt(at + j)]!;
    const xv = eq | mv;
    eq |= ((eq & pv) + pv) ^ pv;
    mv |= ~(eq | pv); // horizontal +1 deltas
    pv &= eq; // horizontal -1 deltas
    if (mv & last) score++;
    if (pv & last) score--;
    mv = (mv << 1) | 1;
    pv = (pv << 1) | ~(xv | mv);
    mv &= xv;
    if (score < best) best = score;
  }
  for (let i = 0; i < len; i++) PEQ[pattern.charCodeAt(i)] = 0;
  return best;
}

/** `sideDistance` for longer patterns: the dynamic-programming table, two rows at a time. */
function sideDistanceTable(
  text: string,
  at: number,
  pattern: string,
  before: boolean,
  w: number,
): number {
  const len = pattern.length;
  if (rowA.length < w + 1) {
    rowA = new Int32Array(w + 1);
    rowB = new Int32Array(w + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= w; j++) prev[j] = j;
  for (let i = 1; i <= len; i++) {
    const pc = before ? pattern.charCodeAt(len - i) : pattern.charCodeAt(i - 1);
    cur[0] = i;
    for (let j = 1; j <= w; j++) {
      const tc = before ? text.charCodeAt(at - j) : text.charCodeAt(at + j - 1);
      const sub = prev[j - 1]! + (pc === tc ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = len;
  for (let j = 0; j <= w; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/** Number of characters of `pattern` that match the text right next to `at`, verbatim. */
export function adjacentRun(text: string, at: number, pattern: string, before: boolean): number {
  const len = pattern.length;
  let k = 0;
  if (before) {
    while (k < len && k < at && text.charCodeAt(at - 1 - k) === pattern.charCodeAt(len - 1 - k))
      k++;
  } else {
    while (k < len && at + k < text.length && text.charCodeAt(at + k) === pattern.charCodeAt(k))
      k++;
  }
  return k;
}

/**
 * Length of a quote for the unique-quote rule, in "alphabetic characters": a CJK character carries
 * about as much as a short word, so kana, kanji and hangul count three.
 */
export function quoteWeight(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    w +=
      (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)
        ? 3
        : 1;
  }
  return w;
}

/**
 * Similarity (0..1) of a stored context side with the text next to `at`: 1 - edit distance /
 * length, but at least `SIDE_SUPPORT` when its `ADJACENT_RUN` characters nearest the passage match
 * verbatim (text inserted or deleted a little further out does not hide a context that holds).
 */
export function sideSimilarity(text: string, at: number, side: string, before: boolean): number {
  return supportedSimilarity(text, at, side, before, rawSimilarity(text, at, side, before));
}

/** 1 - edit distance / length of a stored context side against the text next to `at`. */
function rawSimilarity(text: string, at: number, side: string, before: boolean): number {
  return 1 - sideDistance(text, at, side, before) / side.length;
}

/** `raw` raised to `SIDE_SUPPORT` when the side's characters nearest the passage hold verbatim. */
function supportedSimilarity(
  text: string,
  at: number,
  side: string,
  before: boolean,
  raw: number,
): number {
  if (raw >= SIDE_SUPPORT) return raw;
  const run = adjacentRun(text, at, side, before);
  return run >= ADJACENT_RUN || run === side.length ? SIDE_SUPPORT : raw;
}

/**
 * Share of the score carried by the quote itself: 0.5 up to 32 (weighted) characters, rising to
 * 0.8 at 128 — a long quote speaks for itself, a short one needs its context. The rest goes to the
 * prefix (40 %), the suffix (40 %) and the position (20 %).
 */
export function quoteShare(weight: number): number {
  return 0.5 + 0.3 * Math.min(1, Math.max(0, (weight - 32) / 96));
}

export class TextMatcher {
  private gramIndex: GramIndex | null = null;
  /** Per `match` call: where the quote's prefix and suffix now stand side by side. */
  private junctions: Array<[number, number]> | undefined;
  /** Vote counts by diagonal bin, for `votedStarts` (≤ `MAX_VOTE_GRAMS` votes per bin). */
  private votes: Uint8Array | undefined;
  readonly minScore: number;

  constructor(
    readonly text: string,
    options: MatchOptions = {},
  ) {
    this.minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  }

  /** The 4-gram index, built on first use (a page whose passages all sit at their recorded positions never needs it). */
  get grams(): GramIndex {
    if (!this.gramIndex) this.gramIndex = new GramIndex(this.text);
    return this.gramIndex;
  }

  /**
   * Best acceptable match of `quote` (already normalised: see `normalizeText`), or `null`.
   * `hints` are recorded positions, most trusted first; the first one is used for scoring.
   */
  match(quote: QuoteToMatch, hints: PositionHint[] = []): TextMatch | null {
    const { exact } = quote;
    const m = exact.length;
    if (m === 0) return null;
    const text = this.text;
    this.junctions = undefined;

    // 1. At the recorded position, with the whole context verbatim.
    for (const hint of hints) {
      const at = hint.start;
      if (
        at >= 0 &&
        text.startsWith(exact, at) &&
        at >= quote.prefix.length &&
        text.startsWith(quote.prefix, at - quote.prefix.length) &&
        text.startsWith(quote.suffix, at + m)
      ) {
        return { start: at, end: at + m, method: 'position', score: 1, errors: 0 };
      }
    }
    const hint = hints[0];
    const weight = quoteWeight(exact);

    // 2. Verbatim occurrences.
    const everyOccurrence = this.grams.findAll(exact);
    const unique = everyOccurrence.length === 1;
    const occurrences =
      everyOccurrence.length > MANY_OCCURRENCES
        ? this.prefilter(everyOccurrence, quote, hint)
        : everyOccurrence;
    const exactPick = new Pick(MIN_QUOTE_SIMILARITY);
    for (const at of occurrences) {
      const c = this.score({ start: at, end: at + m, errors: 0 }, quote, weight, hint);
      exactPick.consider(c, this.acceptable(c, quote, weight, unique));
    }
    const bestExact = exactPick.decide(m);
    if (bestExact && bestExact.supports === 2) return result(bestExact, 'exact');

    // 3. Edited versions of the quote, near where it should be. Also when the verbatim candidate
    // has one supporting side only: the passage may have been edited in place while the same
    // words stand elsewhere (a repeated phrase), and the edited original then scores higher.
    const fuzzyPick = this.fuzzy(quote, weight, hint);
    const all = new Pick(MIN_QUOTE_SIMILARITY);
    all.merge(exactPick);
    all.merge(fuzzyPick);
    const best = all.decide(m);
    if (!best) return null;
    if (best.errors === 0) return result(best, 'exact');
    // The quote intact where the edited match stands: its boundaries are the quote's.
    const intact = everyOccurrence.find(
      (at) => Math.min(best.end, at + m) - Math.max(best.start, at) >= m / 2,
    );
    if (intact !== undefined) {
      const c = { start: intact, end: intact + m, errors: 0 };
      return result(this.score(c, quote, weight, hint), 'exact');
    }
    const snapped = this.snapEdges(best, exact);
    return result(snapped === best ? best : this.score(snapped, quote, weight, hint), 'fuzzy');
  }

  /**
   * An edited match with its edges moved to where the quote's own first and last characters
   * (16, or half a short quote) stand verbatim nearby: the cheapest alignment may cut across text
   * inserted inside the passage near an edge (an element between two of its paragraphs) and leave
   * the passage's real first or last words out. An edge moves only to the nearest such place, and
   * only while the edit distance stays within the budget.
   */
  private snapEdges(c: Candidate, exact: string): Candidate {
    const m = exact.length;
    const k = Math.min(SNAP_EDGE, Math.floor(m / 2));
    if (k < SHORT_SIDE || m > MAX_REALIGN_LENGTH) return c;
    const text = this.text;
    const headText = exact.slice(0, k);
    const tailText = exact.slice(m - k);
    // The usual edited match (a word changed inside) already has both edges: nothing to search.
    if (text.startsWith(headText, c.start) && text.startsWith(tailText, c.end - k)) return c;
    const maxErrors = Math.floor(m * (1 - MIN_QUOTE_SIMILARITY));
    const reach = maxErrors + SHORT_SIDE;
    /** The start of `needle` nearest `around` within the reach, or -1. */
    const nearest = (needle: string, around: number): number => {
      const lo = Math.max(0, around - reach);
      const hay = text.slice(lo, around + reach + needle.length);
      let best = -1;
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
        if (best < 0 || Math.abs(lo + at - around) < Math.abs(best - around)) best = lo + at;
      }
      return best;
    };
    const head = nearest(headText, c.start);
    const tail = nearest(tailText, c.end - k);
    const start = head >= 0 ? head : c.start;
    const end = tail >= 0 ? tail + k : c.end;
    if (start === c.start && end === c.end) return c;
    if (end - start < m - maxErrors || end - start > m + maxErrors) return c;
    const errors = editDistance(exact, text.slice(start, end), maxErrors);
    return errors <= maxErrors ? { start, end, errors } : c;
  }

  /** Keeps the occurrences whose nearest context characters agree, and those nearest the hint. */
  private prefilter(occurrences: number[], quote: QuoteToMatch, hint?: PositionHint): number[] {
    const text = this.text;
    const m = quote.exact.length;
    const p = quote.prefix.slice(-4);
    const s = quote.suffix.slice(0, 4);
    const keep = new Set<number>();
    for (const at of occurrences) {
      if (
        (p.length > 0 && at >= p.length && text.startsWith(p, at - p.length)) ||
        (s.length > 0 && text.startsWith(s, at + m))
      ) {
        keep.add(at);
      }
    }
    if (hint) {
      const near = [...occurrences].sort(
        (a, b) => Math.abs(a - hint.start) - Math.abs(b - hint.start),
      );
      for (const at of near.slice(0, 50)) keep.add(at);
    }
    return [...keep].sort((a, b) => a - b);
  }

  /** How a stored context side agrees with the text next to `at`, raw and as support. */
  private side(at: number, side: string, before: boolean): SideMatch {
    const text = this.text;
    if (side.length === 0) {
      // Nothing was stored on this side: the passage was at the edge of the text.
      const supports = before ? at === 0 : at === text.length;
      const sim = supports ? 1 : 0.5;
      return { raw: sim, sim, supports };
    }
    const raw = rawSimilarity(text, at, side, before);
    if (side.length < SHORT_SIDE) {
      const atEdge = before ? at === side.length : at + side.length === text.length;
      return { raw, sim: raw, supports: raw === 1 && atEdge };
    }
    const sim = supportedSimilarity(text, at, side, before, raw);
    return { raw, sim, supports: sim >= SIDE_SUPPORT };
  }

  private score(c: Candidate, quote: QuoteToMatch, weight: number, hint?: PositionHint): Scored {
    const n = this.text.length;
    const q = Math.max(0, 1 - c.errors / quote.exact.length);
    const prefix = this.side(c.start, quote.prefix, true);
    const suffix = this.side(c.end, quote.suffix, false);
    const distance = hint ? Math.abs(c.start - hint.start) : Infinity;
    const positionSim = hint ? 1 - Math.min(1, distance / Math.max(1, n)) : 0.5;
    const share = quoteShare(weight);
    const score =
      share * q +
      (1 - share) *
        (CONTEXT_PREFIX * prefix.sim +
          CONTEXT_SUFFIX * suffix.sim +
          CONTEXT_POSITION * positionSim);
    // Fields copied one by one: V8 builds `{ ...c, more }` on a slow path (microseconds each).
    return {
      start: c.start,
      end: c.end,
      errors: c.errors,
      score,
      evidence: share * q + (1 - share) * ((prefix.raw + suffix.raw) / 2),
      distance,
      quoteSim: q,
      supports: (prefix.supports ? 1 : 0) + (suffix.supports ? 1 : 0),
      prefixSupports: prefix.supports,
      suffixSupports: suffix.supports,
    };
  }

  /** The acceptance rules (see the module comment). `unique`: the only verbatim occurrence. */
  private acceptable(c: Scored, quote: QuoteToMatch, weight: number, unique: boolean): boolean {
    if (c.score < this.minScore) return false;
    const m = quote.exact.length;
    if (c.supports === 1 && this.closedGap(quote, c)) return false;
    if (c.errors === 0) {
      if (c.supports > 0) return true;
      if (!unique) return false;
      // The verbatim evidence: the quote and the context runs (≥ 8 characters) still next to it.
      const text = this.text;
      const runOrNone = (k: number): number => (k >= SHORT_SIDE ? k : 0);
      const before = runOrNone(adjacentRun(text, c.start, quote.prefix, true));
      const after = runOrNone(adjacentRun(text, c.end, quote.suffix, false));
      const evidence =
        weight +
        quoteWeight(quote.prefix.slice(quote.prefix.length - before)) +
        quoteWeight(quote.suffix.slice(0, after));
      return evidence >= UNIQUE_QUOTE_LENGTH;
    }
    const q = 1 - c.errors / m;
    if (q < MIN_QUOTE_SIMILARITY) return false;
    if (c.supports === 2) return true;
    if (c.supports === 0 || q < ONE_SIDED_QUOTE_SIMILARITY) return false;
    // One side supports: reject when the other side's stored context is right where the candidate
    // stands — the passage is gone and its (similar) neighbour took its place.
    const text = this.text;
    if (c.prefixSupports && quote.suffix.length >= SHORT_SIDE) {
      if (sideSimilarity(text, c.start, quote.suffix, false) >= SIDE_SUPPORT) return false;
    }
    if (c.suffixSupports && quote.prefix.length >= SHORT_SIDE) {
      if (sideSimilarity(text, c.end, quote.prefix, true) >= SIDE_SUPPORT) return false;
    }
    return true;
  }

  /**
   * Whether the passage was cut out of its place: the end of its prefix and the start of its
   * suffix (≥ 8 characters each) now stand side by side somewhere — elsewhere than around the
   * candidate itself (in a repeated list the quote may begin like its suffix). Then a candidate that
   * only one context side supports is another occurrence of the words, not the passage.
   */
  private closedGap(quote: QuoteToMatch, c: Candidate): boolean {
    if (this.junctions === undefined) {
      const found: Array<[number, number]> = [];
      const tail = quote.prefix.slice(-16);
      const head = quote.suffix.slice(0, 16);
      if (tail.trimStart().length >= SHORT_SIDE && head.trimEnd().length >= SHORT_SIDE) {
        const joined =
          tail.endsWith(' ') && head.startsWith(' ') ? tail + head.slice(1) : tail + head;
        const spaced = !tail.endsWith(' ') && !head.startsWith(' ') ? tail + ' ' + head : null;
        for (const j of [joined, spaced]) {
          if (j) for (const at of this.grams.findAll(j)) found.push([at, at + j.length]);
        }
      }
      this.junctions = found;
    }
    return this.junctions.some(([a, b]) => b <= c.start || a >= c.end);
  }

  private fuzzy(quote: QuoteToMatch, weight: number, hint?: PositionHint): Pick {
    const text = this.text;
    const n = text.length;
    const { exact, prefix, suffix } = quote;
    const m = exact.length;
    const maxErrors = Math.floor(m * (1 - MIN_QUOTE_SIMILARITY));
    const pick = new Pick(MIN_QUOTE_SIMILARITY);
    if (maxErrors < 1) return pick;
    const pad = maxErrors + 16;
    const searched: Array<[number, number]> = [];

    /** Runs the approximate search over the merged windows not searched yet. */
    const searchWindows = (windows: Array<[number, number]>): void => {
      const fresh = windows
        .map(([from, to]): [number, number] => [Math.max(0, from), Math.min(n, to)])
        .filter(([lo, hi]) => hi - lo >= m - maxErrors)
        .filter(([lo, hi]) => !searched.some(([a, b]) => a <= lo && hi <= b))
        .sort((x, y) => x[0] - y[0]);
      let i = 0;
      while (i < fresh.length) {
        const lo = fresh[i]![0];
        let hi = fresh[i]![1];
        i += 1;
        while (i < fresh.length && fresh[i]![0] <= hi) {
          hi = Math.max(hi, fresh[i]![1]);
          i += 1;
        }
        searched.push([lo, hi]);
        for (const found of search(text.slice(lo, hi), exact, maxErrors)) {
          const c = trimCandidate(text, {
            start: found.start + lo,
            end: found.end + lo,
            errors: found.errors,
          });
          if (c.end <= c.start) continue;
          for (const cand of [c, ...this.realign(c, quote, maxErrors)]) {
            const scored = this.score(cand, quote, weight, hint);
            pick.consider(scored, this.acceptable(scored, quote, weight, false));
          }
        }
      }
    };

    // Stage A: around the recorded position, and right after the prefix / right before the suffix
    // where they (or their characters nearest the passage) still stand verbatim.
    const windows: Array<[number, number]> = [];
    if (hint) windows.push([hint.start - pad, hint.start + m + pad]);
    const nearest = (list: number[]): number[] =>
      hint && list.length > MAX_CONTEXT_WINDOWS
        ? [...list]
            .sort((x, y) => Math.abs(x - hint.start) - Math.abs(y - hint.start))
            .slice(0, MAX_CONTEXT_WINDOWS)
        : list.slice(0, MAX_CONTEXT_WINDOWS);
    for (const side of new Set([prefix, prefix.slice(-ADJACENT_RUN)])) {
      if (side.trim().length < SHORT_SIDE) continue;
      for (const at of nearest(this.grams.findAll(side))) {
        const p = at + side.length;
        windows.push([p - pad, p + m + pad]);
      }
    }
    for (const side of new Set([suffix, suffix.slice(0, ADJACENT_RUN)])) {
      if (side.trim().length < SHORT_SIDE) continue;
      for (const at of nearest(this.grams.findAll(side))) windows.push([at - m - pad, at + pad]);
    }
    searchWindows(windows);
    if (pick.best && pick.best.supports === 2) return pick;

    // Stage B: where the quote's rarer grams line up (the passage moved and its context changed).
    const bin = Math.max(16, maxErrors);
    searchWindows(
      // The start lies in [start, start + 2 * bin): two adjacent diagonal bins were summed.
      this.votedStarts(exact, bin).map((start): [number, number] => [
        start - pad,
        start + 2 * bin + m + pad,
      ]),
    );
    return pick;
  }

  /**
   * Other cuts of a fuzzy match: Myers' search reports the cheapest alignment, which may drop or
   * swallow a few characters at the quote's ends (one edit fewer) and so hide an intact context.
   * Here the start may also move to where the stored prefix ends, and the end to where the stored
   * suffix starts (within the error budget); the edit distance is recomputed for each cut.
   */
  private realign(c: Candidate, quote: QuoteToMatch, maxErrors: number): Candidate[] {
    const { exact, prefix, suffix } = quote;
    const m = exact.length;
    if (m > MAX_REALIGN_LENGTH) return [];
    const text = this.text;
    const reach = maxErrors + 8;
    /** Where `needle` starts in `[from, to]` (plus `offset`), at most three places. */
    const near = (needle: string, from: number, to: number, offset: number): number[] => {
      const found: number[] = [];
      if (needle.trim().length < SHORT_SIDE) return found;
      const lo = Math.max(0, from);
      const hay = text.slice(lo, to + needle.length);
      for (
        let at = hay.indexOf(needle);
        at >= 0 && found.length < 3;
        at = hay.indexOf(needle, at + 1)
      ) {
        found.push(lo + at + offset);
      }
      return found;
    };
    const tail = prefix.slice(-ADJACENT_RUN);
    const head = suffix.slice(0, ADJACENT_RUN);
    const starts = [
      c.start,
      ...near(tail, c.start - reach - tail.length, c.start + reach, tail.length),
    ];
    const ends = [c.end, ...near(head, c.end - reach, c.end + reach, 0)];
    const out: Candidate[] = [];
    for (const s of new Set(starts)) {
      for (const e of new Set(ends)) {
        if (s === c.start && e === c.end) continue;
        if (e - s < m - maxErrors || e - s > m + maxErrors) continue;
        const errors = editDistance(exact, text.slice(s, e), maxErrors);
        if (errors <= maxErrors) out.push(trimCandidate(text, { start: s, end: e, errors }));
      }
    }
    return out;
  }

  /** A zeroed table of at least `size` vote counts, kept for the next call (left zeroed). */
  private voteTable(size: number): Uint8Array {
    if (!this.votes || this.votes.length < size) this.votes = new Uint8Array(size);
    return this.votes;
  }

  /** Likely start offsets of an edited quote: diagonals on which many of its grams agree. */
  private votedStarts(exact: string, bin: number): number[] {
    const m = exact.length;
    if (m < GRAM) return [];
    const grams = this.grams;
    // Non-overlapping grams of the quote, rarest first, within a budget of positions.
    const sample: Array<{ off: number; from: number; to: number }> = [];
    for (let off = 0; off + GRAM <= m; off += GRAM) {
      const [from, to] = grams.bucket(exact, off);
      if (to > from) sample.push({ off, from, to });
    }
    sample.sort((x, y) => x.to - x.from - (y.to - y.from));
    let used = 0;
    let total = 0;
    for (const g of sample) {
      const size = g.to - g.from;
      if (used >= MAX_VOTE_GRAMS || (used > 0 && total + size > VOTE_BUDGET)) break;
      total += size;
      used += 1;
    }
    if (used === 0) return [];
    // One vote per gram and diagonal bin (a bucket's positions ascend, so its keys do too),
    // counted in a table of bins; `shift` makes room for the negative keys of grams that stand
    // nearer the text's start than their offset in the quote.
    const shift = Math.ceil(m / bin) + 1;
    const votes = this.voteTable(Math.ceil(this.text.length / bin) + shift + 1);
    const keys: number[] = [];
    for (const g of sample.slice(0, used)) {
      let last = NaN;
      for (let j = g.from; j < g.to; j++) {
        const key = Math.floor((grams.positionAt(j) - g.off) / bin);
        if (key === last) continue;
        last = key;
        if (votes[key + shift] === 0) keys.push(key);
        votes[key + shift]! += 1;
      }
    }
    const minVotes = used <= 2 ? 1 : Math.max(2, Math.ceil(used * 0.2));
    // [first bin, votes, bin]: a start near a bin edge splits its votes over two adjacent bins,
    // so a bin counts with the one before it.
    const ranked: Array<[number, number, number]> = [];
    for (const key of keys) {
      const previous = votes[key - 1 + shift]!;
      const count = votes[key + shift]! + previous;
      if (count >= minVotes) ranked.push([previous > 0 ? key - 1 : key, count, key]);
    }
    for (const key of keys) votes[key + shift] = 0;
    // Most votes first; among equals the lower bin.
    ranked.sort((x, y) => y[1] - x[1] || x[2] - y[2]);
    return ranked.slice(0, MAX_VOTED_WINDOWS).map(([key]) => key * bin);
  }
}

/** Levenshtein distance of `a` and `b`, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}

/** Drops spaces at the ends of a fuzzy match: quotes are stored trimmed. */
function trimCandidate(text: string, c: Candidate): Candidate {
  let { start, end } = c;
  while (start < end && text.charCodeAt(start) === 32) start += 1;
  while (end > start && text.charCodeAt(end - 1) === 32) end -= 1;
  return { start, end, errors: c.errors };
}

function result(c: Scored, method: 'exact' | 'fuzzy'): TextMatch {
  return {
    start: c.start,
    end: c.end,
    method,
    score: Math.round(c.score * 1000) / 1000,
    errors: c.errors,
  };
}
