/**
 * The piece's title as a reader would cite it. A page names it several times: `<title>` (usually
 * with the site's name or tagline glued on: "Title - Site", "Site | Title", "Title › Blog"),
 * og:title / twitter:title / JSON-LD headline (sometimes with the site too), and the visible
 * `<h1>`. The visible heading wins when the metadata agrees with it, because it is what the reader
 * sees and cites; otherwise the metadata title, with the site's name cut off at a separator.
 */
import { foldKey } from './text';

export interface TitleSources {
  documentTitle: string | null;
  /** og:title, twitter:title, JSON-LD headline, in that order. */
  metaTitles: ReadonlyArray<string | null>;
  /** `<h1>` texts, the article's first. */
  headings: readonly string[];
  /** Readability's guess, the last resort. */
  readabilityTitle: string | null;
  /** What the site calls itself: og:site_name, application-name, the publisher's name … */
  siteNames: ReadonlyArray<string | null>;
  /** The page's host name (`www.aerobuzz.de`). */
  host: string | null;
}

/** Separators between a title and a site name or tagline. */
const SEPARATOR_RE = /\s+(?:[|–—·•›»~/\\-]|::|\/\/)\s+|\s*[|›»•]\s*/gu;
/** Longest heading taken for a title; longer "headings" are paragraphs set in large type. */
const MAX_HEADING = 300;

/** Letters and digits only, case- and accent-folded: "Helge.at" and "helge at" compare equal. */
function squash(text: string): string {
  return foldKey(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Names the site goes by: its declared name, its host, the host's main label ("aerobuzz"). */
function siteKeys(siteNames: ReadonlyArray<string | null>, host: string | null): string[] {
  const keys = new Set<string>();
  for (const name of siteNames) if (name) keys.add(squash(name.replace(/^@/, '')));
  if (host) {
    const bare = host.replace(/^www\d?\./i, '');
    keys.add(squash(bare));
    const labels = bare.split('.');
    const main = labels.length > 2 && labels.at(-2)!.length <= 3 ? labels.at(-3) : labels.at(-2);
    if (main && main.length >= 3) keys.add(squash(main));
  }
  keys.delete('');
  return [...keys];
}

function isSitePart(part: string, keys: readonly string[]): boolean {
  const key = squash(part);
  if (key === '') return true;
  // "Rezept von Backen.de", "Teufel Blog": a short part that carries the site's name.
  return keys.some(
    (site) =>
      key === site || (part.split(/\s+/).length <= 5 && site.length >= 4 && key.includes(site)),
  );
}

/** `title` without the site's name at either end: "Title - Site" → "Title". */
export function withoutSite(title: string, keys: readonly string[]): string {
  // Each part with its place in `title`, so the kept ones keep the separators between them.
  const parts: Array<{ text: string; start: number; end: number }> = [];
  let from = 0;
  for (const separator of title.matchAll(SEPARATOR_RE)) {
    parts.push({ text: title.slice(from, separator.index), start: from, end: separator.index });
    from = separator.index + separator[0].length;
  }
  parts.push({ text: title.slice(from), start: from, end: title.length });
  let first = 0;
  let last = parts.length - 1;
  while (last > first && isSitePart(parts[last]!.text, keys)) last--;
  while (last > first && isSitePart(parts[first]!.text, keys)) first++;
  return title.slice(parts[first]!.start, parts[last]!.end).trim();
}

function words(text: string): string[] {
  return foldKey(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The heading and a title say the same: most words of the shorter are in the longer. */
function agrees(heading: string, title: string): boolean {
  const a = words(heading);
  const b = words(title);
  if (a.length === 0 || b.length === 0) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const longSet = new Set(long);
  const shared = short.filter((word) => longSet.has(word)).length;
  return shared / short.length >= 0.8 && shared / long.length >= 0.5;
}

export function pickTitle(sources: TitleSources): string | null {
  const keys = siteKeys(sources.siteNames, sources.host);
  const clean = (value: string | null) => (value ? withoutSite(value, keys) : '');
  const metaTitles = sources.metaTitles.map(clean).filter(Boolean);
  const documentTitle = clean(sources.documentTitle);
  const titles = [...metaTitles, documentTitle].filter(Boolean);
  const heading = sources.headings.find(
    (text) =>
      text.length <= MAX_HEADING &&
      !isSitePart(text, keys) &&
      titles.some((title) => agrees(text, title)),
  );
  return heading ?? titles[0] ?? sources.headings[0] ?? sources.readabilityTitle ?? null;
}
