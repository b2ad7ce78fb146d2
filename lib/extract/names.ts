/**
 * Person-name handling for author tags: split "Given Family" / "Family, Given" into parts, and
 * recognise names of organisations, which are kept whole (CSL-style `literal`).
 */

export type PersonName = { family: string; given: string } | { literal: string };

/** Words that make a name an organisation's ("USC Editors", "Socialist Campaign Group" …). */
const ORGANISATION_WORDS = new Set([
  'editors',
  'editor',
  'editorial',
  'staff',
  'group',
  'campaign',
  'committee',
  'collective',
  'agency',
  'agencies',
  'institute',
  'party',
  'movement',
  'desk',
  'newsroom',
  'team',
  'network',
  'union',
  'unions',
  'council',
  'association',
  'federation',
  'foundation',
  'centre',
  'center',
  'coalition',
  'league',
  'society',
  'alliance',
  'bureau',
  'press',
  'news',
  'media',
  'magazine',
  'journal',
  'review',
  'caucus',
  'organisation',
  'organization',
  'secretariat',
  'board',
  'office',
  'ministry',
  'university',
  'wire',
  'reporters',
  'correspondents',
  'contributors',
  'redaktion',
  'rédaction',
  'redacción',
  'redazione',
  'collectif',
  'comité',
  'kollektiv',
  'komitee',
  'partei',
  'bewegung',
  'gruppe',
  'groupe',
  'partido',
  'movimiento',
  'colectivo',
  'sindicato',
  'syndicat',
  'gewerkschaft',
  'gazette',
  'tribune',
  'herald',
  'times',
  'post',
  'daily',
  'weekly',
  'blog',
  'admin',
]);

/** Particles that belong to the family name: "Ilse van der Berg" → family "van der Berg". */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'delle',
  'dei',
  'di',
  'du',
  'des',
  'le',
  'la',
  'ter',
  'ten',
  'der',
  'den',
  'het',
  "d'",
  'zu',
  'af',
  'av',
  'bin',
  'ibn',
  'al',
  'el',
  'st.',
]);

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv', 'junior', 'senior']);

function words(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

/** An all-capitals token of two or more letters, such as "USC" or "RS21". */
function isAcronym(word: string): boolean {
  if (word.includes('.')) return false; // initials such as "A.B."
  const letters = word.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
  );
}

/**
 * True when `name` names an organisation rather than a person: it contains an organisation word
 * (Editors, Staff, Group, Campaign, Committee …), is a web address, starts with "The", has digits, has more than four
 * words, or mixes an all-capitals acronym with other words ("USC Editors", "AFP"). A name written
 * entirely in capitals with several words ("JANE DOE") is taken as a shouted person's name.
 */
export function isOrganisationName(name: string): boolean {
  const parts = words(name.replace(/,/g, ' '));
  if (parts.length === 0) return false;
  if (parts.length > 4) return true;
  if (/\d/.test(name)) return true;
  // A web address ("finanztreff.de", "auto-motor.at Redaktion") names a site.
  if (/\p{L}\.[a-z]{2,6}(?!\p{L})/u.test(name)) return true;
  if (parts[0]!.toLowerCase() === 'the') return true;
  if (parts.some((part) => ORGANISATION_WORDS.has(part.toLowerCase().replace(/[.'’]+$/, ''))))
    return true;
  const acronyms = parts.filter(isAcronym);
  return acronyms.length > 0 && (parts.length === 1 || acronyms.length < parts.length);
}

/** A particle of a name ("van", "de", "zu"): written in lower case inside a person's name. */
export function isNameParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}

/**
 * Splits a display name into family and given names, or keeps it whole as `literal` for an
 * organisation or a single-word name. Handles "Family, Given", particles joining the family name
 * ("Luigi Di Maio" → "Di Maio") and generational suffixes ("Jr.").
 */
export function parsePersonName(name: string): PersonName {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean === '' || isOrganisationName(clean)) return { literal: clean };

  const commaParts = clean.split(',').map((part) => part.trim());
  if (commaParts.length === 2 && commaParts[0] && commaParts[1]) {
    const [before, after] = commaParts as [string, string];
    if (SUFFIXES.has(after.toLowerCase())) {
      const inner = parsePersonName(before);
      return 'family' in inner
        ? { family: `${inner.family} ${after}`, given: inner.given }
        : { literal: clean };
    }
    return { family: before, given: after };
  }
  if (commaParts.length > 2) return { literal: clean };

  const parts = words(clean);
  let suffix = '';
  if (parts.length > 2 && SUFFIXES.has(parts[parts.length - 1]!.toLowerCase()))
    suffix = ' ' + parts.pop()!;
  if (parts.length < 2) return { literal: clean };
  let start = parts.length - 1;
  while (start > 1 && PARTICLES.has(parts[start - 1]!.toLowerCase())) start--;
  return { family: parts.slice(start).join(' ') + suffix, given: parts.slice(0, start).join(' ') };
}
