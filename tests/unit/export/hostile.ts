/**
 * A hostile collection for the export tests: every text field carries non-ASCII scripts, emoji,
 * quotes, commas, line breaks, `---` lines, a leading `=` or `@`, and markup of every kind the
 * formats could misread (Markdown, HTML, YAML, LaTeX, RIS, CSV formulas).
 */
import type { Backup } from '../../../lib/backup/format';
import type { PersonName, TagRow } from '../../../lib/model/records';
import { tagKey } from '../../../lib/tags/normalize';
import { emptyBackup, hostile, makePassage, makePiece, stamp } from '../backup/helpers';

/** Lines that each break some format when written raw. */
export const NASTY_LINES = [
  '---',
  '...',
  '=HYPERLINK("http://evil.example/","click")',
  '@SUM(1+1)',
  '+1',
  '-1',
  '\tleading tab',
  '# Heading',
  '> quoted',
  '- list item',
  '1. numbered',
  '    indented code',
  '<script>alert("x")</script>',
  '**bold** _em_ `code` ~~gone~~ ==hi== %%hidden%% $x^2$',
  '[link](javascript:alert(1)) ![img](x.png) [[Wiki link]] #tag ^block',
  '| a | b |',
  '&amp; &#169; \\ { } % ~ ^ _',
  'yes: no',
  'key: \'value\' "quoted"',
  '@misc{evil, title={x}}',
  'ER  - ',
  'TY  - JOUR',
  'a, b; c "d"',
  '🇺🇦 👩🏽‍🔬 ❤️ e\u0301 Ж ж ع 中文',
  'half an emoji \uD83D, cut',
];

const nasty = (label: string, i: number) =>
  `${label} ${NASTY_LINES[i % NASTY_LINES.length]}\n${NASTY_LINES[(i + 7) % NASTY_LINES.length]}\n---\n${hostile(label)}`;

function tag(
  kind: TagRow['kind'],
  name: string,
  id: string,
  personName: PersonName | null,
): TagRow {
  return {
    id,
    kind,
    name,
    key: tagKey(name) || id,
    aliases: [`${name} (alias) --- "x"`],
    aliasKeys: [tagKey(`${name} alias x`) || `${id}-alias`],
    color: kind === 'theme' ? '#b85c00' : null,
    personName,
    createdAt: stamp(1),
    updatedAt: stamp(1),
  };
}

/** Author tags whose names are hard for every format. */
export const HOSTILE_AUTHORS: Array<{ name: string; personName: PersonName | null }> = [
  { name: 'Ngũgĩ wa Thiong’o', personName: { family: 'wa Thiong’o', given: 'Ngũgĩ' } },
  { name: "=cmd|' /C calc'!A0", personName: { literal: "=cmd|' /C calc'!A0" } },
  {
    name: '@Robert "Bobby" Tables, Jr.',
    personName: { family: 'Tables, Jr.', given: '@Robert "Bobby"' },
  },
  {
    name: 'Tom and Jerry {Inc} & Co. 50% #1',
    personName: { literal: 'Tom and Jerry {Inc} & Co. 50% #1' },
  },
  { name: '---', personName: null },
  { name: 'Борис Кагарлицкий', personName: { family: 'Кагарлицкий', given: 'Борис' } },
  { name: 'نجيب محفوظ', personName: { family: 'محفوظ', given: 'نجيب' } },
  { name: 'CON', personName: { literal: 'CON' } },
  { name: 'A/B: C\\D?*<E>|F "G" [H] #I ^J', personName: { family: 'C\\D?*<E>|F', given: 'A/B:' } },
  { name: '👩🏽‍🔬 Emoji Person', personName: { family: 'Person', given: '👩🏽‍🔬 Emoji' } },
];

export const HOSTILE_THEMES = [
  'Solidarność',
  '#hashtag & <b>bold</b>',
  '=1+2',
  '1984',
  'Écologie — «vert»',
  'yes',
  '---',
  'a, b; "c"\nd',
];

/**
 * `pieces` pieces (default 12), about two passages each; every text field hostile. Titles repeat
 * (two pieces share each title, once in another case) to exercise unique file names.
 */
export function hostileCollection(pieces = 12): Backup {
  const backup = emptyBackup();
  const authors = HOSTILE_AUTHORS.map((a, i) => tag('author', a.name, `ha-${i}`, a.personName));
  const themes = HOSTILE_THEMES.map((name, i) => tag('theme', name, `ht-${i}`, null));
  backup.tags = [...authors, ...themes];
  for (let i = 0; i < pieces; i++) {
    const id = `hp-${String(i).padStart(3, '0')}`;
    const title = i % 2 === 0 ? nasty(`Title ${i >> 1}`, i) : nasty(`TITLE ${i >> 1}`, i - 1);
    const piece = makePiece(id, `https://example.org/${i}/a(b)c d?q="x"&y=<z>#frag-${i}`, 100 + i, {
      title: i === 3 ? '' : i === 5 ? 'CON' : i === 7 ? '...' : title,
      siteName: i === 4 ? null : nasty(`Site ${i}`, i + 3),
      authorIds: [authors[i % authors.length]!.id, authors[(i + 3) % authors.length]!.id],
      themeIds:
        i % 4 === 3 ? [] : [themes[i % themes.length]!.id, themes[(i + 1) % themes.length]!.id],
      note: nasty(`Note ${i}`, i + 5),
      excerpt: nasty(`Excerpt ${i}`, i + 9),
      lang: i % 3 === 0 ? 'ru' : 'en',
      publishedTime:
        i === 6
          ? null
          : `20${String(10 + i).padStart(2, '0')}-0${(i % 9) + 1}-1${i % 10}T10:30:00+02:00`,
    });
    backup.pieces.push(piece);
    backup.contents.push({
      pieceId: id,
      contentHtml: `<p>${nasty('Body', i)}</p>`,
      textContent: nasty('Body', i),
      updatedAt: piece.capturedAt,
    });
    const count = i % 5 === 4 ? 0 : 2;
    for (let j = 0; j < count; j++) {
      const quote =
        j === 0 ? nasty(`Quote ${i}`, i + j + 11) : NASTY_LINES[(i * 3 + j) % NASTY_LINES.length]!;
      backup.passages.push(
        makePassage(`hq-${id}-${j}`, id, 200 + i * 2 + j, {
          quote,
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact: quote,
              prefix: `before ${i}: `,
              suffix: ` — after ${j}`,
            },
            { type: 'TextPositionSelector', start: 10 + j * 500, end: 10 + j * 500 + quote.length },
          ],
          textFragment:
            j === 1 && i % 2 === 0 ? null : j === 1 ? '#:~:text=stored%20fragment' : null,
          note: nasty(`Passage note ${i}.${j}`, i + j + 13),
          themeIds: [themes[(i + j + 2) % themes.length]!.id],
          authorIds: j === 1 ? [authors[(i + 5) % authors.length]!.id] : [],
        }),
      );
    }
  }
  return backup;
}
