/**
 * Injected after `clip.js`, once the preview is painted: sanitises the article body it kept, with
 * DOMPurify in the tab's DOM, so only sanitised HTML leaves the page.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sanitizePageContent } from '../lib/extract/page-content';
import type { RawPage } from '../lib/extract/types';
import { PAGE_READING_KEY, type ClipBodyScriptResult } from '../lib/protocol';

export default defineUnlistedScript((): ClipBodyScriptResult => {
  const page = (globalThis as Record<string, unknown>)[PAGE_READING_KEY] as RawPage | undefined;
  if (!page || page.pageUrl !== location.href) {
    return { ok: false, failure: 'page-changed', message: 'the page changed since it was read' };
  }
  delete (globalThis as Record<string, unknown>)[PAGE_READING_KEY];
  return { ok: true, content: sanitizePageContent(page, window).content };
});
