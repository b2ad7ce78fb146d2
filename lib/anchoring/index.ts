/**
 * Anchoring engine: describe a passage of a page with W3C Web Annotation selectors, and find it
 * again later — in the same page after the site edited it, or in a stored copy — or say that it is
 * gone (`null`, an orphan) rather than attach it to the wrong words.
 *
 * DOM code only (no extension APIs): runs in a page, an extension page and jsdom.
 *
 * ```ts
 * const selectors = describeRange(article, selection.getRangeAt(0)); // store these (JSON)
 * const anchorer = createAnchorer(article); // one walk of the DOM for any number of passages
 * const found = anchorer.anchorMany(passages.map((p) => p.selectors));
 * ```
 */
export type {
  AnchorMethod,
  AnchorResult,
  RangeSelector,
  Selector,
  TextMatch,
  TextPositionSelector,
  TextQuoteSelector,
} from './types';
export {
  anchor,
  createAnchorer,
  describeRange,
  selectorsForOffsets,
  CONTEXT_LENGTH,
  type Anchorer,
  type AnchorerOptions,
  type DescribeOptions,
} from './anchorer';
export {
  buildTextIndex,
  buildTextIndex as textIndex,
  type TextIndex,
  type TextIndexOptions,
  type VisibilityMode,
} from './text-index';
export { normalizeText } from './normalize';
export {
  TextMatcher,
  DEFAULT_MIN_SCORE,
  MIN_QUOTE_SIMILARITY,
  type MatchOptions,
  type PositionHint,
  type QuoteToMatch,
} from './match';
export { rangeFromSelector, rangeSelectorFor } from './range-selector';
