/**
 * The collection as a folder of Markdown files that opens as an Obsidian vault, zipped:
 *
 *     Commonplace/Pieces/<title>.md    one per piece: YAML front matter, note, passages
 *     Commonplace/Authors/<name>.md    one per author (optional): aliases, links to the pieces
 *
 * `authors` in the front matter are `[[Name]]` links to the author pages, `tags` are theme slugs
 * (Obsidian tags), and every passage links to its page with a text fragment.
 */
import { Zip, ZipDeflate, type DeflateOptions } from 'fflate';
import type { PieceRow, TagRow } from '../model/records';
import type { Backup } from '../backup/format';
import { NameAllocator, safeBaseName } from './filenames';
import {
  fileLink,
  frontMatter,
  inline,
  obsidianTag,
  paragraphs,
  pieceLine,
  renderPassage,
  wikiLink,
  type TagStyle,
} from './markdown';
import { Collection, type ProgressCallback } from './model';
import { Pacer } from './pace';
import { displayTitle, oneLine, utf8 } from './text';

export interface MarkdownZipOptions {
  /** Write a page per author (`Authors/<name>.md`) for the `[[Name]]` links (default true). */
  authorPages?: boolean;
  /** Top folder inside the zip (default `Commonplace`). */
  folder?: string;
  /** Deflate level, 0–9 (default 6). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  onProgress?: ProgressCallback;
}

const AUTHORS_DIR = 'Authors';
const PIECES_DIR = 'Pieces';

/** Zip entries carry local DOS times from 1980 to 2107; anything else falls back. */
function zipTime(iso: string): Date {
  const date = new Date(iso);
  const year = date.getFullYear();
  return Number.isNaN(date.getTime()) || year < 1981 || year > 2098 ? new Date(1981, 0, 1) : date;
}

/** File names for every author and piece, unique across the vault (Obsidian links by name). */
function allocateNames(collection: Collection): {
  authorFile: Map<string, string>;
  pieceFile: Map<string, string>;
} {
  const names = new NameAllocator();
  const authorFile = new Map<string, string>();
  const pieceFile = new Map<string, string>();
  const authors = collection.backup.tags
    .filter((tag) => tag.kind === 'author')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const tag of authors) authorFile.set(tag.id, names.allocate(tag.name, 'Unnamed author'));
  for (const piece of collection.pieces) {
    pieceFile.set(piece.id, names.allocate(displayTitle(piece)));
  }
  return { authorFile, pieceFile };
}

function pieceMarkdown(
  collection: Collection,
  piece: PieceRow,
  style: TagStyle,
  authorLink: (tag: TagRow) => string,
): string {
  const authors = collection.tagsOf(piece.authorIds);
  const themes = collection.tagsOf(piece.themeIds);
  const tags = [
    ...new Set(themes.map((t) => obsidianTag(t.name)).filter((t): t is string => t !== null)),
  ];
  const out: string[] = [
    frontMatter({
      title: oneLine(piece.title),
      authors: authors.map(authorLink),
      themes: themes.map((t) => oneLine(t.name)),
      tags,
      site: piece.siteName === null ? null : oneLine(piece.siteName),
      url: piece.url,
      published: piece.publishedTime,
      captured: piece.capturedAt,
    }),
    `# ${inline(displayTitle(piece))}`,
    pieceLine(piece),
  ];
  if (authors.length) out.push(`By ${authors.map(style.author).join(', ')}`);
  const note = paragraphs(piece.note);
  if (note) out.push('## Note', note);
  const passages = collection.passages(piece.id);
  if (passages.length) {
    out.push('## Passages');
    for (const passage of passages) out.push(renderPassage(collection, piece, passage, style));
  }
  return out.join('\n\n') + '\n';
}

function authorMarkdown(tag: TagRow, pieces: PieceRow[], pieceLink: (p: PieceRow) => string) {
  const aliases = tag.aliases.map(oneLine).filter(Boolean);
  const out = [
    frontMatter({ aliases }),
    `# ${inline(tag.name)}`,
    pieces.length ? pieces.map((piece) => `- ${pieceLink(piece)}`).join('\n') : 'No pieces.',
  ];
  return out.join('\n\n') + '\n';
}

/** The vault as a zip file. */
export async function exportMarkdownZip(
  backup: Backup,
  options: MarkdownZipOptions = {},
): Promise<Uint8Array> {
  const collection = new Collection(backup);
  const authorPages = options.authorPages ?? true;
  const root = options.folder ?? 'Commonplace';
  const level = options.level ?? 6;
  const { authorFile, pieceFile } = allocateNames(collection);
  const authorFileName = (tag: TagRow) => authorFile.get(tag.id) ?? safeBaseName(tag.name);
  // Front matter links by wikilink (all Obsidian properties understand); the body by Markdown
  // links to the files, which every Markdown tool follows.
  const authorLink = (tag: TagRow) => wikiLink(authorFileName(tag), tag.name);
  const style: TagStyle = {
    author: (tag) =>
      authorPages
        ? fileLink(tag.name, ['..', AUTHORS_DIR, `${authorFileName(tag)}.md`])
        : inline(tag.name),
    theme: (tag) => {
      const slug = obsidianTag(tag.name);
      return slug ? `#${slug}` : inline(tag.name);
    },
    themeSeparator: ' ',
  };

  const chunks: Uint8Array[] = [];
  let size = 0;
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      chunks.push(chunk);
      size += chunk.length;
    }
  });
  const add = (path: string, text: string, mtime: string) => {
    const bytes = utf8(text);
    // A streaming deflater sizes its tables for long streams unless told otherwise, which costs
    // more than compressing a note; fit them to the file as one-shot deflate does.
    const mem = Math.ceil(Math.max(8, Math.min(13, Math.log(bytes.length))) * 1.5) - 12;
    const file = new ZipDeflate(path, {
      level,
      mem: Math.max(0, Math.min(12, mem)) as DeflateOptions['mem'],
    });
    file.mtime = zipTime(mtime);
    zip.add(file);
    file.push(bytes, true);
  };

  const pieces = collection.pieces;
  const authorsWithPages = authorPages ? backup.tags.filter((t) => t.kind === 'author') : [];
  const pacer = new Pacer(pieces.length + authorsWithPages.length, options.onProgress);
  let done = 0;
  const piecesBy = new Map<string, PieceRow[]>();
  for (const piece of pieces) {
    add(
      `${root}/${PIECES_DIR}/${pieceFile.get(piece.id)!}.md`,
      pieceMarkdown(collection, piece, style, authorLink),
      piece.updatedAt,
    );
    if (authorPages) {
      for (const id of piece.authorIds) {
        const list = piecesBy.get(id);
        if (list) list.push(piece);
        else piecesBy.set(id, [piece]);
      }
    }
    await pacer.pause(++done);
    if (failure) throw failure;
  }
  const pieceLink = (piece: PieceRow) =>
    fileLink(displayTitle(piece), ['..', PIECES_DIR, `${pieceFile.get(piece.id)!}.md`]);
  for (const tag of authorsWithPages) {
    add(
      `${root}/${AUTHORS_DIR}/${authorFile.get(tag.id)!}.md`,
      authorMarkdown(tag, piecesBy.get(tag.id) ?? [], pieceLink),
      tag.updatedAt,
    );
    await pacer.pause(++done);
  }
  zip.end();
  if (failure) throw failure;
  pacer.finish();

  const result = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}
