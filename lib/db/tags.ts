/** Tags: authors and themes, found by a case- and accent-insensitive key or any alias. */
import { parsePersonName } from '../extract/names';
import type { TagKind } from '../model/records';
import { cleanTagName, tagKey, uniqueTagNames } from '../tags/normalize';
import { assertSavable } from './limits';
import { newId, nowIso, type CommonplaceDB } from './schema';
import type { TagRow } from '../model/records';

/** The tag of this kind whose key or alias key is `key`. */
export async function findTag(
  db: CommonplaceDB,
  kind: TagKind,
  key: string,
): Promise<TagRow | undefined> {
  const byKey = await db.tags.where('[kind+key]').equals([kind, key]).first();
  if (byKey) return byKey;
  return db.tags
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
 * The tags for `names`, in order, creating the missing ones. Call inside a transaction that
 * includes `db.tags` so that a failed save leaves no orphan tags behind.
 */
export async function ensureTags(
  db: CommonplaceDB,
  kind: TagKind,
  names: string[],
  now: string = nowIso(),
): Promise<TagRow[]> {
  const tags: TagRow[] = [];
  for (const name of uniqueTagNames(names)) {
    let tag = await findTag(db, kind, tagKey(name));
    if (!tag) {
      tag = newTag(kind, name, now);
      assertSavable('tags', tag);
      await db.tags.add(tag);
    }
    if (!tags.some((t) => t.id === tag.id)) tags.push(tag);
  }
  return tags;
}

/** All tags of a kind, by display name (for autocomplete and facets). */
export async function listTags(db: CommonplaceDB, kind: TagKind): Promise<TagRow[]> {
  const tags = await db.tags.where('kind').equals(kind).toArray();
  return tags.sort((a, b) => a.name.localeCompare(b.name));
}

/** Tags by id, in the order of `ids`, skipping ids that no longer exist. */
export async function tagsByIds(db: CommonplaceDB, ids: string[]): Promise<TagRow[]> {
  const rows = await db.tags.bulkGet(ids);
  return rows.filter((row): row is TagRow => row !== undefined);
}

/** Sets a theme's highlight colour (`#rrggbb`). */
export async function setThemeColor(db: CommonplaceDB, id: string, color: string): Promise<void> {
  if (!/^#[0-9a-f]{6}$/i.test(color)) throw new Error(`Not a colour: ${color}`);
  await db.tags.update(id, { color: color.toLowerCase(), updatedAt: nowIso() });
}
