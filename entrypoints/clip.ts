/**
 * Injected on demand into the tab being clipped (never registered as a content script). It reads
 * the live document, sanitises the article body in the page's DOM and returns plain data; the
 * background finishes the extraction and stores it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sanitizePageContent } from '../lib/extract/page-content';
import { readPage, PageTooLargeError } from '../lib/extract/read-page';
import type { ClipScriptResult } from '../lib/protocol';

export default defineUnlistedScript((): ClipScriptResult => {
  const started = performance.now();
  if (document.contentType === 'application/pdf') {
    return { ok: false, failure: 'pdf', message: 'PDF document' };
  }
  if (!(document instanceof HTMLDocument)) {
    return { ok: false, failure: 'not-html', message: document.contentType };
  }
  try {
    const page = sanitizePageContent(readPage(document, location.href), window);
    return { ok: true, page, elapsedMs: performance.now() - started };
  } catch (error) {
    if (error instanceof PageTooLargeError) {
      return { ok: false, failure: 'too-large', message: error.message };
    }
    throw error;
  }
});
