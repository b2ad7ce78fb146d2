/**
 * File names that every system accepts: Windows (reserved characters and device names, no
 * trailing dot or space), macOS and Linux (no `/`, no NUL, at most 255 bytes), and Obsidian,
 * whose links cannot name a file with `[ ] # ^ |` in it. Names are unique without regard to case,
 * since Windows and macOS file systems ignore it.
 */
import { wellFormed } from './text';

/** Bytes (UTF-8) of a name before its extension: leaves room for folders under Windows' 260. */
export const MAX_NAME_BYTES = 120;

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Windows-reserved and Obsidian-link characters, controls, and bidi overrides (spoofing). */
// eslint-disable-next-line no-control-regex -- control characters are the point
const UNSAFE = /[<>:"/\\|?*#^[\]\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const encoder = new TextEncoder();
const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter('en', { granularity: 'grapheme' })
    : null;

/** Cuts to at most `max` UTF-8 bytes without splitting a character (or a grapheme, where known). */
function cutToBytes(text: string, max: number): string {
  if (encoder.encode(text).length <= max) return text;
  const parts = segmenter
    ? Array.from(segmenter.segment(text), (s) => s.segment)
    : Array.from(text);
  let result = '';
  let bytes = 0;
  for (const part of parts) {
    const size = encoder.encode(part).length;
    if (bytes + size > max) break;
    result += part;
    bytes += size;
  }
  return result;
}

/** A safe base name (no extension) for `title`; `fallback` when nothing usable is left. */
export function safeBaseName(title: string, fallback = 'Untitled'): string {
  let name = wellFormed(title)
    .normalize('NFC')
    .replace(/[\u2028\u2029\u0085]/g, ' ')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // No hidden files (leading dot), no Windows trailing dots or spaces.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  name = cutToBytes(name, MAX_NAME_BYTES).replace(/[.\s]+$/, '');
  if (name === '') return fallback;
  if (RESERVED.test(name) || RESERVED.test(name.split('.')[0]!)) name = `${name}_`;
  return name;
}

/** Hands out unique names, case-insensitively: `Title`, `Title (2)`, `Title (3)` … */
export class NameAllocator {
  private readonly used = new Set<string>();

  /** Marks a name as taken (for names chosen elsewhere). */
  reserve(name: string): void {
    this.used.add(name.toLowerCase());
  }

  /** A unique safe name for `title`. */
  allocate(title: string, fallback?: string): string {
    const base = safeBaseName(title, fallback);
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = cutToBytes(base, MAX_NAME_BYTES - suffix.length).replace(/[.\s]+$/, '') + suffix;
    }
    this.used.add(name.toLowerCase());
    return name;
  }
}
