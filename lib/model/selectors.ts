/**
 * Selectors of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/#selectors),
 * as plain JSON so that they can be stored with a passage and sent between extension contexts.
 *
 * All text in the selectors is *normalised text* (see lib/anchoring `text-index.ts`): what a reader
 * sees, with every run of collapsible whitespace (spaces, tabs, newlines, `&nbsp;`…) as one space,
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

/** The selectors this extension writes and reads. */
export type Selector = TextQuoteSelector | TextPositionSelector | RangeSelector;

/**
 * A selector as stored with a passage: one of ours, or any other JSON object a backup or another
 * tool's file brought (kept for export, not read). Check its `type` and fields before reading it:
 * stored rows come from files too.
 */
export type StoredSelector = Selector | Record<string, unknown>;
