/**
 * Canonical URL of a clipped page. Pure and DOM-free: the database uses the same functions to
 * identify pieces, so one page read twice (with different tracking tags) is one piece.
 *
 * Security: a page may claim any canonical URL. A claim is only believed when it points to the
 * page's own registrable domain, otherwise a hostile page could file itself under another site's
 * address (and, for instance, collect the passages a reader made on the real piece).
 */
import { getDomain } from 'tldts';
import { claimedUrls, isHttp, stripTracking } from './tracking';

export { isTrackingParam, stripTracking } from './tracking';

/** Registrable domain (eTLD+1, private suffixes such as github.io count as suffixes). */
function siteOf(hostname: string): string | null {
  return getDomain(hostname, { allowPrivateDomains: true, detectIp: true });
}

/**
 * True when both URLs are http(s) and on the same registrable domain; IP addresses, `localhost`
 * and other hosts without a public suffix must match exactly.
 */
export function isSameSite(a: string | URL, b: string | URL): boolean {
  let x: URL;
  let y: URL;
  try {
    x = typeof a === 'string' ? new URL(a) : a;
    y = typeof b === 'string' ? new URL(b) : b;
  } catch {
    return false;
  }
  if (!isHttp(x) || !isHttp(y) || !x.hostname || !y.hostname) return false;
  if (x.hostname === y.hostname) return true;
  const dx = siteOf(x.hostname);
  const dy = siteOf(y.hostname);
  return dx !== null && dx === dy;
}

/**
 * The URL a piece is filed under. `candidates` are the page's own claims in order of preference
 * (`<link rel=canonical>` href, `og:url`), as written: they are resolved against `pageUrl`. The
 * first candidate that is http(s) and on the page's registrable domain wins; when the page is a
 * saved `file:` copy any http(s) candidate is believed. Otherwise the page URL itself is used.
 * Either way tracking parameters and the fragment are removed.
 */
export function canonicalUrl(
  pageUrl: string,
  candidates: ReadonlyArray<string | null | undefined>,
): string {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return stripTracking(pageUrl);
  }
  const believed = claimedUrls(page, candidates).find(
    (claim) => page.protocol === 'file:' || isSameSite(page, claim),
  );
  return stripTracking(believed?.href ?? pageUrl);
}
