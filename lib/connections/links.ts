/**
 * The links of a stored copy, as keys that match the addresses of saved pieces: which pieces
 * one links to and which link to it. Pure and DOM-free, since the index that keeps them is
 * written in the background worker and by the command line too.
 */
import { stripTracking } from '../extract/canonical-url';
import { decodeReferences } from '../extract/plain-text';

/**
 * The form of an address two links must share to name one page: http(s) only, scheme, `www.`,
 * tracking parameters, the fragment and a trailing slash aside, host in lower case. Null for
 * anything else (mailto:, javascript:, a malformed address).
 */
export function linkKey(url: string, base?: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const stripped = new URL(stripTracking(parsed.href));
  const host = stripped.host.toLowerCase().replace(/^www\./, '');
  const path = stripped.pathname.replace(/\/+$/, '');
  return `${host}${path}${stripped.search}`;
}

// A start tag `<a …>` (a quoted value may hold `>`). The alternatives cannot overlap, so a
// `<a` that is no tag fails in linear time.
const ANCHOR = /<a(?=[\s/>])((?:"[^"]*"|'[^']*'|[^"'>])*)>/gi;
// One attribute after another, left to right: a name and its value, if any.
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The value of the tag's `href`, if any (the first, as browsers take it). */
function hrefOf(attributes: string): string | null {
  for (const [, name, double, single, bare] of attributes.matchAll(ATTRIBUTE)) {
    if (name!.toLowerCase() === 'href') return double ?? single ?? bare ?? '';
  }
  return null;
}

/**
 * The distinct keys (`linkKey`) of the pages an HTML copy links to, relative links resolved
 * against `baseUrl`; links to the page itself (`selfKeys`) are left out.
 */
export function linkTargets(html: string, baseUrl: string, selfKeys: readonly string[]): string[] {
  const targets = new Set<string>();
  for (const anchor of html.matchAll(ANCHOR)) {
    const href = hrefOf(anchor[1] ?? '');
    if (href === null) continue;
    const key = linkKey(decodeReferences(href), baseUrl);
    if (key && !selfKeys.includes(key)) targets.add(key);
  }
  return [...targets];
}

/** The keys a piece answers to: its canonical address and the address it was clipped from. */
export function selfKeysOf(piece: { url: string; pageUrl: string }): string[] {
  const keys = [linkKey(piece.url), linkKey(piece.pageUrl)].filter((k): k is string => !!k);
  return [...new Set(keys)];
}
