/** The sites a reader clipped from, as match patterns for a runtime host-permission request. */

/** `https://site.example/*` for an http(s) URL (any port), else null. */
export function originPattern(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${hostname}/*` : null;
  } catch {
    return null;
  }
}

/** The distinct patterns of `urls`, sorted. */
export function clippedSitePatterns(urls: Iterable<string>): string[] {
  const patterns = new Set<string>();
  for (const url of urls) {
    const pattern = originPattern(url);
    if (pattern) patterns.add(pattern);
  }
  return [...patterns].sort();
}
