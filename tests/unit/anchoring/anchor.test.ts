import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import {
  anchor,
  buildTextIndex,
  createAnchorer,
  describeRange,
  normalizeText,
  rangeFromSelector,
  type RangeSelector,
  type Selector,
  type TextQuoteSelector,
} from '../../../lib/anchoring';
import { fixtureHtml, page } from './harness';

function dom(html: string): { doc: Document; root: HTMLElement } {
  const doc = new JSDOM(`<!doctype html><html><body>${html}</body></html>`).window.document;
  return { doc, root: doc.body };
}

function quoteOf(selectors: Selector[]): TextQuoteSelector {
  const q = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!q || q.type !== 'TextQuoteSelector') throw new Error('no quote');
  return q;
}

const ARTICLE = `
  <h1>On bridges</h1>
  <p>The old bridge at <a href="/kellow">Kellow</a> was built in <em>1802</em> and
     rebuilt twice. People in the valley still call it <q>the new bridge</q>.</p>
  <p>In 1887 the flood carried away the middle arch. The town had the
     arch rebuilt within a year, at a cost of four hundred pounds.</p>`;

describe('describeRange', () => {
  test('quote with 32 characters of context, position, JSON-serialisable', () => {
    const { doc, root } = dom(ARTICLE);
    const range = doc.createRange();
    range.setStart(root.querySelector('a')!.firstChild!, 0);
    range.setEnd(root.querySelector('em')!.firstChild!, 4);
    const selectors = describeRange(root, range);
    expect(selectors).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'Kellow was built in 1802',
        prefix: 'On bridges The old bridge at ',
        suffix: ' and rebuilt twice. People in th',
      },
      { type: 'TextPositionSelector', start: 29, end: 53 },
    ]);
    expect(JSON.parse(JSON.stringify(selectors))).toEqual(selectors);
  });

  test('trims whitespace at the ends and crosses paragraphs', () => {
    const { doc, root } = dom(ARTICLE);
    const range = doc.createRange();
    const p1 = root.querySelectorAll('p')[0]!;
    const p2 = root.querySelectorAll('p')[1]!;
    range.setStart(p1.lastChild!, 0); // the "." after </q>
    range.setEnd(p2.firstChild!, 12); // "In 1887 the "
    expect(quoteOf(describeRange(root, range)).exact).toBe('. In 1887 the');
    // Starting after the "." (on the paragraph break) and ending in the spaces after "the".
    range.setStart(p1.lastChild!, 1);
    range.setEnd(p2.firstChild!, 12);
    expect(quoteOf(describeRange(root, range)).exact).toBe('In 1887 the');
  });

  test('nothing visible → no selectors', () => {
    const { doc, root } = dom('<p>a</p><p hidden>b</p><p>c</p>');
    const range = doc.createRange();
    range.selectNodeContents(root.querySelector('[hidden]')!);
    expect(describeRange(root, range)).toEqual([]);
  });

  test('optional RangeSelector resolves to the same text', () => {
    const { doc, root } = dom(ARTICLE);
    const range = doc.createRange();
    range.setStart(root.querySelector('a')!.firstChild!, 2);
    range.setEnd(root.querySelectorAll('p')[1]!.firstChild!, 7);
    const selectors = describeRange(root, range, { rangeSelector: true });
    const rs = selectors.find((s): s is RangeSelector => s.type === 'RangeSelector')!;
    expect(rs.startContainer).toBe('/p[1]/a[1]/text()[1]');
    expect(rs.endContainer).toBe('/p[2]/text()[1]');
    const back = rangeFromSelector(root, rs)!;
    const index = buildTextIndex(root);
    expect(index.offsetsOf(back)).toEqual(index.offsetsOf(range));
    expect(createAnchorer(root).describe(range, { rangeSelector: true })).toEqual(selectors);
  });
});

describe('anchor', () => {
  test('finds a passage described on the same page at its position', () => {
    const { doc, root } = dom(ARTICLE);
    const range = doc.createRange();
    range.setStart(root.querySelector('q')!.firstChild!, 4);
    range.setEnd(root.querySelectorAll('p')[1]!.firstChild!, 17);
    const selectors = describeRange(root, range);
    const found = createAnchorer(root).anchor(selectors)!;
    expect(found.method).toBe('position');
    expect(found.score).toBe(1);
    const again = anchor(root, selectors)!;
    expect(normalizeText(again.toString(), true)).toBe('new bridge. In 1887 the flood');
  });

  test('follows the passage into a copy with different markup and whitespace', () => {
    const { doc, root } = dom(ARTICLE);
    const range = doc.createRange();
    range.setStart(root.querySelector('a')!.firstChild!, 0);
    range.setEnd(root.querySelectorAll('p')[1]!.firstChild!, 17);
    const selectors = describeRange(root, range);
    const copy = dom(
      `<div class="banner"><p>Subscribe today!</p></div><article><h1>On bridges</h1><p>The old bridge at
      Kellow was built in 1802 and rebuilt twice.
      People in the valley still call it &ldquo;the new bridge&rdquo;.</p><p>In 1887 the flood carried
      away the middle arch.</p></article>`,
    ).root;
    const found = createAnchorer(copy).anchor(selectors)!;
    expect(found).not.toBeNull();
    expect(normalizeText(found.range.toString(), true)).toBe(
      'Kellow was built in 1802 and rebuilt twice. People in the valley still call it “the new bridge”.In 1887 the flood',
    );
    expect(found.method).toBe('fuzzy'); // the <q> became typographic quotes: two edits
  });

  test('a quote written by another tool (raw text with newlines) is normalised', () => {
    const { root } = dom(ARTICLE);
    const found = createAnchorer(root).anchor([
      {
        type: 'TextQuoteSelector',
        exact: '\n  the flood carried away the middle arch.\n  The town',
        prefix: 'In 1887 ',
      },
    ]);
    expect(found?.method).toBe('exact');
  });

  test('no quote → no anchor (a bare position proves nothing)', () => {
    const { root } = dom(ARTICLE);
    expect(
      createAnchorer(root).anchor([{ type: 'TextPositionSelector', start: 0, end: 10 }]),
    ).toBeNull();
    expect(createAnchorer(root).anchor([{ type: 'TextQuoteSelector', exact: '  ' }])).toBeNull();
    expect(createAnchorer(root).anchor([])).toBeNull();
  });

  test('anchorMany walks the DOM once for many passages', () => {
    const doc = page(fixtureHtml('en'));
    const anchorer = createAnchorer(doc.body);
    const text = anchorer.index.text;
    const list: Selector[][] = [];
    for (let i = 0; i < 1000; i++) {
      const s = (i * 97) % (text.length - 60);
      list.push(anchorer.describe(anchorer.index.toRange(s, s + 40)));
    }
    // Count DOM reads of the kind the index build makes: none may happen while anchoring.
    const proto = doc.defaultView!.Element.prototype;
    const original = proto.hasAttribute;
    let reads = 0;
    proto.hasAttribute = function (this: Element, name: string) {
      reads += 1;
      return original.call(this, name);
    };
    try {
      const results = anchorer.anchorMany(list);
      expect(results.every((r) => r !== null)).toBe(true);
    } finally {
      proto.hasAttribute = original;
    }
    expect(reads).toBe(0);
  });

  test('locate gives offsets without a DOM Range', () => {
    const { doc, root } = dom(ARTICLE);
    const range = doc.createRange();
    range.selectNodeContents(root.querySelector('q')!);
    const anchorer = createAnchorer(root);
    const selectors = anchorer.describe(range);
    const found = anchorer.locate(selectors)!;
    expect(anchorer.index.text.slice(found.start, found.end)).toBe('the new bridge');
    expect(anchorer.locateMany([selectors, []])).toEqual([found, null]);
    expect(anchorer.anchor(selectors)).toMatchObject({ start: found.start, end: found.end });
  });

  test('minScore is configurable', () => {
    const { root } = dom(
      '<p>Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.</p>',
    );
    const selectors: Selector[] = [
      {
        type: 'TextQuoteSelector',
        exact: 'gamma delta epsilon zetta eta',
        prefix: 'Alpha beta ',
        suffix: ' theta iota',
      },
    ];
    expect(createAnchorer(root).anchor(selectors)?.method).toBe('fuzzy');
    expect(createAnchorer(root, { minScore: 0.99 }).anchor(selectors)).toBeNull();
  });
});
