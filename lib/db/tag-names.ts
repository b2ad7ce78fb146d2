/**
 * A tag's names: renaming it, its aliases (other spellings that file clips under it) and an
 * author's parsed name. Every function runs in a transaction the caller opened over the tags.
 * A name or alias is refused, with nothing changed, when it is empty or already another tag's.
 */
import { UserError } from '../errors';
import { parsePersonName } from '../extract/names';
import type { PersonName, TagKind, TagRow } from '../model/records';
import { cleanTagName, tagKey } from '../tags/normalize';
import { assertSavable } from './limits';
import type { CollectionTables } from './schema';
import { findTag } from './tags';

const KIND_NAME: Record<TagKind, string> = { author: 'author', theme: 'theme' };

/** A name that is already another tag's name or alias; `other` is that tag (offer a merge). */
export class TagNameTakenError extends UserError {
  override name = 'TagNameTakenError';
  constructor(
    readonly other: TagRow,
    message: string,
  ) {
    super(message);
  }
}

/** The tag `id`, or a UserError saying it is gone (merged or deleted, perhaps on another page). */
export async function existingTag(t: CollectionTables, id: string): Promise<TagRow> {
  const tag = await t.tags.get(id);
  if (!tag) throw new UserError('This tag no longer exists: it was merged or deleted.');
  return tag;
}

/** The clean form and key of a typed name, or a UserError when it has no letter or digit. */
export function typedName(name: string): { name: string; key: string } {
  const clean = cleanTagName(name);
  const key = tagKey(clean);
  if (!key) throw new UserError('A name needs at least one letter or digit.');
  return { name: clean, key };
}

/** Throws TagNameTakenError when `key` finds a tag of `tag`'s kind other than `tag`. */
async function assertFree(t: CollectionTables, tag: TagRow, typed: string, key: string) {
  const other = await findTag(t, tag.kind, key);
  if (!other || other.id === tag.id) return;
  const as = other.key === key ? 'the' : 'a spelling of the';
  throw new TagNameTakenError(
    other,
    `“${typed}” is already ${as} ${KIND_NAME[tag.kind]} “${other.name}”: merge “${tag.name}” into it instead. Nothing was changed.`,
  );
}

/** `tag` with its aliases `aliases` (display forms), their keys beside them, its own key never. */
function withAliases(tag: TagRow, aliases: readonly string[], stamp: string): TagRow {
  const byKey = new Map<string, string>();
  for (const alias of aliases) {
    const key = tagKey(alias);
    if (key && key !== tag.key && !byKey.has(key)) byKey.set(key, cleanTagName(alias));
  }
  return { ...tag, aliases: [...byKey.values()], aliasKeys: [...byKey.keys()], updatedAt: stamp };
}

/** `into` with `from`'s name and aliases as aliases of its own (what a merge makes). */
export function absorbedNames(into: TagRow, from: TagRow, stamp: string): TagRow {
  return withAliases(into, [...into.aliases, from.name, ...from.aliases], stamp);
}

/**
 * Renames a tag. A new name that is one of its own aliases swaps with it (the old name becomes
 * the alias); an author's parsed name follows unless it was edited by hand.
 */
export async function renameTagRow(
  t: CollectionTables,
  id: string,
  newName: string,
  stamp: string,
): Promise<TagRow> {
  const tag = await existingTag(t, id);
  const typed = typedName(newName);
  await assertFree(t, tag, typed.name, typed.key);
  const ownAlias = tag.aliasKeys.includes(typed.key);
  const aliases = tag.aliases.filter((alias) => tagKey(alias) !== typed.key);
  const parsedBefore = tag.kind === 'author' ? parsePersonName(tag.name) : null;
  const handEdited = JSON.stringify(parsedBefore) !== JSON.stringify(tag.personName);
  const renamed = withAliases(
    { ...tag, name: typed.name, key: typed.key },
    ownAlias ? [...aliases, tag.name] : aliases,
    stamp,
  );
  if (tag.kind === 'author' && !handEdited) renamed.personName = parsePersonName(typed.name);
  assertSavable('tags', renamed);
  await t.tags.put(renamed);
  return renamed;
}

/** Adds another spelling: clips whose page says it are filed under this tag from now on. */
export async function addAliasRow(
  t: CollectionTables,
  id: string,
  alias: string,
  stamp: string,
): Promise<TagRow> {
  const tag = await existingTag(t, id);
  const typed = typedName(alias);
  if (typed.key === tag.key || tag.aliasKeys.includes(typed.key)) {
    throw new UserError(`“${typed.name}” is already a spelling of “${tag.name}”.`);
  }
  await assertFree(t, tag, typed.name, typed.key);
  const updated = withAliases(tag, [...tag.aliases, typed.name], stamp);
  assertSavable('tags', updated);
  await t.tags.put(updated);
  return updated;
}

/** Removes a spelling (by its display form): clips that say it are no longer filed here. */
export async function removeAliasRow(
  t: CollectionTables,
  id: string,
  alias: string,
  stamp: string,
): Promise<TagRow> {
  const tag = await existingTag(t, id);
  const key = tagKey(alias);
  const updated = withAliases(
    tag,
    tag.aliases.filter((a) => tagKey(a) !== key),
    stamp,
  );
  await t.tags.put(updated);
  return updated;
}

/** Sets the name an author is cited by (family and given names, or one literal name). */
export async function setPersonNameRow(
  t: CollectionTables,
  id: string,
  personName: PersonName,
  stamp: string,
): Promise<TagRow> {
  const tag = await existingTag(t, id);
  if (tag.kind !== 'author') throw new UserError('Only an author has a name to cite.');
  const clean: PersonName =
    'literal' in personName
      ? { literal: cleanTagName(personName.literal) }
      : { family: cleanTagName(personName.family), given: cleanTagName(personName.given) };
  if ('literal' in clean ? !clean.literal : !clean.family) {
    throw new UserError('A cited name needs a family name (or one name for the whole).');
  }
  const updated = { ...tag, personName: clean, updatedAt: stamp };
  assertSavable('tags', updated);
  await t.tags.put(updated);
  return updated;
}
