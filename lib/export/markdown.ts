/**
 * Markdown building blocks shared by the Obsidian vault and the dossier: escaping that keeps the
 * reader's text as text (CommonMark, GitHub and Obsidian syntax), YAML front matter written by a
 * YAML library, links, and the rendering of one passage.
 */
import { dump } from 'js-yaml';
import type { PassageRow, PieceRow, TagRow } from '../model/records';
import { tagSlug } from '../tags/normalize';
import { passageUrl } from './fragment';
import type { Collection } from './model';
import { isWebUrl, isoDay, lines, oneLine, wellFormed } from './text';

/**
 * Backslash-escapes what CommonMark, GFM or Obsidian would read as markup anywhere in a line:
 * emphasis, code, links and wikilinks, HTML, tables, strikethrough, math, tags, block references,
 * highlights (`==`), comments (`%%`) and entities.
 */
function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~$^]/g, '\\$&')
    .replace(/=(?==)/g, '\\=')
    .replace(/%(?=%)/g, '\\%')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
}

/** Escapes one line that starts a block: lists, thematic breaks, setext underlines, `1.` … */
function escapeLine(line: string): string {
  const text = escapeInline(line.trim());
  return text.replace(/^[-+=]/, '\\$&').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** One line of inline text (a title, a name), escaped. */
export function inline(text: string): string {
  return escapeLine(oneLine(text));
}

/**
 * Multi-line text (a note, a quote) as escaped lines: paragraphs are kept, runs of blank lines
 * become one, leading and trailing blank lines are dropped.
 */
export function textLines(text: string): string[] {
  const result: string[] = [];
  for (const raw of lines(text)) {
    const line = escapeLine(raw.replace(/\t/g, ' '));
    if (line === '' && (result.length === 0 || result[result.length - 1] === '')) continue;
    result.push(line);
  }
  while (result.length && result[result.length - 1] === '') result.pop();
  return result;
}

/** Text as Markdown paragraphs (empty string for blank text). */
export function paragraphs(text: string): string {
  return textLines(text).join('\n');
}

/** Text as a blockquote (`> ` on every line, `>` on blank ones). */
export function blockquote(text: string): string {
  return textLines(text)
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** A link destination with what Markdown would end it on (spaces, parentheses …) encoded. */
export function linkDestination(url: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are the point
  return wellFormed(url.trim()).replace(/[\s()<>[\]\\"'`{}|^\u0000-\u001f\u007f]/gu, (c) =>
    encodeURIComponent(c).replace(/[()']/g, (p) => '%' + p.charCodeAt(0).toString(16)),
  );
}

/** `[text](url)` for an http(s) URL; the text alone (escaped) for anything else. */
export function link(text: string, url: string): string {
  const label = inline(text) || inline(url);
  return isWebUrl(url) ? `[${label}](${linkDestination(url)})` : label;
}

/** An Obsidian tag for a theme name (`#labour-history`), or null when the name has no letters. */
export function obsidianTag(name: string): string | null {
  const slug = tagSlug(name);
  if (!slug) return null;
  // Obsidian ignores tags made only of digits.
  return /^[0-9-]+$/.test(slug) ? `_${slug}` : slug;
}

/** Display text of a wikilink: one line, without the brackets and pipe that would end it. */
function wikiText(text: string): string {
  return oneLine(text)
    .replace(/[[\]|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `[[target]]`, or `[[target|text]]` when the file name had to differ from the text. */
export function wikiLink(target: string, text: string): string {
  const shown = wikiText(text);
  return shown === target || shown === '' ? `[[${target}]]` : `[[${target}|${shown}]]`;
}

/**
 * A Markdown link to another file of the vault (`../Authors/Name.md`): Obsidian follows it like
 * a wikilink (backlinks, graph), and so does every other Markdown tool.
 */
export function fileLink(text: string, path: readonly string[]): string {
  const target = path
    .map((segment) =>
      segment === '..'
        ? segment
        : encodeURIComponent(segment).replace(
            /[()'!*~]/g,
            (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
          ),
    )
    .join('/');
  return `[${inline(text) || inline(path[path.length - 1] ?? '')}](${target})`;
}

/** YAML front matter (with its `---` lines) written by js-yaml. */
export function frontMatter(fields: Record<string, unknown>): string {
  const yaml = dump(fields, {
    lineWidth: -1,
    noRefs: true,
    // Quote whatever a YAML 1.1 reader would take for a boolean, a number or a date.
    quoteStyle: 'double',
  });
  return `---\n${yaml}---`;
}

/** Names shown for tags, and how they link (wikilinks in a vault, plain text in one file). */
export interface TagStyle {
  author(tag: TagRow): string;
  theme(tag: TagRow): string;
  /** Between themes: a space between `#tags`, a comma between names. */
  themeSeparator: string;
}

export const PLAIN_TAGS: TagStyle = {
  author: (tag) => inline(tag.name),
  theme: (tag) => inline(tag.name),
  themeSeparator: ', ',
};

/** One passage: the quote as a blockquote with its link, then its note and tags. */
export function renderPassage(
  collection: Collection,
  piece: PieceRow,
  passage: PassageRow,
  style: TagStyle,
): string {
  const parts: string[] = [];
  const quote = blockquote(passage.quote);
  const day = isoDay(passage.createdAt);
  const source = isWebUrl(piece.url)
    ? `[Open at the passage](${linkDestination(passageUrl(piece.url, passage))})`
    : inline(piece.url);
  parts.push((quote ? quote + '\n>\n' : '') + `> — ${source}` + (day ? ` · marked ${day}` : ''));
  const note = paragraphs(passage.note);
  if (note) parts.push(note);
  const themes = collection.tagsOf(passage.themeIds).map(style.theme);
  const authors = collection.tagsOf(passage.authorIds).map(style.author);
  const tags = [
    themes.length ? `Tags: ${themes.join(style.themeSeparator)}` : '',
    authors.length ? `Authors: ${authors.join(', ')}` : '',
  ].filter(Boolean);
  if (tags.length) parts.push(tags.join(' · '));
  return parts.join('\n\n');
}

/** The line under a piece's title: site and page link, dates. */
export function pieceLine(piece: PieceRow): string {
  const site = piece.siteName ? oneLine(piece.siteName) : '';
  const parts = [
    isWebUrl(piece.url) ? link(site || 'Open the page', piece.url) : inline(site || piece.url),
  ];
  const published = isoDay(piece.publishedTime);
  if (published) parts.push(`published ${published}`);
  const captured = isoDay(piece.capturedAt);
  if (captured) parts.push(`captured ${captured}`);
  return parts.join(' · ');
}
