/** Browser wiring of one clip: find the tab, refuse protected pages, inject, finish extraction. */
import { browser } from 'wxt/browser';
import { finishExtraction } from '../../lib/extract/finish';
import type { PageExtraction } from '../../lib/extract/types';
import {
  ClipError,
  injectionErrorMessage,
  pageFailureMessage,
  withTimeLimit,
} from '../../lib/clip/clip-errors';
import { restrictionFor } from '../../lib/clip/restricted';
import type { ClipScriptResult } from '../../lib/protocol';

/** How long reading a page may take; the e2e build lowers it so a test can reach it. */
export const CLIP_TIME_LIMIT_MS = import.meta.env.MODE === 'e2e' ? 2500 : 15000;

async function injectClipScript(tabId: number): Promise<ClipScriptResult> {
  let results;
  try {
    results = await browser.scripting.executeScript({ target: { tabId }, files: ['/clip.js'] });
  } catch (error) {
    throw new ClipError(
      injectionErrorMessage(error instanceof Error ? error.message : String(error)),
    );
  }
  const result = results[0]?.result as ClipScriptResult | undefined;
  if (!result) throw new ClipError('The page did not answer: reload it and try again.');
  return result;
}

/**
 * Reads the tab's page into a PageExtraction, or throws a ClipError with a message for the user.
 * `pageMs` is the time spent reading inside the tab.
 */
export async function clipTab(tabId: number): Promise<{ page: PageExtraction; pageMs: number }> {
  const tab = await browser.tabs.get(tabId).catch(() => {
    throw new ClipError('This tab is gone: open the page again and click Commonplace.');
  });
  const fileAccessAllowed = await browser.extension.isAllowedFileSchemeAccess();
  // Without host access the tab's URL is hidden; the injection error then tells what the page is.
  if (tab.url !== undefined) {
    const restriction = restrictionFor(tab.url, { fileAccessAllowed });
    if (restriction) throw new ClipError(restriction);
  }
  const result = await withTimeLimit(injectClipScript(tabId), CLIP_TIME_LIMIT_MS);
  if (!result.ok) throw new ClipError(pageFailureMessage(result.failure));
  const page = await finishExtraction(result.page);
  return { page, pageMs: result.elapsedMs };
}
