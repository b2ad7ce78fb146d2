/**
 * Tags: authors and themes, found by a case- and accent-insensitive key or any alias. `ensureTags`
 * runs in the transaction that writes what carries the tags (see lib/collection); the others are
 * single reads or one update.
 */
import { parsePersonName } from '../extract/names';
import type { TagKind } from '../model/records';
import { cleanTagName, tagKey, uniqueTagNames } from '../tags/normalize';
import { UserError } from '../errors';
import { assertSavable } from './limits';
import { newId, nowIso, type CollectionTables } from './schema';
import type { TagRow } from '../model/records';

/** The tag of this kind whose key or alias key is `key`. */
export async function findTag(
  t: CollectionTables,
  kind: TagKind,
  key: string,
): Promise<TagRow | undefined> {
  const byKey = await t.tags.where('[kind+key]').equals([kind, key]).first();
  if (byKey) return byKey;
  return t.tags
    .where('aliasKeys')
    .equals(key)
    .filter((tag) => tag.kind === kind)
    .first();
}

export function newTag(kind: TagKind, name: string, now: string): TagRow {
  const clean = cleanTagName(name);
  return {
    id: newId(),
    kind,
    name: clean,
    key: tagKey(clean),
    aliases: [],
    aliasKeys: [],
    color: null,
    personName: kind === 'author' ? parsePersonName(clean) : null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The tags for `names`, in order, creating the missing ones: inside the transaction that writes
 * what carries them, so that a failed save leaves no orphan tags behind.
 */
export async function ensureTags(
  t: CollectionTables,
  kind: TagKind,
  names: string[],
  now: string = nowIso(),
): Promise<TagRow[]> {
  const tags: TagRow[] = [];
  for (const name of uniqueTagNames(names)) {
    let tag = await findTag(t, kind, tagKey(name));
    if (!tag) {
      tag = newTag(kind, name, now);
      assertSavable('tags', tag);
      await t.tags.add(tag);
    }
    if (!tags.some((known) => known.id === tag.id)) tags.push(tag);
  }
  return tags;
}

/** All tags of a kind, by display name (for autocomplete and facets). */
export async function listTags(t: CollectionTables, kind: TagKind): Promise<TagRow[]> {
  const tags = await t.tags.where('kind').equals(kind).toArray();
  return tags.sort((a, b) => a.name.localeCompare(b.name));
}

/** Tags by id, in the order of `ids`, skipping ids that no longer exist. */
export async function tagsByIds(t: CollectionTables, ids: string[]): Promise<TagRow[]> {
  const rows = await t.tags.bulkGet(ids);
  return rows.filter((row): row is TagRow => row !== undefined);
}

/** Sets a theme's highlight colour (`#rrggbb`). */
export async function setThemeColor(t: CollectionTables, id: string, color: string): Promise<void> {
  if (!/^#[0-9a-f]{6}$/i.test(color)) {
    throw new UserError(`Not a colour: “${color}”. A colour is written #rrggbb.`);
  }
  if (!(await t.tags.get(id))) {
    throw new UserError('This tag no longer exists: it was merged or deleted.');
  }
  await t.tags.update(id, { color: color.toLowerCase(), updatedAt: nowIso() });
}

/** The ids of the authors and themes named in `names`, creating the missing tags (in order). */
export async function ensureTagIds(
  t: CollectionTables,
  names: { authors: string[]; themes: string[] },
  now: string,
): Promise<{ authorIds: string[]; themeIds: string[] }> {
  const authors = await ensureTags(t, 'author', names.authors, now);
  const themes = await ensureTags(t, 'theme', names.themes, now);
  return { authorIds: authors.map((tag) => tag.id), themeIds: themes.map((tag) => tag.id) };
}
