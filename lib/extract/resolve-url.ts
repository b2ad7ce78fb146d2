/**
 * Absolute URLs for links and images of a clipped piece.
 *
 * A page saved to disk and read from a `file:` URL (the CLI without --url) has its relative links
 * resolved against the file; when the page's canonical URL is known they are moved back onto the
 * live site: `file:///home/me/saved/notes.html` + `/about/` → `https://site.example/about/`.
 */

/** `value` as a URL (against `base`), or null when it is not one. */
export function parseUrl(value: string, base?: string | URL): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/**
 * A function that makes `value` absolute against `baseUrl` (the document's base URL) and, when
 * `baseUrl` is a `file:` URL and `siteUrl` is http(s), re-roots file URLs on `siteUrl`.
 * Returns null for a value that is not a URL.
 */
export function urlResolver(baseUrl: string, siteUrl: string): (value: string) => string | null {
  const base = parseUrl(baseUrl);
  const site = parseUrl(siteUrl);
  const rebase =
    base !== null && base.protocol === 'file:' && site !== null && /^https?:$/.test(site.protocol);
  const document = base ? base.href.split('#')[0]! : '';
  const folder = document.slice(0, document.lastIndexOf('/') + 1);
  return (value: string): string | null => {
    const absolute = value.trim() === '' ? null : parseUrl(value.trim(), base ?? undefined);
    if (!absolute) return null;
    if (!rebase || absolute.protocol !== 'file:') return absolute.href;
    const path = absolute.href.split('#')[0]!;
    if (path === document) return site.href.split('#')[0]! + absolute.hash;
    const relative = path.startsWith(folder)
      ? absolute.href.slice(folder.length)
      : absolute.pathname + absolute.search + absolute.hash;
    return parseUrl(relative, site)?.href ?? null;
  };
}
