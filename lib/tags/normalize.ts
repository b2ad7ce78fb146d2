/** Tag names as people type them, and the key that makes "Kagarlitsky" and "kagarlitsky " one tag. */

/** Display form: trimmed, inner whitespace collapsed, Unicode NFC. */
export function cleanTagName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Case-, accent- and punctuation-insensitive key: "Solidarité–S" and "solidarite s" collide,
 * "Kagarlitsky" and "KAGARLITSKY" collide. Accents are folded on Latin and Greek letters only:
 * in other scripts a mark makes another letter (Russian й is not и). Letters of any script are
 * kept, so "Кагарлицкий" and "Kagarlitsky" stay distinct (an alias joins them).
 */
export function tagKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Cleans a list of names, dropping empties and key-duplicates (first spelling wins). */
export function uniqueTagNames(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of names) {
    const name = cleanTagName(raw);
    const key = tagKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    result.push(name);
  }
  return result;
}

/** Short URL-and-filename-safe form (Obsidian `tags`, file names). */
export function tagSlug(name: string): string {
  return tagKey(name).replace(/ /g, '-');
}

/**
 * Replaces each name by the name of the existing tag it would be filed under: the tag with the
 * same key, or the one that has it as another spelling (`spellings`: alias key → tag name). So
 * suggestions taken from a page ("russian imperialism", "B. Kagarlitsky") show as the reader's
 * tags ("Russian imperialism", "Boris Kagarlitsky").
 */
export function preferKnownSpelling(
  names: string[],
  known: string[],
  spellings: Readonly<Record<string, string>> = {},
): string[] {
  const byKey = new Map(known.map((name) => [tagKey(name), name]));
  const nameOf = (name: string) => {
    const key = tagKey(name);
    return byKey.get(key) ?? (Object.hasOwn(spellings, key) ? spellings[key]! : name);
  };
  return uniqueTagNames(names.map(nameOf));
}

/** Alias key → tag name, for `preferKnownSpelling`. */
export function spellingsOf(tags: readonly { name: string; aliasKeys: string[] }[]) {
  const spellings: Record<string, string> = {};
  for (const tag of tags) for (const key of tag.aliasKeys) spellings[key] ??= tag.name;
  return spellings;
}
