/**
 * Injected on demand into the tab being clipped (never registered as a content script). It reads
 * the live document and returns plain data for the preview; the article body stays in this
 * isolated world until `clip-body.js` sanitises it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPage, PageTooLargeError } from '../lib/extract/read-page';
import type { RawPage } from '../lib/extract/types';
import { PAGE_READING_KEY, type ClipScriptResult } from '../lib/protocol';

export default defineUnlistedScript((): ClipScriptResult => {
  const started = performance.now();
  if (document.contentType === 'application/pdf') {
    return { ok: false, failure: 'pdf', message: 'PDF document' };
  }
  if (!(document instanceof HTMLDocument)) {
    return { ok: false, failure: 'not-html', message: document.contentType };
  }
  try {
    const page = readPage(document, location.href);
    (globalThis as Record<string, unknown>)[PAGE_READING_KEY] = page;
    const withoutBody: RawPage = page.article
      ? { ...page, article: { ...page.article, content: null } }
      : page;
    return { ok: true, page: withoutBody, elapsedMs: performance.now() - started };
  } catch (error) {
    if (error instanceof PageTooLargeError) {
      return { ok: false, failure: 'too-large', message: error.message };
    }
    throw error;
  }
});
