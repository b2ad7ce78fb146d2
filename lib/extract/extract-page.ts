/**
 * Extraction of a web page into a piece: `extractPage` runs every step in one realm (tests, CLI,
 * benchmarks). In the extension the steps are split: `readPage` and `sanitizePageContent` run in
 * the tab (injected clip script, which needs the DOM), `finishExtraction` in the background
 * (no DOM needed; it holds the public-suffix list, too large for the page side).
 */
import { finishExtraction } from './finish-extraction';
import { sanitizePageContent } from './page-content';
import { readPage, type ReadPageOptions } from './read-page';
import type { PageExtraction } from './types';

export interface ExtractPageOptions extends ReadPageOptions {
  /** The DOM that sanitises the body; `doc.defaultView` when not given (a DOMParser document has none). */
  window?: Window;
}

/**
 * Reads and finishes `doc` in one go; throws PageTooLargeError for a page over `maxElemsToParse`
 * elements.
 */
export async function extractPage(
  doc: Document,
  pageUrl: string,
  options: ExtractPageOptions = {},
): Promise<PageExtraction> {
  const { window = doc.defaultView, ...readOptions } = options;
  if (!window)
    throw new Error('extractPage needs a window: a document with one, or options.window');
  return finishExtraction(sanitizePageContent(readPage(doc, pageUrl, readOptions), window));
}
