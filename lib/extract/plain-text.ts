/**
 * Metadata is text: a `<title>`, a meta tag, a JSON-LD string or a byline that holds markup
 * (`<b onmouseover=…>Crimea</b>`) is reduced to the text a reader would see before it becomes a
 * title, an author or a theme. Only what parses as a tag is dropped: "a < b" and "<3" stay.
 */
import type { ListingItem, RawPage } from './types';

/** A start or end tag (`<b …>`, `</b>`, `<br/>`), a comment, or a CDATA section. */
const MARKUP_RE = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;

/** HTML's names of U+00A0–U+00FF, in code point order ("Redacci&oacute;n" in a JSON-LD author). */
const LATIN_1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave ' +
  'iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ' +
  'ucirc uuml yacute thorn yuml';

/**
 * The named references metadata uses: HTML 4's Latin-1 and typographic ones (the whole HTML
 * table is 2,000 names, too heavy for the script that reads the page).
 */
const NAMED: Record<string, string> = {
  ...Object.fromEntries(LATIN_1.split(' ').map((name, i) => [name, String.fromCharCode(0xa0 + i)])),
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  OElig: 'Œ',
  oelig: 'œ',
  Scaron: 'Š',
  scaron: 'š',
  Yuml: 'Ÿ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  bull: '•',
  hellip: '…',
  euro: '€',
  trade: '™',
};

/** Character references as JSON-LD authors write them into strings (`&amp;`, `&#8217;`, `&#x2019;`). */
export function decodeReferences(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (whole, dec, hex, name) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    // Names are case-sensitive (Eacute, eacute); pages also write &AMP; or &Nbsp;.
    return NAMED[name as string] ?? NAMED[(name as string).toLowerCase()] ?? whole;
  });
}

/** `value` without markup; with `decode`, character references are read first (raw JSON text). */
export function plainText(value: string, decode = false): string {
  let text = decode ? decodeReferences(value) : value;
  // Twice, so that markup spelled with references ("&lt;b&gt;") and markup left by a first pass
  // ("<<b>b>") go too.
  for (let i = 0; i < 2; i++) {
    // A line break separates words; any other tag sits inside or between words ("<b>Kyiv</b>").
    const next = text.replace(MARKUP_RE, (tag) => (/^<br\b/i.test(tag) ? ' ' : ''));
    if (next === text) break;
    text = next;
  }
  // Soft hyphens and zero-width marks are for the line-breaker, not the words ("Mes­sen­ger").
  return text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/gu, '');
}

function plainItem(item: ListingItem): ListingItem {
  return {
    ...item,
    title: plainText(item.title),
    excerpt: plainText(item.excerpt),
    categories: item.categories.map((c) => plainText(c)),
  };
}

/** Every text field of a RawPage that becomes metadata, without markup (the body is apart). */
export function plainMetadata(raw: RawPage): RawPage {
  const plain = (value: string) => plainText(value);
  // Readability takes these from JSON-LD when the page has it, as raw JSON text: references too.
  const fromReadability = (value: string | null) =>
    value === null ? null : plainText(value, true);
  return {
    ...raw,
    article: raw.article && {
      ...raw.article,
      title: fromReadability(raw.article.title),
      byline: fromReadability(raw.article.byline),
      excerpt: fromReadability(raw.article.excerpt),
      siteName: fromReadability(raw.article.siteName),
    },
    documentTitle: plain(raw.documentTitle),
    headings: raw.headings.map(plain),
    subheadings: raw.subheadings.map(plain),
    meta: Object.fromEntries(
      Object.entries(raw.meta).map(([key, values]) => [key, values.map(plain)]),
    ),
    authorHints: raw.authorHints.map(plain),
    textBylines: raw.textBylines.map(plain),
    tagLinks: raw.tagLinks.map(plain),
    homeLinks: raw.homeLinks.map(plain),
    feedTitles: raw.feedTitles.map(plain),
    breadcrumbs: raw.breadcrumbs.map(plain),
    listingItems: raw.listingItems.map(plainItem),
  };
}
