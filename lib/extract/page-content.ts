/**
 * The page-side half of sanitising: the article body is cleaned with DOMPurify in the tab's own
 * DOM (the clip script's isolated world, which page scripts cannot reach), so the background,
 * which has no DOM, receives only sanitised HTML. Extension pages sanitise again before showing it.
 */
import type { WindowLike } from 'dompurify';
import { urlResolver } from './resolve-url';
import { sanitizeContent } from './sanitize';
import { claimedUrls } from './tracking';
import type { RawPage } from './types';

/**
 * Where relative links of the piece point: the page itself, or, for a saved `file:` copy, the
 * live site it claims to be (the same claim `canonicalUrl` believes for such pages).
 */
function linkSite(raw: RawPage): string {
  if (!raw.pageUrl.startsWith('file:')) return raw.pageUrl;
  const [claim] = claimedUrls(raw.pageUrl, [raw.canonicalHref, ...(raw.meta['og:url'] ?? [])]);
  return claim?.href ?? raw.pageUrl;
}

/** `raw` with `content` set to its article body, sanitised in `window`'s DOM. */
export function sanitizePageContent(raw: RawPage, window: WindowLike | Window): RawPage {
  const html = raw.article?.content;
  if (!raw.readable || !html) return { ...raw, content: null };
  const resolve = urlResolver(raw.baseUrl || raw.pageUrl, linkSite(raw));
  return { ...raw, content: sanitizeContent(html, window as WindowLike, resolve) };
}
