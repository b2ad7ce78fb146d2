// Long file: every byline source and the cleaning rules they share, read together whenever a rule changes.
/**
 * Author names from bylines and metadata. Bylines are free text written for people ("By Ana García
 * y Luis Pérez · 3 March 2015 · Photo: Reuters"); this module turns them into a list of names.
 */
import { isNameParticle, isOrganisationName, parsePersonName } from './names';
import { parseUrl } from './resolve-url';
import { collapseWhitespace, foldKey, uniqueFolded } from './text';

export interface ParseAuthorsOptions {
  /** The site's name: dropped from the authors when a person is also named. */
  siteName?: string | null;
  /**
   * The strings are names from structured data (JSON-LD `Person.name`): commas do not separate
   * people there, and "Family, Given" is turned around to "Given Family".
   */
  structured?: boolean;
}

/** Words that introduce the author: "By", "Par", "Von", "Por", "Door", "Di" … */
const PREFIX_RE =
  /^(?:(?:(?:alles|mehr|alle\s+(?:artikel|beiträge))\s+von|(?:more|all\s+(?:posts|articles|stories))\s+(?:by|from)|(?:zur\s+)?autorenseite(?:\s+von)?|(?:written|posted|words|story|text|report|reported|an article|article|post|published|submitted)\s+by|(?:(?:ein\s+)?(?:beitrag|artikel|text|gastbeitrag)|geschrieben|verfasst|veröffentlicht|erstellt|gepostet|publiziert|eingestellt)\s*von|(?:écrit|publié|rédigé|proposé)\s+par|(?:escrito|publicado)\s+por|(?:scritto|pubblicato)\s+da|by|par|von|vom|por|door|di|da|de|af|av|przez|от|автор(?:ы)?|autor(?:in|innen|en|a|es)?|auteur(?:e|s|es)?|authors?|text|texte|verfasser(?:in)?)(?:\s*:)?)(?=\s|$|(?<=:)|(?<=von)\p{Lu})\s*/iu;

/** Prefixes that are also name particles: only stripped when a full name follows. */
const AMBIGUOUS_PREFIX_RE = /^(?:di|da|de|door|af|av)\s/i;

/** Roles of people who are not authors; the text from the role onwards is dropped. */
const ROLE_RE = new RegExp(
  '(?<!\\p{L})(?:' +
    [
      'additional reporting',
      'reporting',
      'translated',
      'translation',
      'translator',
      'traduit(?:e|es|s)?',
      'traduction',
      'traducteur',
      'traductrice',
      'übersetzt',
      'übersetzung',
      'übersetzer(?:in)?',
      'ins deutsche',
      'aus dem [\\p{L}]+',
      'traducid[oa]s?',
      'traducción',
      'traductor(?:a)?',
      'tradott[oa]',
      'traduzione',
      'vertaald',
      'vertaling',
      'edited',
      'editing',
      'editor',
      'éditée?',
      'editad[oa]',
      'edición',
      'herausgegeben',
      'redigiert',
      'lektorat',
      'photo credits?',
      'photos?',
      'photographs?',
      'photography',
      'photographer',
      'fotos?',
      'fotografie',
      'fotografía',
      'pictures?',
      'images?',
      'illustrations?',
      'illustrated',
      'illustrator',
      'artwork',
      'graphics?',
      'video',
      'credits?',
      'crédits?',
      'bildnachweis',
      // Link texts that follow a name in an author box ("Zeige alle Beiträge von …").
      '(?:zeige|show|view|see) (?:alle|all)',
      'alle (?:artikel|beiträge|posts)',
      'weitere (?:artikel|beiträge)',
      'mehr (?:artikel|beiträge|von)',
      '(?:view|see) all',
      'all (?:posts|articles|stories)',
      'more (?:posts|articles|stories|from|by)',
      'tous (?:les|ses) articles',
      'voir (?:tous|le profil)',
      'profil(?:e)?',
      'follow',
      'folgen',
      'kontakt',
      'contact',
      'e-?mail',
      'twitter',
      'facebook',
      'instagram',
      'linkedin',
      'kommentare?',
      'comments?',
      // Sources and pictures credited after the author ("Fritz Imhof Quelle: Livenet").
      'quelle',
      'source',
      'fotos?',
      'photos?',
      'edition',
    ].join('|') +
    ')(?!\\p{L})',
  'iu',
);

const MONTH_WORDS =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|' +
  'août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|' +
  'febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
const WEEKDAY_WORDS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|' +
  'sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|' +
  'donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|lunes|martes|miércoles|jueves|viernes|sábado|domingo';

/** Words that start a date or time stamp in a byline: everything from there on is dropped. */
const DATE_START_RE =
  /(?<!\p{L})(?:updated|update|published|posted|last modified|modified|mis à jour|publié|aktualisiert|veröffentlicht|actualizado|publicado|yesterday|today|hier|aujourd'hui|gestern|heute|ayer|hoy|hace|vor)(?!\p{L})|(?<![\p{L}\p{N}])\d/iu;

/** Words left dangling at the end of a name after a date was cut off. */
const WEEKDAY_RE = new RegExp(`^(?:${WEEKDAY_WORDS})\\.?$`, 'iu');

/**
 * What follows a name without a space when a template glues it on: a credit or a relative date
 * ("ImhofQuelle:", "WilsonHace 2 horas", "Deutschlandvor 5 Stunden"), a date ("Collignon22. Februar").
 */
const GLUED_RE =
  /(?<=\p{Ll})(?=(?:Quelle|Source|Foto|Fotos|Photo|Bild|Hace|Vor)(?:[\s:]|$)|(?:vor|hace)\s+\d|\d{1,2}\.\s*[\p{L}\d])/gu;

const DANGLING_RE = new RegExp(
  `(?:[\\s,.;:·|–—-]+|(?<!\\p{L})(?:on|le|am|el|il|op|at|à|um|the|de|del|${MONTH_WORDS}|${WEEKDAY_WORDS})\\.?)+$`,
  'iu',
);

const SEGMENT_SPLIT_RE = /\s*(?:\r?\n|[|•·►▪]|;|\s[—–-]\s)\s*/u;
/** "and" in English, German, French, Spanish, Italian/Portuguese, Catalan, Russian, Dutch … */
const CONJUNCTION_RE =
  /\s+(?:[Aa]nd|AND|und|UND|et|ET|y|e|i|и|И|en|og|och|with|avec|mit|con)\s+|\s*[&+]\s*/u;
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mme',
  'mlle',
  'prof',
  'rev',
  'hon',
  'st',
  'jr',
  'sr',
  'gen',
  'col',
  'capt',
  'sgt',
  'gov',
  'sen',
  'rep',
  'fr',
  'hr',
]);

/** Job titles written after a name ("Jane Doe, Senior Correspondent"): not a second person. */
const JOB_WORDS = new Set([
  'correspondent',
  'reporter',
  'writer',
  'columnist',
  'contributor',
  'contributing',
  'analyst',
  'journalist',
  'secretary',
  'chair',
  'chairman',
  'chairwoman',
  'director',
  'fellow',
  'researcher',
  'member',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'lecturer',
  'professor',
  'activist',
  'organiser',
  'organizer',
  'campaigner',
  'korrespondent',
  'korrespondentin',
  'journaliste',
  'periodista',
  'corresponsal',
]);

/** Not names at all: CMS placeholders. */
const PLACEHOLDERS = new Set([
  'admin',
  'administrator',
  'webmaster',
  'unknown',
  'null',
  'undefined',
  'author',
  'user',
  'guest',
  'editor',
  'auteur',
  'autor',
  'name',
  'anonymous',
  'anonym',
  'anonyme',
]);

/** News agencies and desks that bylines name next to people. */
const AGENCIES = new Set([
  'reuters',
  'afp',
  'ap',
  'dpa',
  'efe',
  'ansa',
  'tass',
  'ria novosti',
  'associated press',
  'bloomberg',
  'upi',
  'pa',
  'kyodo',
  'xinhua',
  'interfax',
  'ukrinform',
  'anadolu',
  'agencies',
  'staff',
  'staff writer',
  'staff writers',
  'newsroom',
  'desk',
  'wire',
  'wires',
]);

/** Splits a byline into sentences/segments at ". " unless the dot ends an initial or a title. */
/**
 * Two-letter initials of transliterated names ("Boris Yu. Kagarlitsky", "Ch. Dickens"): a
 * capital and a small letter; a sentence seldom ends on such a word in a byline.
 */
function isTransliteratedInitial(word: string): boolean {
  return /^\p{Lu}\p{Ll}$/u.test(word);
}

function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /\.\s+(?=\p{Lu})/gu;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const before = text.slice(start, match.index);
    const word = /(\p{L}+)$/u.exec(before)?.[1] ?? '';
    const lastWord = word.toLowerCase();
    if (lastWord.length <= 1 || ABBREVIATIONS.has(lastWord) || isTransliteratedInitial(word)) {
      continue;
    }
    out.push(before);
    start = match.index + match[0].length;
  }
  out.push(text.slice(start));
  return out;
}

function stripPrefix(text: string): string {
  let current = text;
  for (let i = 0; i < 3; i++) {
    const match = PREFIX_RE.exec(current);
    if (!match || match[0] === '') break;
    const rest = current.slice(match[0].length);
    if (AMBIGUOUS_PREFIX_RE.test(match[0] + ' ') && rest.split(/\s+/).filter(Boolean).length < 2)
      break;
    current = rest;
  }
  return current;
}

function cleanName(text: string): string {
  return collapseWhitespace(text)
    .replace(/^[\s"'“”‘’«»„,.;:–—\-*~©]+/u, '')
    .replace(/[\s"'“”‘’«»„,;:–—\-*]+$/u, '')
    .replace(/(?<=\p{L}{2})\.$/u, '');
}

/** Degrees written after a name. */
const DEGREE_RE =
  /,\s*(?:ph\.?\s?d|m\.?d|msc|mba|m\.?a|b\.?a|bsc|rd|rn|mph|dphil|llm|j\.?d|esq)\.?$/iu;

/** Job titles written before a name ("Rechtsanwalt Sebastian Einbock", "FOCUS-Online-Experte …"). */
const LEADING_JOB_RE =
  /^(?:[\p{L}-]+-)?(?:rechtsanwalt|rechtsanwältin|fachanwalt|fachanwältin|anwalt|anwältin|notar|notarin|experte|expertin|redakteur|redakteurin|korrespondent|korrespondentin|reporter|reporterin|journalist|journalistin|kolumnist|kolumnistin|gastautor|gastautorin)\s+(?=\S+\s+\S)/iu;

/** Words of a site's furniture that a link beside a byline holds ("Zur Artikelübersicht", "Über"). */
const FURNITURE_WORDS = new Set([
  'über',
  'datum',
  'schlagworte',
  'schlagwörter',
  'artikelübersicht',
  'übersicht',
  'autorenseite',
  'inhalte',
  'revised',
]);

/** The name once when a byline repeats it ("Kathrin Führes Kathrin Führes": a caption and a link). */
function withoutRepeat(name: string): string {
  const words = name.split(' ');
  const half = words.length / 2;
  if (half < 2 || !Number.isInteger(half)) return name;
  const first = words.slice(0, half).join(' ');
  return foldKey(first) === foldKey(words.slice(half).join(' ')) ? first : name;
}

/**
 * Words of a sentence, not a name: a capitalised word beside a lower-case one that is no particle
 * ("in Uncategorized", "Hinterlasse einen", "Er studierte Russistik"). A name all in lower case
 * ("mywakenews", "rasos") is a handle.
 */
function isPhrase(name: string): boolean {
  const words = name.split(/\s+/);
  return (
    words.some((word) => /^\p{Lu}/u.test(word)) &&
    words.some((word) => /^\p{Ll}+$/u.test(word) && !isNameParticle(word))
  );
}

function isPlausibleName(name: string): boolean {
  if (name === '' || name.length > 70) return false;
  if (!/\p{L}/u.test(name)) return false;
  // Digits inside a handle ("freeman1984", "c1ph4") are a name's; a number on its own is not.
  if (/[@/\\<>{}=]|https?:|www\.|(?<![\p{L}\p{N}])\d/iu.test(name)) return false;
  const words = name.toLowerCase().split(/\s+/);
  if (words.length > 6) return false;
  if (words.some((word) => JOB_WORDS.has(word) || FURNITURE_WORDS.has(word))) return false;
  if (/^no author$/i.test(name) || words.every((word) => WEEKDAY_RE.test(word))) return false;
  if (isPhrase(name) && !isNonPersonAuthor(name)) return false;
  return !PLACEHOLDERS.has(name.toLowerCase());
}

/** Splits one segment ("A, B and C") into names, keeping organisations whole. */
function splitNames(segment: string, structured: boolean): string[] {
  const commaParts = structured ? [segment] : segment.split(/\s*,\s*/);
  const names: string[] = [];
  for (const part of commaParts) {
    const pieces = part.split(CONJUNCTION_RE).map((piece) => stripPrefix(cleanName(piece)));
    // "Socialists and Democrats Group" is one organisation, "Jane Doe and Newsroom" two names.
    const keepWhole =
      pieces.length > 1 &&
      isOrganisationName(part) &&
      pieces.some((piece) => !piece.includes(' ') && !isNonPersonAuthor(piece));
    names.push(...(keepWhole ? [part] : pieces));
  }
  // "Jane Doe, Political Editor" leaves "Political": a lone word next to full names is a title.
  const cleaned = names.map(cleanName).filter((name) => name !== '');
  return cleaned.some((name) => name.includes(' '))
    ? cleaned.filter((name) => name.includes(' ') || isOrganisationName(name))
    : cleaned;
}

function namesFromString(raw: string, structured: boolean): string[] {
  let text = raw
    .normalize('NFC')
    .replace(/\bmailto:\S*/gi, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/https?:\/\/\S+/gi, ' ')
    // A handle after the name ("Williams Perdomo @wperdomod") is not a second name.
    .replace(/(^|\s)@[\p{L}\d_.]+/gu, '$1')
    // "X (avec Y et Z)" names three people; other brackets hold roles, places or handles.
    .replace(/\(\s*(?:avec|with|mit|con|com|met|und|and|et|y)\s+([^)]*)\)/giu, ', $1')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(GLUED_RE, ' ');
  if (structured) {
    // "Grant Tinsley, PhD" is no "Family, Given": the degree goes.
    const name = cleanName(text).replace(DEGREE_RE, '');
    const parts = /^[^,]+,[^,]+$/.test(name) ? parsePersonName(name) : null;
    text = parts && 'family' in parts ? `${parts.given} ${parts.family}` : name;
  }
  const names: string[] = [];
  // A name set one word per line ("Dr.\n Nino\n Jordan") is one name.
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > 1 && lines.length <= 4 && lines.every((line) => /^\p{Lu}\S*$/u.test(line)))
    text = lines.join(' ');
  for (const line of text.split(SEGMENT_SPLIT_RE)) {
    for (let segment of splitSentences(line)) {
      // "Veröffentlicht von HansG", "Posted by …": the prefix goes before a date is looked for.
      segment = stripPrefix(cleanName(segment));
      const role = ROLE_RE.exec(segment);
      if (role) segment = segment.slice(0, role.index);
      const date = DATE_START_RE.exec(segment);
      if (date) segment = segment.slice(0, date.index).replace(DANGLING_RE, '');
      segment = stripPrefix(cleanName(segment));
      if (segment === '') continue;
      for (const name of splitNames(segment, structured)) {
        const clean = withoutRepeat(cleanName(name).replace(LEADING_JOB_RE, ''));
        if (isPlausibleName(clean)) names.push(clean);
      }
    }
  }
  return names;
}

/** True when a name found in a byline is a desk, agency, organisation or the site itself. */
export function isNonPersonAuthor(name: string, siteName?: string | null): boolean {
  const key = foldKey(name);
  if (siteName && key === foldKey(siteName)) return true;
  if (AGENCIES.has(key) || key.split(' ').some((word) => AGENCIES.has(word) && word.length > 3))
    return true;
  return isOrganisationName(name);
}

/**
 * People named by one source of author strings (e.g. all `meta[name=author]` values), split and
 * cleaned: "Par Jean Dupont et Marie Curie" → ["Jean Dupont", "Marie Curie"]. Translators, editors,
 * photographers, dates and e-mail addresses are dropped; so are desks, agencies and the site name
 * when at least one person is named. When only an organisation is named it is kept.
 * De-duplicated case- and accent-insensitively, first spelling kept.
 */
export function parseAuthors(
  rawStrings: ReadonlyArray<string | null | undefined>,
  options: ParseAuthorsOptions = {},
): string[] {
  const names: string[] = [];
  const site = options.siteName ? foldKey(options.siteName) : null;
  for (const raw of rawStrings) {
    if (typeof raw !== 'string' || !raw.trim()) continue;
    // "Jobs & Hire" named as the author is the site, not two people.
    if (foldKey(raw) === site) names.push(cleanName(raw));
    else names.push(...namesFromString(raw, !!options.structured));
  }
  const unique = uniqueFolded(names);
  const people = unique.filter((name) => !isNonPersonAuthor(name, options.siteName));
  return people.length > 0 ? people : unique;
}

/** One source of author strings, in priority order for `pickAuthors`. */
export interface AuthorSource {
  strings: ReadonlyArray<string | null | undefined>;
  structured?: boolean;
}

/**
 * Authors from several sources in priority order (JSON-LD, meta author, byline …): the first
 * source that names a person wins; when none does, the first source naming an organisation.
 */
export function pickAuthors(
  sources: ReadonlyArray<AuthorSource>,
  siteName?: string | null,
): string[] {
  let fallback: string[] = [];
  for (const source of sources) {
    const names = parseAuthors(source.strings, { siteName, structured: source.structured });
    if (names.some((name) => !isNonPersonAuthor(name, siteName))) return names;
    if (fallback.length === 0) fallback = names;
  }
  return fallback;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** "https://site/author/jane-doe/" → "Jane Doe": a last resort when only a profile URL is given. */
export function nameFromProfileUrl(url: string): string | null {
  const path = parseUrl(url)?.pathname;
  if (path === undefined) return null;
  const slug = safeDecode(path.split('/').filter(Boolean).pop() ?? '');
  if (!/^[\p{L}]+(?:[-_.][\p{L}]+){1,3}$/u.test(slug)) return null;
  if (/\.(?:php|html?|aspx?|jsp|cgi)$/i.test(slug)) return null;
  return slug
    .split(/[-_.]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
