/** The rows of the Tags panel, and finding a tag by a name typed there. Pure. */
import type { PersonName, TagKind, TagRow } from '../model/records';
import { themeColor } from '../tags/colors';
import { tagKey } from '../tags/normalize';

export interface TagTableRow {
  id: string;
  kind: TagKind;
  name: string;
  aliases: string[];
  pieces: number;
  passages: number;
  /** Themes: the highlight colour (chosen or from the palette). */
  color: string | null;
  personName: PersonName | null;
}

/** The tags of `kind`, A–Z, with their counts (0 for a tag nothing carries). */
export function tagTableRows(
  tags: readonly TagRow[],
  kind: TagKind,
  counts: ReadonlyMap<string, { pieces: number; passages: number }>,
): TagTableRow[] {
  return tags
    .filter((tag) => tag.kind === kind)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((tag) => ({
      id: tag.id,
      kind,
      name: tag.name,
      aliases: tag.aliases,
      pieces: counts.get(tag.id)?.pieces ?? 0,
      passages: counts.get(tag.id)?.passages ?? 0,
      color: kind === 'theme' ? themeColor(tag) : null,
      personName: tag.personName,
    }));
}

/** The tag of `kind` whose name or alias is `typed` (case, accents and spacing aside). */
export function tagByTypedName(
  tags: readonly TagRow[],
  kind: TagKind,
  typed: string,
): TagRow | undefined {
  const key = tagKey(typed);
  if (!key) return undefined;
  const ofKind = tags.filter((tag) => tag.kind === kind);
  return ofKind.find((tag) => tag.key === key) ?? ofKind.find((t) => t.aliasKeys.includes(key));
}
