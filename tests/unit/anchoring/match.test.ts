/** The text matcher on its own: the rules that keep wrong anchors out, case by case. */
import { describe, expect, test } from 'vitest';
import { TextMatcher, type QuoteToMatch } from '../../../lib/anchoring';
import { GramIndex } from '../../../lib/anchoring/gram-index';
import { editDistance, sideDistance } from '../../../lib/anchoring/match';
import { random } from '../../support/random';

/** `sideDistance` by its definition: the pattern against every stretch of text next to `at`. */
function referenceSide(text: string, at: number, pattern: string, before: boolean): number {
  const outwards = (s: string): string => (before ? [...s].reverse().join('') : s);
  const p = outwards(pattern);
  const reach = Math.min(
    pattern.length + (pattern.length >> 1) + 1,
    before ? at : text.length - at,
  );
  const t = outwards(before ? text.slice(at - reach, at) : text.slice(at, at + reach));
  let best = p.length;
  for (let j = 0; j <= t.length; j++) {
    best = Math.min(best, editDistance(p, t.slice(0, j), p.length + t.length));
  }
  return best;
}

/** A quote with 32 characters of context, cut from `text` like describeRange would. */
function cut(text: string, exact: string, nth = 0): { quote: QuoteToMatch; start: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`not in text: ${exact}`);
  const end = start + exact.length;
  return {
    quote: {
      exact,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
    },
    start,
  };
}

const RECIPE =
  'Bread for beginners. Step 1: warm the water to blood heat and dissolve the yeast. ' +
  'Step 2: add the flour and the salt and knead for ten minutes. ' +
  'Step 3: cover the bowl and let the dough rise for an hour. ' +
  'Step 4: cover the bowl and let the dough rest for an hour. ' +
  'Step 5: shape the loaf, slash the top and bake for forty minutes.';

describe('TextMatcher', () => {
  test('position, then exact, then fuzzy', () => {
    const { quote, start } = cut(RECIPE, 'knead for ten minutes');
    const m = new TextMatcher(RECIPE);
    expect(m.match(quote, [{ start, end: start + quote.exact.length }])?.method).toBe('position');
    const moved = 'New introduction. ' + RECIPE;
    expect(new TextMatcher(moved).match(quote, [{ start, end: start + 21 }])).toMatchObject({
      method: 'exact',
      start: start + 18,
    });
    const edited = RECIPE.replace('knead for ten minutes', 'knead for twelve minutes');
    const found = new TextMatcher(edited).match(quote, [{ start, end: start + 21 }]);
    expect(found).toMatchObject({ method: 'fuzzy', start });
    expect(edited.slice(found!.start, found!.end)).toBe('knead for twelve minutes');
  });

  test('a deleted step whose near-twin now follows its prefix is an orphan', () => {
    const { quote, start } = cut(
      RECIPE,
      'Step 3: cover the bowl and let the dough rise for an hour.',
    );
    const without = RECIPE.replace(
      'Step 3: cover the bowl and let the dough rise for an hour. ',
      '',
    );
    expect(
      new TextMatcher(without).match(quote, [{ start, end: start + quote.exact.length }]),
    ).toBeNull();
  });

  test('the same words several times: context picks the occurrence, then position', () => {
    const text =
      'The dam had always held. Nobody believed the boy. The dam had always held, they said. ' +
      'Years later the inquiry heard it again: the dam had always held.';
    const { quote, start } = cut(text, 'always held', 1);
    const shifted = 'Preface added later. ' + text;
    const found = new TextMatcher(shifted).match(quote, [{ start, end: start + 11 }]);
    expect(found?.start).toBe(start + 21);
    // Identical contexts: the recorded position decides.
    const twice = 'Intro. Chorus line here. Verse. Chorus line here. Outro.';
    const second = cut(twice, 'Chorus line here', 1);
    expect(
      new TextMatcher(twice).match(second.quote, [{ start: second.start, end: 0 }])?.start,
    ).toBe(second.start);
  });

  test('a short quote deleted here but standing elsewhere in other words is an orphan', () => {
    const text =
      'The committee met on Tuesday and agreed the budget. Later that week, the mayor resigned. ' +
      'Nobody on the committee had expected it.';
    const { quote, start } = cut(text, 'the mayor resigned');
    const after =
      text.replace(' Later that week, the mayor resigned.', ' The vote was close.') +
      ' In the end the mayor resigned.';
    expect(new TextMatcher(after).match(quote, [{ start, end: start + 18 }])).toBeNull();
  });

  test('a long passage moved elsewhere verbatim is followed', () => {
    const para =
      'The new reservoir, completed in 1894, was built of masonry rather than earth, to a design checked by three engineers.';
    const text = `First paragraph about the town. ${para} Second paragraph about the mills. Third paragraph about the river.`;
    const { quote, start } = cut(text, para);
    const moved = `First paragraph about the town. Second paragraph about the mills. Third paragraph about the river. ${para}`;
    const found = new TextMatcher(moved).match(quote, [{ start, end: start + para.length }]);
    expect(found).toMatchObject({ method: 'exact', start: moved.indexOf(para) });
  });

  test('a rewritten passage is an orphan even with its context intact', () => {
    const text = 'Before the passage. The river flooded the lower town in 1887. After the passage.';
    const { quote, start } = cut(text, 'The river flooded the lower town in 1887.');
    const rewritten = text.replace(
      'The river flooded the lower town in 1887.',
      'Ticket prices rose again this spring.',
    );
    expect(new TextMatcher(rewritten).match(quote, [{ start, end: start + 41 }])).toBeNull();
  });

  test('a passage cut out of a repeated list item is an orphan', () => {
    const text =
      'Facts. Bakeries in Montrevel in 1991: eleven. Bakeries in Montrevel in 2024: three. Loaves a day: six hundred.';
    const { quote, start } = cut(text, 'in Montrevel', 1);
    const cutOut = text.replace('Bakeries in Montrevel in 2024', 'Bakeries in 2024');
    expect(new TextMatcher(cutOut).match(quote, [{ start, end: start + 12 }])).toBeNull();
  });

  test('gram index finds every occurrence, short and long needles', () => {
    const text = 'abcabcabc the cat sat on the mat with the hat';
    const g = new GramIndex(text);
    expect(g.findAll('abc')).toEqual([0, 3, 6]);
    expect(g.findAll('the ')).toEqual([10, 25, 38]);
    expect(g.findAll('at with the h')).toEqual([30]);
    expect(g.findAll('absent')).toEqual([]);
  });

  test('distances', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    // The prefix "big dog " against text ending "...a big cat ": anchored at the passage.
    expect(sideDistance('there was a big cat X', 20, 'a big cat ', true)).toBe(0);
    expect(sideDistance('there was a big dog X', 20, 'a big cat ', true)).toBe(3);
    expect(sideDistance('X and then some', 1, ' and then', false)).toBe(0);
  });

  test('side distance: the same as a plain edit-distance table, short and long sides', () => {
    // Up to 32 characters the bit-parallel algorithm runs, beyond it the table: both must agree
    // with the definition (pattern read outwards from the passage, the far end free).
    const rand = random(18);
    const letters = 'ab cé日';
    const word = (n: number): string =>
      Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('');
    for (let t = 0; t < 2000; t++) {
      const text = word(Math.floor(rand() * 80));
      const pattern = word(1 + Math.floor(rand() * 45));
      const at = Math.floor(rand() * (text.length + 1));
      const before = rand() < 0.5;
      expect(sideDistance(text, at, pattern, before)).toBe(
        referenceSide(text, at, pattern, before),
      );
    }
  });
});

describe('TextMatcher: text and elements inserted before a passage', () => {
  const hintOf = (start: number, exact: string) => [{ start, end: start + exact.length }];

  test('the second of two occurrences: context decides, not the shifted position', () => {
    // The other occurrence follows the same words ("She wrote that"); an ad block before the
    // passage's paragraph moves the recorded position nearer to it, and a "read also" line just
    // before the passage, sharing its first words, replaces its prefix. The suffix still holds.
    const decoy =
      'The keeper sent word at dusk. She wrote that the water was rising fast, and then she left. ';
    const para =
      'Many in the lower town did not believe it. She wrote that the water was rising again, said the keeper, and nobody moved.';
    const text = `On the night of the flood. ${decoy}${para}`;
    const { quote, start } = cut(text, 'the water was rising', 1);
    const ad =
      'Advertisement. Subscribe to the Northern Review for all our essays, letters and archive pages, delivered every week. ';
    const edited = `On the night of the flood. ${decoy}${ad}${para.replace(
      'that the water',
      'that Read also: the water board accounts. the water',
    )}`;
    const found = new TextMatcher(edited).match(quote, hintOf(start, quote.exact));
    expect(found).toMatchObject({ method: 'exact', start: edited.lastIndexOf(quote.exact) });
  });

  const block =
    'Verse about the river and the mill. Chorus: we shall not be moved, no, not today. ';
  const song = `Intro. ${block}${block}Verse about the river and the mill. End.`;

  test('equal contexts: position breaks the tie only when it clearly points at one', () => {
    const { quote, start } = cut(song, 'not be moved', 1);
    const hint = hintOf(start, quote.exact);
    const top = 'New line. '.repeat(2);
    expect(new TextMatcher(top + song).match(quote, hint)?.start).toBe(start + top.length);
    // Text between the two occurrences (outside their contexts) as long as the gap between them:
    // both are as far from the recorded position.
    const at = song.indexOf('Verse about the', start - block.length + 1) + 'Verse about the'.length;
    const ambiguous = `${song.slice(0, at)} ${'and so on '.repeat(8).trim()}${song.slice(at)}`;
    expect(ambiguous.indexOf(quote.exact) + block.length).toBe(start);
    expect(new TextMatcher(ambiguous).match(quote, hint)).toBeNull();
  });

  const before =
    'The dam had been built in a hurry eleven years earlier, by a company that wanted cheap power.';
  const byline = 'By Margaret Ellery, 14 March 2023';
  const paragraph =
    'Ninety-one people died that night. The number is carved on a granite slab outside the present town hall, ' +
    'together with the names, but for years nobody could agree on the figure. The Gazette printed seventy-eight ' +
    'on the first day and one hundred and four a week later; the coroner settled on ninety-one only in the autumn, ' +
    'after the last bodies had been recovered from the silt at Kellow Bridge, where the river bends to the east.';
  const after = 'The inquiry opened in Leeds in June and sat for thirty-one days.';
  const page = `${before} ${byline} ${paragraph} ${after}`;
  const insert = 'Read also: the county archive has digitised the inquiry transcript, all of it.';

  test('a whole paragraph after an element inserted before it: the quote, not the element', () => {
    const { quote, start } = cut(page, paragraph);
    const edited = `${before} ${byline} Advertisement ${paragraph} ${after}`;
    const found = new TextMatcher(edited).match(quote, hintOf(start, paragraph));
    expect(found).toMatchObject({ method: 'exact', start: edited.indexOf(paragraph) });
  });

  test('paragraphs with an element inserted between them: covered from first to last word', () => {
    for (const exact of [`${byline} ${paragraph}`, `${paragraph} ${after}`]) {
      const { quote, start } = cut(page, exact);
      const edited = exact.startsWith(byline)
        ? page.replace(`${byline} `, `${byline} ${insert} `)
        : page.replace(` ${after}`, ` ${insert} ${after}`);
      const found = new TextMatcher(edited).match(quote, hintOf(start, exact));
      const first = exact.slice(0, 16);
      const last = exact.slice(-16);
      expect(found?.start).toBe(edited.indexOf(first));
      expect(found?.end).toBe(edited.lastIndexOf(last) + last.length);
    }
  });
});
