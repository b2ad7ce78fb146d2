import { describe, expect, it } from 'vitest';
import { plainText } from '../../../lib/extract/plain-text';

describe('plainText', () => {
  it.each([
    ['<b onmouseover="alert(1)">Crimea</b>', 'Crimea'],
    ['Kagarlitsky<br/>Boris', 'Kagarlitsky Boris'],
    ['<img src=x onerror=alert(1)>Donbas', 'Donbas'],
    ['<!-- x -->Title', 'Title'],
    ['<<b>script>alert(1)<</b>/script>', 'alert(1)'],
  ])('reduces markup to its text: %j', (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  it('drops soft hyphens and zero-width marks', () => {
    expect(plainText('Mes\u00adsen\u00adger\u200bdienste\ufeff')).toBe('Messengerdienste');
  });

  it('keeps a literal < that is not markup', () => {
    expect(plainText('a < b and 2<3, I <3 Kyiv')).toBe('a < b and 2<3, I <3 Kyiv');
  });

  it('reads character references in raw JSON text, markup spelled with them included', () => {
    expect(plainText('Sam &amp; Ana &#8217;s &#x201C;x&#x201D;', true)).toBe('Sam & Ana ’s “x”');
    expect(plainText('&lt;b onmouseover=x&gt;Crimea&lt;/b&gt;', true)).toBe('Crimea');
    expect(plainText('&lt;b&gt;', false)).toBe('&lt;b&gt;');
  });

  it('reads the Latin-1 and typographic names, by case, and leaves unknown ones', () => {
    expect(
      plainText('Redacci&oacute;n &Eacute;mile M&uuml;ller &szlig; &ndash; &hellip;', true),
    ).toBe('Redacción Émile Müller ß – …');
    expect(plainText('&AMP; &Aacute; &aacute; &nbsp;x', true)).toBe('& Á á \u00a0x');
    expect(plainText('AT&T; &madeup; &oacute', true)).toBe('AT&T; &madeup; &oacute');
  });
});
