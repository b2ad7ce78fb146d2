import { DEFAULT_MIN_SCORE, TextMatcher, type PositionHint } from './match';
import { normalizeText } from './normalize';
import { rangeFromSelector, rangeSelectorFor } from './range-selector';
import { buildTextIndex, type TextIndex, type VisibilityMode } from './text-index';
import type {
  AnchorResult,
  RangeSelector,
  Selector,
  TextMatch,
  TextPositionSelector,
  TextQuoteSelector,
} from './types';

/** Characters of context stored on each side of a quote (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;

export interface AnchorerOptions {
  /** How hidden elements are detected; must be the same when describing and anchoring. */
  visibility?: VisibilityMode;
  /** Matches scoring below this are orphans (see `match.ts`). Default 0.7. */
  minScore?: number;
}

export interface DescribeOptions {
  /** Characters of context on each side. Default 32. */
  contextLength?: number;
  /** Also emit a `RangeSelector` (DOM paths). Default false. */
  rangeSelector?: boolean;
}

export interface Anchorer {
  /** The root's normalised text and offset mapping, built once. */
  readonly index: TextIndex;
  /** Finds one passage; `null` means orphan. The range is a live DOM Range. */
  anchor(selectors: readonly Selector[]): AnchorResult | null;
  /** Finds many passages against the same index. */
  anchorMany(list: readonly (readonly Selector[])[]): (AnchorResult | null)[];
  /**
   * Like `anchor` without making a DOM Range: offsets in `index.text` (turn them into a range with
   * `index.toRange` when needed). For callers that work on offsets, e.g. to highlight a stored copy.
   */
  locate(selectors: readonly Selector[]): TextMatch | null;
  locateMany(list: readonly (readonly Selector[])[]): (TextMatch | null)[];
  /** Selectors for a range of this root (same as `describeRange`, without rebuilding the index). */
  describe(range: Range, options?: DescribeOptions): Selector[];
}

function isFiniteInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Selectors for `[start, end)` of an index's text (trimmed of spaces at the ends). */
export function selectorsForOffsets(
  index: TextIndex,
  start: number,
  end: number,
  options: DescribeOptions = {},
): Selector[] {
  const text = index.text;
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && text.charCodeAt(s) === 32) s += 1;
  while (e > s && text.charCodeAt(e - 1) === 32) e -= 1;
  if (e <= s) return [];
  const context = Math.max(0, options.contextLength ?? CONTEXT_LENGTH);
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - context), s),
    suffix: text.slice(e, e + context),
  };
  const position: TextPositionSelector = { type: 'TextPositionSelector', start: s, end: e };
  const selectors: Selector[] = [quote, position];
  if (options.rangeSelector) {
    const rs = rangeSelectorFor(index.root, index.toRange(s, e));
    if (rs) selectors.push(rs);
  }
  return selectors;
}

export function createAnchorer(root: Element, options: AnchorerOptions = {}): Anchorer {
  const index = buildTextIndex(root, { visibility: options.visibility });
  const matcher = new TextMatcher(index.text, { minScore: options.minScore ?? DEFAULT_MIN_SCORE });

  const locate = (selectors: readonly Selector[]): TextMatch | null => {
    let quote: TextQuoteSelector | undefined;
    let position: TextPositionSelector | undefined;
    let rangeSel: RangeSelector | undefined;
    for (const s of selectors) {
      if (s.type === 'TextQuoteSelector' && !quote) quote = s;
      else if (s.type === 'TextPositionSelector' && !position) position = s;
      else if (s.type === 'RangeSelector' && !rangeSel) rangeSel = s;
    }
    // Without a quote nothing can be checked: a bare position may point at anything now.
    if (!quote || typeof quote.exact !== 'string') return null;
    const exact = normalizeText(quote.exact, true);
    if (exact.length === 0) return null;
    const hints: PositionHint[] = [];
    if (position && isFiniteInt(position.start) && isFiniteInt(position.end)) {
      if (position.start >= 0 && position.end >= position.start) {
        hints.push({ start: Math.floor(position.start), end: Math.floor(position.end) });
      }
    }
    if (rangeSel) {
      const range = rangeFromSelector(root, rangeSel);
      const offsets = range ? index.offsetsOf(range) : null;
      if (offsets) hints.push(offsets);
    }
    return matcher.match(
      {
        exact,
        prefix: normalizeText(quote.prefix ?? ''),
        suffix: normalizeText(quote.suffix ?? ''),
      },
      hints,
    );
  };

  const anchor = (selectors: readonly Selector[]): AnchorResult | null => {
    const found = locate(selectors);
    if (!found) return null;
    return {
      range: index.toRange(found.start, found.end),
      method: found.method,
      score: found.score,
      start: found.start,
      end: found.end,
    };
  };

  return {
    index,
    anchor,
    anchorMany: (list) => list.map((selectors) => anchor(selectors)),
    locate,
    locateMany: (list) => list.map((selectors) => locate(selectors)),
    describe: (range, describeOptions) => {
      const offsets = index.offsetsOf(range);
      return offsets ? selectorsForOffsets(index, offsets.start, offsets.end, describeOptions) : [];
    },
  };
}

/**
 * W3C selectors for a DOM range under `root`: a `TextQuoteSelector` (trimmed quote with 32
 * characters of context each side) and a `TextPositionSelector` (offsets in the normalised text,
 * see `text-index.ts`), plus a `RangeSelector` when asked. Empty when the range covers no visible
 * text. Builds the root's text index: to describe many ranges use `createAnchorer(root).describe`.
 */
export function describeRange(
  root: Element,
  range: Range,
  options: DescribeOptions & { visibility?: VisibilityMode } = {},
): Selector[] {
  const index = buildTextIndex(root, { visibility: options.visibility });
  const offsets = index.offsetsOf(range);
  return offsets ? selectorsForOffsets(index, offsets.start, offsets.end, options) : [];
}

/** Finds a passage under `root`: its range, or `null` for an orphan. One index build per call. */
export function anchor(
  root: Element,
  selectors: readonly Selector[],
  options: AnchorerOptions = {},
): Range | null {
  return createAnchorer(root, options).anchor(selectors)?.range ?? null;
}
