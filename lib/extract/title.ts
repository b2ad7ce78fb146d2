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
  /**
   * Whether a heading may stand alone as the title when no other source gives one: not on a
   * bookmark, whose heading is the page's widget ("Sign in"); there it counts only where the
   * metadata's title says the same.
   */
  headingAlone: boolean;
  /** `<h2>` texts: the title only where one is what the metadata's title says (or its first part). */
  subheadings: readonly string[];
  /** Readability's guess, the last resort. */
  readabilityTitle: string | null;
  /** What the site calls itself: og:site_name, application-name, the publisher's name … */
  siteNames: ReadonlyArray<string | null>;
  /** The page's host name (`www.aerobuzz.de`). */
  host: string | null;
}

/** Separators between a title and a site name or tagline, with spaces around them ("Title - Site"). */
const SPACED_SEPARATOR = String.raw`\s+(?:[|–—·•›»~/\\:-]|::|\/\/)\s+`;
/** …or marks that separate without spaces ("Title|Site", "Blog»Post"). */
const SEPARATOR_RE = new RegExp(`${SPACED_SEPARATOR}|\\s*[|›»•]\\s*`, 'gu');
/** In «a quotation» the closing mark is no separator. */
const SPACED_SEPARATOR_RE = new RegExp(SPACED_SEPARATOR, 'gu');
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
  // WordPress's old default theme titles every post "Site » Blog Archive » Post".
  keys.add('blogarchive').add('blogarchiv');
  keys.delete('');
  return [...keys];
}

/** A web address as a site writes its name ("FASSETTE.NET", "Lebensmittelpraxis.de"). */
const DOMAIN_RE = /^(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?!(?:js|ts|py|rb)$)\p{L}{2,6}$/iu;

function isSitePart(part: string, keys: readonly string[]): boolean {
  const key = squash(part);
  if (key === '' || DOMAIN_RE.test(part.trim())) return true;
  // "Rezept von Backen.de", "Teufel Blog": a short part that carries the site's name.
  return keys.some(
    (site) =>
      key === site || (part.split(/\s+/).length <= 5 && site.length >= 4 && key.includes(site)),
  );
}

/**
 * The parts of `title` between its separators, each with its place, so that a run of parts keeps
 * the separators inside it.
 */
function titleParts(title: string): Array<{ start: number; end: number }> {
  const parts: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (const separator of title.matchAll(
    title.includes('«') ? SPACED_SEPARATOR_RE : SEPARATOR_RE,
  )) {
    parts.push({ start: from, end: separator.index });
    from = separator.index + separator[0].length;
  }
  parts.push({ start: from, end: title.length });
  return parts;
}

/**
 * `title` without the site's name and what follows it: "Title - Site" → "Title", "Site | Title"
 * → "Title", "Title : Site | Tagline | Since 2005" → "Title". A site name may span separators
 * ("Salsa-Figuren - Rueda in Berlin").
 */
export function withoutSite(title: string, keys: readonly string[]): string {
  const parts = titleParts(title);
  // Separators at either end ("Title |") go; an empty part between two is no site name.
  while (parts.length > 1 && squash(title.slice(parts.at(-1)!.start)) === '') parts.pop();
  while (parts.length > 1 && squash(title.slice(0, parts[0]!.end)) === '') parts.shift();
  const text = (first: number, last: number) =>
    title.slice(parts[first]!.start, parts[last]!.end).trim();
  const isSite = (first: number, last: number) => {
    const run = text(first, last);
    if (squash(run) === '') return false;
    return first === last ? isSitePart(run, keys) : keys.includes(squash(run));
  };
  // The site's very name before the title ("Site » Blog Archive » Post"): it goes, and the rest
  // is looked at again.
  for (let last = parts.length - 2; last >= 0; last--) {
    if (keys.includes(squash(text(0, last))))
      return withoutSite(text(last + 1, parts.length - 1), keys);
  }
  // The site's name after the first part: it and what follows (taglines) go.
  for (let first = 1; first < parts.length; first++) {
    for (let last = parts.length - 1; last >= first; last--) {
      if (isSite(first, last)) return withoutSite(text(0, first - 1), keys);
    }
  }
  // A part that carries the site's name before the title ("Teufel Blog | Post").
  for (let last = parts.length - 2; last >= 0; last--) {
    if (isSite(0, last)) return text(last + 1, parts.length - 1);
  }
  // Blogger's "Blog: Post": a colon cuts only the site's exact name.
  const whole = text(0, parts.length - 1);
  const named = /^([^:]+):\s+(?=\S)/u.exec(whole);
  return named && keys.includes(squash(named[1]!)) ? whole.slice(named[0].length) : whole;
}

const MAX_FEED_SITE_WORDS = 5;

/** A feed's title that names its site ("DimidoBlog RSS Feed", "Atom-Feed für „Piratenwiki“"). */
const NAMED_FEED_RE =
  /^(.+?) » |^(.+?) (?:- )?(?:Atom|RSS)(?: ?[\d.]+)?(?: Feed)?$|^(?:Atom|RSS)-Feed (?:für|von|de|for) [„“"«]?(.+?)[“”"»]?$/iu;

/**
 * The site's name as its feed links give it: WordPress titles them "Site » Feed", "Site » Comments
 * Feed", "Site » Post Comments Feed"; Blogger "Site - Atom", "Site - RSS"; others "Site RSS Feed",
 * MediaWiki "Atom-Feed für „Site“".
 */
export function siteNamesOfFeeds(feedTitles: readonly string[]): string[] {
  const names = new Set<string>();
  for (const title of feedTitles) {
    const match = NAMED_FEED_RE.exec(title);
    const site = match?.[1] ?? match?.[2] ?? match?.[3];
    // A post's own feed carries the post's title: a site's name is a few words.
    if (site && site.split(/\s+/).length > MAX_FEED_SITE_WORDS) continue;
    if (site) names.add(site.trim());
  }
  return [...names];
}

/** WordPress's feed of one post's comments: "Site » Post title Kommentar-Feed". */
const POST_COMMENTS_FEED_RE =
  /^.+? » (.+?) (?:Comments Feed|Kommentar-Feed|Flux des commentaires|RSS de los comentarios|Feed dei commenti)$/u;

/**
 * The post's title as the CMS holds it, from the feed of its comments: SEO plugins rewrite
 * og:title and <title>, not this.
 */
export function postTitlesOfFeeds(feedTitles: readonly string[]): string[] {
  return feedTitles.flatMap((title) => {
    const post = POST_COMMENTS_FEED_RE.exec(title)?.[1]?.trim();
    return post ? [post] : [];
  });
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
  const titles = withoutKickers(
    [...metaTitles.map((title) => completed(title, documentTitle)), documentTitle].filter(Boolean),
  );
  // A heading may carry the site's name too ("Title | Site" set as the page's <h1>).
  const heading = sources.headings
    .filter((text) => text.length <= MAX_HEADING && !isSitePart(text, keys))
    .map(clean)
    .find((text) =>
      titles.some(
        (title) => agrees(text, title) || isPartOf(text, title) || isAfterKicker(text, title),
      ),
    );
  const subheading = heading
    ? undefined
    : sources.subheadings
        .map(clean)
        .find((text) =>
          titles.some(
            (title) => text.toLowerCase() === title.toLowerCase() || isPartOf(text, title),
          ),
        );
  const title = heading ? withoutKicker(heading, titles) : (subheading ?? titles[0]);
  return (
    title || (sources.headingAlone ? sources.headings[0] : null) || sources.readabilityTitle || null
  );
}

/**
 * The heading is the title's first or last parts, up to a separator ("Ben Wilson Surf" of "Ben
 * Wilson Surf - Point of Sail - Segelmacher in Kiel"): what the title adds is the site's.
 */
function isPartOf(heading: string, title: string): boolean {
  const key = squash(heading);
  // One word is a section's name more often than a piece's ("News", "Geschichte").
  if (words(heading).length < 2 || key === squash(title)) return false;
  const parts = titleParts(title);
  // The parts at the start or at the end: a section's name stands in the middle.
  return parts.some(
    ({ start, end }) => squash(title.slice(0, end)) === key || squash(title.slice(start)) === key,
  );
}

/**
 * `title` is `headline` after a kicker and its separator ("Siemens und die Kohlemine Adani: Kaeser
 * verarscht Neubauer"): a few words, not a quotation, ending in ":", "|" or a dash.
 */
function isAfterKicker(headline: string, title: string): boolean {
  if (words(headline).length < 2 || title.length <= headline.length) return false;
  if (!title.toLowerCase().endsWith(headline.toLowerCase())) return false;
  const kicker = title.slice(0, title.length - headline.length);
  return (
    /\S\s*[:|–—-]\s*$/u.test(kicker) &&
    words(kicker).length <= MAX_KICKER_WORDS &&
    !/^\s*["„“”«»‹›'‘’]/u.test(kicker)
  );
}

/**
 * A meta title cut short at a quotation mark (`content="… Biden de "incapacitado""`: the page's
 * quotes end the attribute) is the document's title, which goes on from there with the quotation.
 */
function completed(metaTitle: string, documentTitle: string): string {
  const rest = documentTitle.slice(metaTitle.length);
  return rest && documentTitle.startsWith(metaTitle) && /^\s*["“”„«»']/u.test(rest)
    ? documentTitle
    : metaTitle;
}

/** Each title, or the headline another title shows it to be without its kicker. */
function withoutKickers(titles: readonly string[]): string[] {
  return titles.map((title) => titles.find((other) => isAfterKicker(other, title)) ?? title);
}

/** What a kicker leaves before the headline (": Wie Firmen …"). */
const LEADING_SEPARATOR_RE = /^[\s:|/–—-]+/u;

/** Words a kicker has at most ("Olympische Spiele in Paris", "Investitionen in IT-Sicherheit"). */
const MAX_KICKER_WORDS = 6;

/**
 * The heading without a kicker set before the headline in the same element ("Tunesien Große
 * Aufgaben …", "Local News | Brothel …"): the metadata's title is the heading's end, and the few
 * words before it are the kicker. Words after it are the heading's own (a subtitle) and stay.
 */
function withoutKicker(heading: string, titles: readonly string[]): string {
  const lower = heading.toLowerCase();
  for (const title of titles) {
    const end = title.toLowerCase();
    if (end.length >= lower.length || !lower.endsWith(end) || lower.length !== heading.length)
      continue;
    const kicker = heading.slice(0, heading.length - title.length);
    // A quotation before the headline ("„Pure Leere“: …") is part of it, not a kicker.
    if (words(kicker).length <= MAX_KICKER_WORDS && !/^\s*["„“”«»‹›'‘’]/u.test(kicker))
      return heading.slice(kicker.length).replace(LEADING_SEPARATOR_RE, '');
  }
  return heading.replace(LEADING_SEPARATOR_RE, '');
}
