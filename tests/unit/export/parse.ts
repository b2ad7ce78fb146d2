/**
 * Reading exports back with independent parsers (YAML, Markdown), the way other tools would, and
 * what the reader's text should look like once rendered.
 */
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { expect } from 'vitest';

/** Lone surrogates become U+FFFD, as in any UTF-8 file. */
export function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/** One line, whitespace and control characters collapsed: titles, names, YAML fields. */
export function flat(text: string): string {
  return (
    wellFormed(text)
      // eslint-disable-next-line no-control-regex -- control characters are the point
      .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
      .trim()
  );
}

/**
 * Splits front matter the way Obsidian, Jekyll and gray-matter do: the file opens with a `---`
 * line and the YAML runs to the next line that is exactly `---`. Returns the YAML parsed twice, as
 * YAML 1.2 and as YAML 1.1 (whose readers take `yes` or a date for a boolean or a Date), and the
 * body after it.
 */
export function splitFrontMatter(text: string): {
  yaml: string;
  data: Record<string, unknown>;
  body: string;
} {
  const lines = text.split('\n');
  expect(lines[0]).toBe('---');
  const end = lines.indexOf('---', 1);
  expect(end).toBeGreaterThan(0);
  const yaml = lines.slice(1, end).join('\n');
  // Line separators that JavaScript regular expressions treat as line ends must not appear raw.
  expect(yaml).not.toMatch(/[\u2028\u2029\u0085\r]/);
  const data = parseYaml(yaml, { version: '1.2' }) as Record<string, unknown>;
  const data11 = parseYaml(yaml, { version: '1.1' }) as Record<string, unknown>;
  expect(data11).toEqual(data);
  return { yaml, data, body: lines.slice(end + 1).join('\n') };
}

const md = new MarkdownIt({ html: true, linkify: false });

export type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

export function parseMarkdown(text: string): Token[] {
  return md.parse(text, {});
}

/** The text a reader sees for an inline token (soft and hard breaks as line breaks). */
export function inlineText(token: Token): string {
  let text = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
    else if (child.type === 'html_inline') text += child.content;
  }
  return text;
}

/**
 * How a note or quote should read once rendered: its lines trimmed, control characters gone,
 * blank lines separating paragraphs.
 */
export function expectedParagraphs(text: string): string[] {
  const lines = wellFormed(text)
    // eslint-disable-next-line no-control-regex -- control characters are the point
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '')
    // eslint-disable-next-line no-control-regex -- control characters are the point
    .split(/\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/)
    .map((line) => line.replace(/\t/g, ' ').trim());
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length) paragraphs.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length) paragraphs.push(current.join('\n'));
  return paragraphs;
}

/** Rendered text is compared with runs of spaces collapsed (Markdown collapses them too). */
export const squeeze = (text: string) => text.replace(/[ \u00a0]+/g, ' ');

/** The paragraphs inside each top-level blockquote, and the paragraphs outside any. */
export function blocks(tokens: Token[]): {
  quotes: string[][];
  paragraphs: string[];
  headings: Array<{ level: number; text: string }>;
  links: string[];
} {
  const quotes: string[][] = [];
  const paragraphs: string[] = [];
  const headings: Array<{ level: number; text: string }> = [];
  const links: string[] = [];
  let depth = 0;
  let heading = 0;
  for (const token of tokens) {
    if (token.type === 'blockquote_open') {
      if (depth === 0) quotes.push([]);
      depth++;
    } else if (token.type === 'blockquote_close') depth--;
    else if (token.type === 'heading_open') heading = Number(token.tag.slice(1));
    else if (token.type === 'heading_close') heading = 0;
    else if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'link_open') links.push(String(child.attrGet('href') ?? ''));
      }
      const text = inlineText(token);
      if (heading) headings.push({ level: heading, text });
      else if (depth > 0) quotes[quotes.length - 1]!.push(text);
      else paragraphs.push(text);
    }
  }
  return { quotes, paragraphs, headings, links };
}

/** Block and inline types a safe export never produces from the reader's text. */
export function expectNoMarkup(tokens: Token[]): void {
  for (const token of tokens) {
    expect(['html_block', 'code_block', 'fence', 'table_open', 'hr']).not.toContain(token.type);
    for (const child of token.children ?? []) {
      expect([
        'html_inline',
        'image',
        'em_open',
        'strong_open',
        's_open',
        'code_inline',
      ]).not.toContain(child.type);
    }
  }
}
