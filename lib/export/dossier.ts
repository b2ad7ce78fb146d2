/**
 * One Markdown file of the whole collection, grouped by author or by theme, with a table of
 * contents. A piece goes under each of its authors (themes) with all its passages, and under an
 * author (theme) that only some of its passages carry with those passages; pieces with no author
 * (theme) of their own go under "No author" ("No theme"), so every passage appears at least once.
 *
 * The contents link to the headings by the anchors GitHub, GitLab, VS Code and most Markdown
 * tools generate (lower case, punctuation dropped, spaces as hyphens, `-1`, `-2` for repeats).
 */
import type { Backup } from '../backup/format';
import type { PassageRow, PieceRow, TagRow } from '../model/records';
import { frontMatter, inline, paragraphs, pieceLine, renderPassage, PLAIN_TAGS } from './markdown';
import { Collection, type ProgressCallback } from './model';
import { Pacer } from './pace';
import { displayTitle, fileDate, oneLine } from './text';

export type GroupBy = 'author' | 'theme';

export interface DossierOptions {
  groupBy: GroupBy;
  /** The date in the heading (default: the backup's `exportedAt`). */
  now?: Date;
  onProgress?: ProgressCallback;
}

/** Heading anchors as GitHub makes them (github-slugger's rules). */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const base = oneLine(text)
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let slug = base;
    let count = this.seen.get(base) ?? 0;
    while (this.seen.has(slug)) slug = `${base}-${++count}`;
    this.seen.set(base, count);
    this.seen.set(slug, 0);
    return slug;
  }
}

interface Entry {
  piece: PieceRow;
  /** The title shown (worked out once per piece). */
  title: string;
  /** The passages shown: all of the piece's, or those that carry the group's tag. */
  passages: PassageRow[];
}

interface Group {
  name: string;
  sortKey: string;
  entries: Entry[];
  passages: number;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function sortKey(tag: TagRow): string {
  const name = tag.personName;
  if (name && 'family' in name && name.family) return `${name.family} ${name.given}`;
  return tag.name;
}

function byDate(a: Entry, b: Entry): number {
  const x = a.piece.publishedTime ?? '';
  const y = b.piece.publishedTime ?? '';
  if (x !== y) return x === '' ? 1 : y === '' ? -1 : x < y ? -1 : 1;
  return collator.compare(a.title, b.title);
}

function buildGroups(collection: Collection, groupBy: GroupBy): Group[] {
  const field = groupBy === 'author' ? 'authorIds' : 'themeIds';
  const groups = new Map<string, Group>();
  const none: Group = {
    name: groupBy === 'author' ? 'No author' : 'No theme',
    sortKey: '',
    entries: [],
    passages: 0,
  };
  const groupOf = (id: string): Group | null => {
    const tag = collection.tags.get(id);
    if (!tag || tag.kind !== groupBy) return null;
    let group = groups.get(id);
    if (!group) {
      group = { name: oneLine(tag.name), sortKey: sortKey(tag), entries: [], passages: 0 };
      groups.set(id, group);
    }
    return group;
  };
  for (const piece of collection.pieces) {
    const passages = collection.passages(piece.id);
    const title = displayTitle(piece);
    const own = new Set<string>();
    for (const id of piece[field]) {
      const group = groupOf(id);
      if (!group || own.has(id)) continue;
      own.add(id);
      group.entries.push({ piece, title, passages });
      group.passages += passages.length;
    }
    if (own.size === 0) {
      none.entries.push({ piece, title, passages });
      none.passages += passages.length;
    }
    const extra = new Map<string, PassageRow[]>();
    for (const passage of passages) {
      for (const id of passage[field]) {
        if (own.has(id)) continue;
        const list = extra.get(id);
        if (list) {
          if (list[list.length - 1] !== passage) list.push(passage);
        } else extra.set(id, [passage]);
      }
    }
    for (const [id, list] of extra) {
      const group = groupOf(id);
      if (!group) continue;
      group.entries.push({ piece, title, passages: list });
      group.passages += list.length;
    }
  }
  const sorted = [...groups.values()].sort(
    (a, b) => collator.compare(a.sortKey, b.sortKey) || collator.compare(a.name, b.name),
  );
  if (none.entries.length) sorted.push(none);
  for (const group of sorted) group.entries.sort(byDate);
  return sorted;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The dossier in parts (one per piece entry, after a head with the contents); `done` counts the
 * entries written, for progress.
 */
export function* dossierParts(
  backup: Backup,
  options: DossierOptions,
): Generator<{ text: string; done: number; total: number }> {
  const collection = new Collection(backup);
  const groups = buildGroups(collection, options.groupBy);
  const total = groups.reduce((sum, group) => sum + group.entries.length, 0);
  const title = `Commonplace — by ${options.groupBy}`;
  const day = options.now ? fileDate(options.now) : backup.exportedAt.slice(0, 10);

  // Anchors depend on every heading before them, so they are all worked out first.
  const slugger = new Slugger();
  slugger.slug(title);
  slugger.slug('Contents');
  const anchors = groups.map((group) => {
    const anchor = slugger.slug(group.name);
    for (const entry of group.entries) slugger.slug(entry.title);
    return anchor;
  });

  const head = [
    frontMatter({
      title,
      exported: day,
      pieces: backup.pieces.length,
      passages: backup.passages.length,
    }),
    `# ${inline(title)}`,
    `${plural(backup.pieces.length, 'piece', 'pieces')} and ${plural(backup.passages.length, 'passage', 'passages')}, exported ${day}.`,
    '## Contents',
    groups.length
      ? groups
          .map(
            (group, i) =>
              `- [${inline(group.name)}](#${encodeURI(anchors[i]!)}) (${plural(group.entries.length, 'piece', 'pieces')}, ${plural(group.passages, 'passage', 'passages')})`,
          )
          .join('\n')
      : 'Nothing to show: the collection is empty.',
  ];
  yield { text: head.join('\n\n') + '\n', done: 0, total };

  let done = 0;
  for (const group of groups) {
    yield { text: `\n## ${inline(group.name)}\n`, done, total };
    for (const entry of group.entries) {
      const { piece } = entry;
      const out = [`### ${inline(entry.title)}`, pieceLine(piece)];
      const authors = collection.tagsOf(piece.authorIds).map((t) => inline(t.name));
      const themes = collection.tagsOf(piece.themeIds).map((t) => inline(t.name));
      const about = [
        authors.length ? `By ${authors.join(', ')}` : '',
        themes.length ? `Themes: ${themes.join(', ')}` : '',
      ].filter(Boolean);
      if (about.length) out.push(about.join(' · '));
      const note = paragraphs(piece.note);
      if (note) out.push(note);
      for (const passage of entry.passages) {
        out.push(renderPassage(collection, piece, passage, PLAIN_TAGS));
      }
      yield { text: '\n' + out.join('\n\n') + '\n', done: ++done, total };
    }
  }
}

/** The dossier as one Markdown string. */
export function exportDossier(backup: Backup, options: DossierOptions): string {
  const parts: string[] = [];
  let pacer: Pacer | undefined;
  for (const part of dossierParts(backup, options)) {
    parts.push(part.text);
    pacer ??= new Pacer(part.total, options.onProgress);
    pacer.step(part.done);
  }
  pacer?.finish();
  return parts.join('');
}
