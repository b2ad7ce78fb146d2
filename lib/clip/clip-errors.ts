/** Messages for every way a clip can fail, so the popup never shows a raw browser error. */
import { UserError } from '../errors';
import type { PageFailure } from '../protocol';

export class ClipError extends UserError {
  override name = 'ClipError';
}

export const TOO_SLOW_MESSAGE =
  'This page took too long to read, so nothing was clipped. Wait until it has finished loading and try again.';

const FAILURE_MESSAGES: Record<PageFailure, string> = {
  pdf: 'PDF documents cannot be clipped yet: Commonplace reads web pages only.',
  'too-large':
    'This page is too large to extract an article from. Select the passage you want and save it as a bookmark instead.',
  'not-html': 'This is not a web page Commonplace can read (no HTML document).',
  'page-changed':
    'The page changed while it was being clipped (it navigated or reloaded). Open the popup again.',
};

export function pageFailureMessage(failure: PageFailure): string {
  return FAILURE_MESSAGES[failure];
}

/** Maps what `scripting.executeScript` throws on pages the browser protects to a plain sentence. */
export function injectionErrorMessage(browserMessage: string): string {
  if (/chrome:\/\/|chrome-extension:|about:|edge:\/\//i.test(browserMessage)) {
    return 'Browser pages (settings, new tab, extensions) cannot be clipped: browsers do not let extensions read them.';
  }
  if (/gallery|webstore|web store/i.test(browserMessage)) {
    return 'Extension store pages cannot be clipped: browsers do not let extensions read them.';
  }
  if (/file:\/\//i.test(browserMessage)) {
    return 'Local files can be clipped only after you allow it: open the extension’s details and turn on “Allow access to file URLs”.';
  }
  if (/error page|showing error/i.test(browserMessage)) {
    return 'This tab shows an error page, not a web page: reload it and try again.';
  }
  return `Commonplace cannot read this page (${browserMessage.replace(/\.$/, '')}).`;
}

/** Rejects with TOO_SLOW_MESSAGE when `work` has not settled within `ms`. */
export function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ClipError(TOO_SLOW_MESSAGE)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
