import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../lib/extract/decode-html';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** windows-1252 bytes of a Latin-1 text (the two agree on these characters). */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const padding = `<!-- ${'x'.repeat(1500)} -->`;

describe('decodeHtml', () => {
  it('finds a <meta charset> after the first 1,024 bytes', () => {
    const page = utf8(
      `<html><head>${padding}<meta charset="utf-8"><title>It’s Kagarlitsky’s</title>`,
    );
    expect(decodeHtml(page)).toMatchObject({ encoding: 'utf-8', source: 'meta' });
    expect(decodeHtml(page).text).toContain('It’s Kagarlitsky’s');
  });

  it('reads a late http-equiv Content-Type, and maps labels as the Encoding Standard does', () => {
    const page = latin1(
      `<head>${padding}<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><title>Müller café</title>`,
    );
    expect(decodeHtml(page)).toMatchObject({ encoding: 'windows-1252', source: 'meta' });
    expect(decodeHtml(page).text).toContain('Müller café');
  });

  it('ignores a meta inside a comment or a script, and one after the head', () => {
    const page = utf8(
      `<head><!-- <meta charset="koi8-r"> --><script>var s='<meta charset="koi8-r">'</script></head>` +
        `<body><meta charset="koi8-r"><p>Борис Кагарлицкий</p>`,
    );
    expect(decodeHtml(page)).toMatchObject({ encoding: 'utf-8', source: 'utf-8' });
    expect(decodeHtml(page).text).toContain('Борис Кагарлицкий');
  });

  it('sniffs UTF-8 when no charset is declared and the bytes are valid UTF-8', () => {
    const page = utf8('<title>Novorossiya — «Новороссия»</title>');
    expect(decodeHtml(page)).toMatchObject({ encoding: 'utf-8', source: 'utf-8' });
    expect(decodeHtml(page).text).toBe('<title>Novorossiya — «Новороссия»</title>');
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', () => {
    const page = Uint8Array.from([
      ...latin1('<title>Gr'),
      0xfc,
      ...latin1('n '),
      0x93,
      0x94,
      ...latin1('</title>'),
    ]);
    expect(decodeHtml(page)).toMatchObject({ encoding: 'windows-1252', source: 'fallback' });
    expect(decodeHtml(page).text).toBe('<title>Grün “”</title>');
  });

  it('lets a BOM win over a meta that contradicts it, and drops the BOM', () => {
    const page = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...utf8('<meta charset="windows-1252"><title>Zoë</title>'),
    ]);
    expect(decodeHtml(page)).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(decodeHtml(page).text).toBe('<meta charset="windows-1252"><title>Zoë</title>');
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from('<p>Zoë', (c) => [c.charCodeAt(0), 0]).flat(),
    ]);
    expect(decodeHtml(utf16)).toMatchObject({ encoding: 'utf-16le', text: '<p>Zoë' });
  });

  it('reads a declared UTF-16 as UTF-8 (the spec: a meta cannot switch to UTF-16)', () => {
    expect(decodeHtml(utf8('<meta charset="utf-16"><p>ok</p>')).encoding).toBe('utf-8');
  });
});
