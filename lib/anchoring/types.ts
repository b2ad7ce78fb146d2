/**
 * Selectors of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/#selectors),
 * as plain JSON so that they can be stored with a passage and sent between extension contexts.
 *
 * All text in the selectors is *normalised text* (see `text-index.ts`): what a reader sees,
 * with every run of collapsible whitespace (spaces, tabs, newlines, `&nbsp;`…) as one space,
 * invisible characters (soft hyphens, zero-width spaces) dropped, and hidden or non-rendered
 * elements (`<script>`, `<style>`, `[hidden]`, `display:none`…) left out.
 */

/** The passage's own words, with up to 32 characters of context on each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/**
 * Character offsets of the passage, `[start, end)`, in the normalised text of the root element
 * (NOT in `textContent`): UTF-16 code units of the string that `buildTextIndex(root).text` returns.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * DOM boundary points as XPath-like paths relative to the root (`/p[3]/em[1]/text()[1]`, element
 * steps by lower-case local name and 1-based index among same-named siblings) with offsets in the
 * raw data of the text node (or child index when the path ends on an element). This is the same
 * shape Hypothesis stores. It only ever *suggests* a place: the quote is still checked there.
 */
export interface RangeSelector {
  type: 'RangeSelector';
  startContainer: string;
  startOffset: number;
  endContainer: string;
  endOffset: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector | RangeSelector;

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
