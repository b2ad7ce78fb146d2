/**
 * Bytes of a saved page → text, decoded as a browser would: a BOM wins; then a `<meta charset>` or
 * `http-equiv` Content-Type anywhere in the head (a browser re-decodes when it meets a late one,
 * while a prescan stops after 1,024 bytes); then UTF-8 when the bytes are valid UTF-8; else
 * windows-1252. Labels are mapped by the WHATWG Encoding Standard (html-encoding-sniffer's prescan,
 * which also skips comments and applies the spec's UTF-16 → UTF-8 rule).
 */
import sniffHtmlEncoding from 'html-encoding-sniffer';
import { getBOMEncoding, legacyHookDecode, normalizeEncoding } from '@exodus/bytes/encoding.js';

export type CharsetSource = 'bom' | 'meta' | 'utf-8' | 'fallback';

export interface DecodedHtml {
  text: string;
  /** WHATWG name of the encoding used, lower-cased (`utf-8`, `windows-1252`, `shift_jis` …). */
  encoding: string;
  /** What decided it. */
  source: CharsetSource;
}

/** How far a head without `</head>` or `<body` is searched for a meta. */
const MAX_HEAD_BYTES = 256 * 1024;
/** Returned by the prescan when a window holds no declaration (never an encoding name). */
const NONE = 'none';

/** Where the head ends: `</head>` or the first `<body`, else a bound. */
function headEnd(latin1: string): number {
  const match = /<\/head\s*>|<body[\s>/]/i.exec(latin1);
  return match ? match.index : latin1.length;
}

/** Offsets of the `<meta` tags of the head, outside comments, scripts and styles. */
function metaOffsets(latin1: string): number[] {
  const out: number[] = [];
  const re =
    /<!--[\s\S]*?(?:-->|$)|<(script|style|template)[\s>][\s\S]*?(?:<\/\1\s*>|$)|<meta[\s/]/gi;
  for (let match = re.exec(latin1); match; match = re.exec(latin1)) {
    if (/^<meta/i.test(match[0])) out.push(match.index);
  }
  return out;
}

/** The encoding a `<meta>` in the head declares, first one that names a known encoding. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const window = bytes.subarray(0, MAX_HEAD_BYTES);
  const latin1 = new TextDecoder('latin1').decode(window);
  const head = latin1.slice(0, headEnd(latin1));
  for (const offset of metaOffsets(head)) {
    // The prescan reads the tag at the start of the slice it is given, so each meta is read alone.
    const end = head.indexOf('>', offset);
    const tag = window.subarray(offset, end < 0 ? head.length : end + 1);
    const found = sniffHtmlEncoding(tag, { defaultEncoding: NONE });
    if (found !== NONE) return found;
  }
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decode(bytes: Uint8Array, label: string, source: CharsetSource): DecodedHtml {
  // The Encoding Standard's decode: a BOM overrides the label and is not part of the text.
  return {
    text: legacyHookDecode(bytes, label),
    encoding: normalizeEncoding(label) ?? label,
    source,
  };
}

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom = getBOMEncoding(bytes);
  if (bom) return decode(bytes, bom, 'bom');
  const declared = declaredEncoding(bytes);
  if (declared) return decode(bytes, declared, 'meta');
  if (isUtf8(bytes)) return decode(bytes, 'UTF-8', 'utf-8');
  return decode(bytes, 'windows-1252', 'fallback');
}
