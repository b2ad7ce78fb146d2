/** Browser wiring of one clip: refuse protected pages, inject the clip scripts, finish. */
import { browser } from 'wxt/browser';
import { finishBody, finishPreview } from '../../lib/extract/finish-extraction';
import type { PageBody, PagePreview } from '../../lib/extract/types';
import {
  ClipError,
  injectionErrorMessage,
  pageFailureMessage,
  withTimeLimit,
} from '../../lib/clip/clip-errors';
import { restrictionFor } from '../../lib/clip/restricted';
import type { ClipBodyScriptResult, ClipScriptResult } from '../../lib/protocol';

/** How long reading a page may take; the e2e build lowers it so a test can reach it. */
export const CLIP_TIME_LIMIT_MS = import.meta.env.MODE === 'e2e' ? 2500 : 15000;

/** Runs an unlisted script in the tab's top frame and returns `main()`'s value. */
async function inject<T>(tabId: number, file: '/clip.js' | '/clip-body.js'): Promise<T> {
  let results;
  try {
    results = await withTimeLimit(
      browser.scripting.executeScript({
        target: { tabId },
        files: [file],
        injectImmediately: true,
      }),
      CLIP_TIME_LIMIT_MS,
    );
  } catch (error) {
    if (error instanceof ClipError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ClipError(injectionErrorMessage(message));
  }
  const result = results[0]?.result as T | undefined;
  if (!result) throw new ClipError('The page did not answer: reload it and try again.');
  return result;
}

/** The tab `tabId`, or a ClipError when it was closed: `then` says what to do after reopening. */
export function existingTab(tabId: number, then?: string) {
  return browser.tabs.get(tabId).catch(() => {
    throw new ClipError(`This tab is gone: open the page again${then ? ` and ${then}` : ''}.`);
  });
}

/**
 * Reads the tab's page into a preview, or throws a ClipError with a message for the user.
 * `pageMs` is the time spent reading inside the tab.
 */
export async function readTabPreview(
  tabId: number,
): Promise<{ preview: PagePreview; pageMs: number }> {
  // Reading starts at once; the checks run meanwhile and their message wins when they refuse.
  const reading = inject<ClipScriptResult>(tabId, '/clip.js');
  reading.catch(() => undefined);
  const [tab, fileAccessAllowed] = await Promise.all([
    existingTab(tabId, 'click Commonplace'),
    browser.extension.isAllowedFileSchemeAccess(),
  ]);
  // Without host access the tab's URL is hidden; the injection error then tells what the page is.
  if (tab.url !== undefined) {
    const restriction = restrictionFor(tab.url, { fileAccessAllowed });
    if (restriction) throw new ClipError(restriction);
  }
  const result = await reading;
  if (!result.ok) throw new ClipError(pageFailureMessage(result.failure));
  return { preview: finishPreview(result.page), pageMs: result.elapsedMs };
}

/** The stored copy of the piece `preview` was read from: sanitised in the tab, then finished. */
export async function readTabBody(tabId: number, preview: PagePreview): Promise<PageBody> {
  if (preview.pageKind !== 'article') return finishBody(preview, null);
  const result = await inject<ClipBodyScriptResult>(tabId, '/clip-body.js');
  if (!result.ok) throw new ClipError(pageFailureMessage(result.failure));
  return finishBody(preview, result.content);
}
