/**
 * URLs as a page claims them, cleaned of tracking parameters. Pure and dependency-free: it runs in
 * the page-side clip script as well as in the extension.
 */

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  '_ga',
  '_gl',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wickedid',
  'ref_src',
  'ref_url',
  's_cid',
  'spm',
  'at_medium',
  'at_campaign',
]);

/** True for query parameter names that only serve tracking (`utm_*`, click ids, mailing ids …). */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || key.startsWith('pk_') || TRACKING_PARAMS.has(key);
}

function decodeKey(part: string): string {
  const raw = part.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Removes tracking parameters and the fragment from an absolute URL. The remaining parameters
 * keep their order and exact encoding. A string that is not a URL is returned trimmed.
 */
export function stripTracking(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  parsed.hash = '';
  if (parsed.search) {
    const kept = parsed.search
      .slice(1)
      .split('&')
      .filter((part) => part !== '' && !isTrackingParam(decodeKey(part)));
    parsed.search = kept.length ? '?' + kept.join('&') : '';
  }
  return parsed.href;
}

export function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/**
 * The page's claims about its own address (`<link rel=canonical>` href, `og:url`, as written),
 * resolved against `pageUrl`, in order, keeping only http(s) URLs without credentials.
 */
export function claimedUrls(
  pageUrl: string | URL,
  candidates: ReadonlyArray<string | null | undefined>,
): URL[] {
  const claims: URL[] = [];
  for (const candidate of candidates) {
    if (!candidate || !candidate.trim()) continue;
    try {
      const resolved = new URL(candidate.trim(), pageUrl);
      if (isHttp(resolved) && !resolved.username && !resolved.password) claims.push(resolved);
    } catch {
      // not a URL: not a claim
    }
  }
  return claims;
}
