/** Highlight colours of themes: the reader's choice, else a stable colour from a palette. */
import type { TagRow } from '../model/records';

/** Light enough for black text, distinct from each other. */
export const THEME_PALETTE = [
  '#ffe066',
  '#a5d8ff',
  '#b2f2bb',
  '#ffc9c9',
  '#d0bfff',
  '#ffd8a8',
  '#99e9f2',
  '#eebefa',
] as const;

/** Passages without a theme. */
export const DEFAULT_HIGHLIGHT = '#fff3a3';

const HEX = /^#[0-9a-f]{6}$/i;

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

/** The colour of a theme tag: its own when set (and valid), else one picked by its key. */
export function themeColor(tag: Pick<TagRow, 'key' | 'color'> | undefined): string {
  if (!tag) return DEFAULT_HIGHLIGHT;
  if (tag.color && HEX.test(tag.color)) return tag.color.toLowerCase();
  return THEME_PALETTE[hash(tag.key) % THEME_PALETTE.length]!;
}
