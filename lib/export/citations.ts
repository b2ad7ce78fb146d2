/**
 * Pieces as citations for reference managers (Zotero, JabRef, Mendeley, EndNote …): CSL-JSON,
 * BibTeX (biblatex `@online`) and RIS (`ELEC`, a web page). Authors come from the author tags'
 * parsed names (`family`/`given`; organisations and single names as one literal name); the
 * access date is the day the piece was captured.
 */
import type { Backup } from '../backup/format';
import type { PersonName, PieceRow } from '../model/records';
import { citationName, Collection } from './model';
import { dateParts, isoDay, oneLine, wellFormed } from './text';

// --- Citation keys ------------------------------------------------------------------------------

/** ASCII letters and digits of a text (accents folded, everything else dropped). */
function asciiWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[^A-Za-z0-9]+/g, '');
}

const SKIP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'and', 'le', 'la', 'les', 'der']);

/** `kagarlitsky2023solidarity`: first author's family name, year, first word of the title. */
function baseKey(piece: PieceRow, first: PersonName | null): string {
  const family = first ? ('family' in first ? first.family : first.literal) : '';
  const name = asciiWord(family).toLowerCase();
  const year = dateParts(piece.publishedTime)?.[0] ?? '';
  const word =
    oneLine(piece.title)
      .split(/\s+/)
      .map((w) => asciiWord(w).toLowerCase())
      .find((w) => w.length > 1 && !SKIP_WORDS.has(w)) ?? '';
  const key = `${name}${year}${word}`;
  return key === '' || /^[0-9]/.test(key) ? `piece${key}` : key;
}

/** Unique keys for the pieces: `key`, `keya`, `keyb` … */
export function citationKeys(collection: Collection): Map<string, string> {
  const used = new Set<string>();
  const keys = new Map<string, string>();
  for (const piece of collection.pieces) {
    const first = collection.tagsOf(piece.authorIds)[0];
    const base = baseKey(piece, first ? citationName(first) : null);
    let key = base;
    for (let n = 0; used.has(key); n++) {
      let suffix = '';
      for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) {
        suffix = String.fromCharCode(97 + (i % 26)) + suffix;
      }
      key = base + suffix;
    }
    used.add(key);
    keys.set(piece.id, key);
  }
  return keys;
}

// --- CSL-JSON -----------------------------------------------------------------------------------

export interface CslDate {
  'date-parts': [[number, number, number]];
}

export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author?: PersonName[];
  'container-title'?: string;
  URL: string;
  issued?: CslDate;
  accessed?: CslDate;
  language?: string;
  abstract?: string;
}

const cslDate = (date: string | null): CslDate | undefined => {
  const parts = dateParts(date);
  return parts ? { 'date-parts': [parts] } : undefined;
};

function authorsOf(collection: Collection, piece: PieceRow): PersonName[] {
  return collection.tagsOf(piece.authorIds).map((tag) => {
    const name = citationName(tag);
    return 'family' in name
      ? { family: oneLine(name.family), given: oneLine(name.given) }
      : { literal: oneLine(name.literal) };
  });
}

/** CSL-JSON: an array of items (`type: "webpage"`), one per piece. */
export function exportCslJson(backup: Backup): CslItem[] {
  const collection = new Collection(backup);
  const keys = citationKeys(collection);
  return backup.pieces.map((piece) => {
    const item: CslItem = {
      id: keys.get(piece.id)!,
      type: 'webpage',
      title: oneLine(piece.title) || oneLine(piece.url),
      URL: wellFormed(piece.url),
    };
    const authors = authorsOf(collection, piece);
    if (authors.length) item.author = authors;
    if (piece.siteName && oneLine(piece.siteName)) {
      item['container-title'] = oneLine(piece.siteName);
    }
    const issued = cslDate(piece.publishedTime);
    if (issued) item.issued = issued;
    const accessed = cslDate(piece.capturedAt);
    if (accessed) item.accessed = accessed;
    if (piece.lang && oneLine(piece.lang)) item.language = oneLine(piece.lang);
    if (piece.excerpt && oneLine(piece.excerpt)) item.abstract = oneLine(piece.excerpt);
    return item;
  });
}

// --- BibTeX -------------------------------------------------------------------------------------

const LATEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\textasciitilde{}',
};

/**
 * A field value for `{…}`: one line, LaTeX specials escaped, braces balanced. Other characters
 * stay as they are (UTF-8, which biber, Zotero and JabRef read; `<` and `>` print right with T1
 * fonts, XeLaTeX and LuaLaTeX).
 */
export function bibtexText(text: string): string {
  return oneLine(text).replace(/[\\{}$&%#_^~]/g, (c) => LATEX_SPECIAL[c]!);
}

/** A URL for biblatex's verbatim `url` field: what would unbalance the braces is encoded. */
function bibtexUrl(url: string): string {
  return wellFormed(url.trim()).replace(/[\s{}\\]/g, (c) => encodeURIComponent(c));
}

/** biblatex `langid` (a babel language name) for the commonest language tags. */
const BABEL: Record<string, string> = {
  ar: 'arabic',
  de: 'ngerman',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  fr: 'french',
  he: 'hebrew',
  it: 'italian',
  ja: 'japanese',
  nl: 'dutch',
  pl: 'polish',
  pt: 'portuguese',
  ru: 'russian',
  sv: 'swedish',
  uk: 'ukrainian',
};

/** One name part, braced when it holds what BibTeX would split a name list or a name on. */
function namePart(text: string): string {
  const escaped = bibtexText(text);
  return /,|\band\b/i.test(escaped) ? `{${escaped}}` : escaped;
}

function bibtexName(name: PersonName): string {
  if ('literal' in name) return `{${bibtexText(name.literal)}}`;
  const family = namePart(name.family);
  return name.given ? `${family}, ${namePart(name.given)}` : `{${family}}`;
}

/** BibTeX (biblatex `@online` entries, which BibTeX styles read as `misc`), UTF-8. */
export function exportBibtex(backup: Backup): string {
  const collection = new Collection(backup);
  const keys = citationKeys(collection);
  const entries = backup.pieces.map((piece) => {
    const fields: Array<[string, string]> = [];
    const authors = authorsOf(collection, piece);
    if (authors.length) fields.push(['author', authors.map(bibtexName).join(' and ')]);
    fields.push(['title', bibtexText(piece.title) || bibtexText(piece.url)]);
    if (piece.siteName && oneLine(piece.siteName)) {
      fields.push(['organization', bibtexText(piece.siteName)]);
    }
    const published = isoDay(piece.publishedTime);
    const parts = dateParts(piece.publishedTime);
    if (published && parts) {
      fields.push(['date', published], ['year', String(parts[0])]);
    }
    fields.push(['url', bibtexUrl(piece.url)]);
    const accessed = isoDay(piece.capturedAt);
    if (accessed) fields.push(['urldate', accessed]);
    const babel = piece.lang ? BABEL[piece.lang.toLowerCase().split(/[-_]/)[0]!] : undefined;
    if (babel) fields.push(['langid', babel]);
    if (piece.excerpt && oneLine(piece.excerpt)) {
      fields.push(['abstract', bibtexText(piece.excerpt)]);
    }
    const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
    return `@online{${keys.get(piece.id)!},\n${body}\n}\n`;
  });
  return entries.join('\n');
}

// --- RIS ----------------------------------------------------------------------------------------

/**
 * A RIS name: `Family, Given[, Suffix]`. A comma in a family name starts the suffix part
 * (`Tables, Jr.` → `Tables, Robert, Jr.`); a name kept whole, or a family name alone, ends with
 * a comma (EndNote's mark of a corporate author), so that no reader splits it in two. Commas
 * anywhere else would shift the parts, so they become spaces.
 */
function risName(name: PersonName): string {
  const plain = (text: string) => text.replace(/\s*,\s*/g, ' ').trim();
  if ('literal' in name) return `${plain(name.literal)},`;
  const [family = '', ...suffix] = name.family.split(',').map((part) => part.trim());
  const given = plain(name.given);
  if (suffix.length) return `${family}, ${given}, ${plain(suffix.join(' '))}`;
  return given ? `${family}, ${given}` : `${family},`;
}

/**
 * RIS (`TY  - ELEC` records), UTF-8, CRLF line ends. Every value is one line, so nothing in it
 * can start a tag (`ER  - `) of its own.
 */
export function exportRis(backup: Backup): string {
  const collection = new Collection(backup);
  const lines: string[] = [];
  const tag = (name: string, value: string) => {
    const text = oneLine(value);
    if (text) lines.push(`${name}  - ${text}`);
  };
  for (const piece of backup.pieces) {
    lines.push('TY  - ELEC');
    tag('TI', piece.title || piece.url);
    for (const name of authorsOf(collection, piece)) {
      // `Family, Given`; a family name alone or a name kept whole ends with a comma (EndNote's
      // mark of a corporate author), so that no reader splits it into given and family names.
      tag('AU', risName(name));
    }
    if (piece.siteName) tag('T2', piece.siteName);
    const parts = dateParts(piece.publishedTime);
    if (parts) {
      const [y, m, d] = parts;
      tag('PY', String(y));
      tag('DA', `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/`);
    }
    tag('UR', piece.url);
    const accessed = isoDay(piece.capturedAt);
    if (accessed) tag('Y2', accessed);
    if (piece.lang) tag('LA', piece.lang);
    if (piece.excerpt) tag('AB', piece.excerpt);
    lines.push('ER  - ', '');
  }
  return lines.join('\r\n');
}
