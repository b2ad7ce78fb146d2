/** Anchoring's types: the selectors (the record types, in lib/model) and what a search finds. */
export type {
  RangeSelector,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from '../model/selectors';

/**
 * How a passage was found:
 * - `position`: its quote and full context stand exactly at its recorded position;
 * - `exact`: its quote stands verbatim elsewhere, chosen by context and position;
 * - `fuzzy`: a close but edited version of the quote, with its context around it.
 */
export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface AnchorResult {
  range: Range;
  method: AnchorMethod;
  /** 0..1: weighted agreement of quote, prefix, suffix and position (1 = unchanged). */
  score: number;
  /** Offsets of the match in the anchorer's normalised text. */
  start: number;
  end: number;
}

/** Same as `AnchorResult` without the DOM: what the pure text matcher returns. */
export interface TextMatch {
  start: number;
  end: number;
  method: AnchorMethod;
  score: number;
  /** Edit distance between the stored quote and the matched text (0 for exact methods). */
  errors: number;
}
