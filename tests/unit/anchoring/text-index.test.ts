import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { buildTextIndex, normalizeText } from '../../../lib/anchoring';
import { articleSpan, blockOf, fixtureHtml, page, pickSpans, rng, type Lang } from './harness';

function body(html: string): HTMLElement {
  return new JSDOM(`<!doctype html><html><head></head><body>${html}</body></html>`).window.document
    .body;
}

const textOf = (html: string): string => buildTextIndex(body(html)).text;

describe('normalised text', () => {
  test('collapses whitespace the way a reader sees it', () => {
    expect(textOf('  <p>\n  Hello,\t\tworld&nbsp;&nbsp;and\r\n  friends.  </p>  ')).toBe(
      'Hello, world and friends.',
    );
    expect(textOf('<p>one <em> two </em> three</p>')).toBe('one two three');
    expect(textOf('<p>ab<em>cd</em><b>ef</b></p>')).toBe('abcdef');
    expect(textOf('<p>a\u2003b\u3000c\u202fd</p>')).toBe('a b c d');
  });

  test('block boundaries read as a space, inline ones do not', () => {
    expect(textOf('<p>end.</p><p>Start</p>')).toBe('end. Start');
    expect(textOf('<div>a<div>b</div>c</div>')).toBe('a b c');
    expect(textOf('line one<br>line two')).toBe('line one line two');
    expect(
      textOf('<ul><li>x</li><li>y</li></ul><table><tr><td>1</td><td>2</td></tr></table>'),
    ).toBe('x y 1 2');
    expect(textOf('<p>a<span>b</span><a href="#">c</a></p>')).toBe('abc');
  });

  test('drops invisible characters', () => {
    expect(textOf('<p>in\u00adcred\u00adi\u00adble zero\u200bwidth \ufeffbom</p>')).toBe(
      'incredible zerowidth bom',
    );
  });

  test('leaves out non-rendered and hidden elements', () => {
    const html = `
      <p>visible</p>
      <script>var x = "script";</script><style>.a { color: red }</style>
      <noscript>noscript</noscript><template><p>template</p></template>
      <p hidden>hidden attribute</p>
      <div style="display: none">display none</div>
      <div style="color: red; DISPLAY:none !important">display none important</div>
      <div style="visibility:hidden">invisible <span style="visibility: visible">but this</span></div>
      <details><summary>summary</summary><p>closed details</p></details>
      <details open><summary>open</summary><p>details</p></details>
      <ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>
      <p aria-hidden="true">aria-hidden is still seen</p>`;
    expect(textOf(html)).toBe('visible but this summary open details 漢 aria-hidden is still seen');
  });

  test('hides what stylesheets hide only in computed mode', () => {
    const doc = new JSDOM(
      '<!doctype html><html><head><style>.gone { display: none } .ghost { visibility: hidden }</style></head>' +
        '<body><p>kept</p><p class="gone">gone</p><p class="ghost">ghost</p></body></html>',
    ).window.document;
    const computed = buildTextIndex(doc.body, { visibility: 'computed' });
    expect(computed.visibility).toBe('computed');
    expect(computed.text).toBe('kept');
    // `auto` in jsdom: getComputedStyle costs ~130 µs per element there, so markup only.
    const auto = buildTextIndex(doc.body);
    expect(auto.visibility).toBe('markup');
    expect(auto.text).toBe('kept gone ghost');
  });

  test('normalizeText cleans strings the same way', () => {
    expect(normalizeText('  a\n\n b\u00a0 c\u00ad ')).toBe(' a b c ');
    expect(normalizeText('  a\n\n b\u00a0 c\u00ad ', true)).toBe('a b c');
    expect(normalizeText('')).toBe('');
  });

  test('an empty root', () => {
    const index = buildTextIndex(body('<script>x</script>'));
    expect(index.text).toBe('');
    expect(index.toRange(0, 5).collapsed).toBe(true);
    const r = index.root.ownerDocument.createRange();
    r.selectNodeContents(index.root);
    expect(index.offsetsOf(r)).toBeNull();
  });
});

describe('offsets ↔ DOM ranges', () => {
  const squash = (s: string): string => s.replace(/[\s\u00ad]+/g, '');

  test.each(['en', 'fr', 'de', 'ja', 'ru'] as Lang[])('round trip on the %s page', (lang) => {
    const doc = page(fixtureHtml(lang));
    const index = buildTextIndex(doc.body);
    const region = articleSpan(index, doc);
    const rand = rng(42);
    const spans = pickSpans(index, region, rand, lang, { count: 40, min: 3, max: 300 });
    expect(spans.length).toBeGreaterThan(10);
    for (const [s, e] of spans) {
      const range = index.toRange(s, e);
      expect(index.offsetsOf(range)).toEqual({ start: s, end: e });
      // Within one block, the DOM's own text of the range is the same words.
      if (blockOf(range.startContainer) === blockOf(range.endContainer)) {
        expect(squash(range.toString())).toBe(squash(index.text.slice(s, e)));
      }
    }
  });

  test('element boundaries and boundaries inside collapsed whitespace', () => {
    const root = body(
      '<p id="a">Alpha <em id="em">beta</em>   gamma.</p>\n\n<p id="b">Delta <a id="link" href="#">epsilon</a> zeta.</p>',
    );
    const doc = root.ownerDocument;
    const index = buildTextIndex(root);
    expect(index.text).toBe('Alpha beta gamma. Delta epsilon zeta.');
    const r = doc.createRange();
    r.selectNodeContents(doc.getElementById('a')!);
    expect(index.offsetsOf(r)).toEqual({ start: 0, end: 17 });
    r.setStartBefore(doc.getElementById('em')!);
    r.setEndAfter(doc.getElementById('link')!);
    expect(index.offsetsOf(r)).toEqual({ start: 6, end: 31 });
    // A boundary in the middle of "   " moves to the next word (start) / previous word (end).
    const gammaText = doc.getElementById('em')!.nextSibling as Text;
    r.setStart(gammaText, 1);
    r.setEnd(gammaText, 2);
    expect(index.offsetsOf(r)).toBeNull();
    r.setEnd(gammaText, 5);
    expect(index.offsetsOf(r)).toEqual({ start: 11, end: 13 });
    // The whitespace-only text node between the paragraphs.
    r.setStart(doc.getElementById('a')!.nextSibling!, 1);
    r.setEnd(doc.getElementById('b')!.firstChild!, 5);
    expect(index.offsetsOf(r)).toEqual({ start: 18, end: 23 });
    // toRange on a span crossing the paragraphs covers both text nodes.
    const cross = index.toRange(11, 23);
    expect(cross.startContainer).toBe(gammaText);
    expect(cross.endContainer).toBe(doc.getElementById('b')!.firstChild);
    expect(cross.toString().replace(/\s+/g, ' ')).toBe('gamma. Delta');
  });

  test('a range over hidden content only covers nothing', () => {
    const root = body('<p>one</p><p hidden>secret</p><p>two</p>');
    const index = buildTextIndex(root);
    const r = root.ownerDocument.createRange();
    r.selectNodeContents(root.querySelector('[hidden]')!);
    expect(index.offsetsOf(r)).toBeNull();
  });
});
