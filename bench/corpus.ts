/**
 * A made-up collection at a realistic size and shape, the same for a given seed: pieces with stored
 * copies (3–8 KB of text each, and its HTML), passages quoted from them, ~200 authors and ~60
 * themes. Words follow a Zipf–Mandelbrot law over a ~60,000-word vocabulary (real function and
 * content words at the head, made-up words in the long tail, some accented Latin, Cyrillic and
 * Greek words); each piece leans on the words of its themes, so the words of a topic occur
 * together as they do in real articles.
 *
 * Runs in Node and in a page (no Node APIs), so the library, backup and search benches can share it.
 */
import type { CommonplaceDB } from '../lib/collection/database';
import type { ContentRow, PassageRow, PieceRow, TagRow } from '../lib/model/records';
import { tagKey } from '../lib/tags/normalize';
import { random } from '../tests/support/random';

export interface CorpusOptions {
  pieces: number;
  passages: number;
  seed: number;
}

export interface Corpus {
  tags: TagRow[];
  pieces: PieceRow[];
  contents: ContentRow[];
  passages: PassageRow[];
}

/** Part of a corpus: the tags come with the first batch, each piece with its copy and passages. */
export type CorpusBatch = Corpus;

export interface CorpusSize {
  pieces: number;
  passages: number;
  /** UTF-8 bytes of the stored copies' text (`textContent`). */
  textBytes: number;
  /** UTF-8 bytes of the stored copies' HTML (`contentHtml`). */
  htmlBytes: number;
  /** UTF-8 bytes of the passages' quotes and notes. */
  passageBytes: number;
  /** UTF-8 bytes of all rows as JSON (what the collection weighs, roughly, in a backup). */
  jsonBytes: number;
}

/** The most frequent words first, roughly as in English prose. */
const FUNCTION_WORDS = (
  'the of and to a in that is was it for on as with he be by at his which this from but not ' +
  'had have are were or they an her their one all been its has we would there who she will more ' +
  'so no if what when can about into them out up than only other some these also could such time ' +
  'two may then first any those do my over even most new him after our made like did many before ' +
  'must through back years where much your way well should down because each just how both life ' +
  'under own too never same being us while last might great since against still old world without ' +
  'between another upon long here very three off whole always state part own while every left'
).split(' ');

const CONTENT_WORDS = (
  'people war history power political state country party government society social public ' +
  'economic working class movement revolution national left right labour union workers capital ' +
  'market money crisis reform democracy freedom liberty rights law order empire imperial ' +
  'imperialism russian russia ukraine ukrainian soviet union moscow kyiv europe european ' +
  'american china chinese german germany french france british britain poland polish war peace ' +
  'army soldiers front border occupation invasion resistance solidarity memory archive city ' +
  'translation exile reading writing book books letter letters essay essays novel poetry poem ' +
  'poet writer author critic criticism theory practice idea ideas thought language culture art ' +
  'music film church religion faith science nature body mind reason truth justice violence ' +
  'strike strikes factory industry land peasants village town street house family children ' +
  'women men mother father friend friends death life love hope fear anger silence voice voices ' +
  'question answer problem argument debate position view views account story stories moment ' +
  'century decade generation tradition modern modernity past future present period regime ' +
  'dictatorship authoritarian liberal socialist socialism communist communism marxist marxism ' +
  'anarchist fascism fascist nationalism nationalist conservative radical progressive ' +
  'intellectual intellectuals journalist journalism newspaper press media propaganda censorship ' +
  'election elections parliament president minister policy policies oligarch oligarchs wealth ' +
  'poverty inequality property privatisation trade wages strike employment unemployment ' +
  'environment climate energy oil gas pipeline sanctions economy growth decline collapse ' +
  'transition independence sovereignty federation republic colony colonial decolonisation ' +
  'identity ethnic minority migration refugees citizens citizenship community institutions ' +
  'education university students teachers school knowledge research archive archives document ' +
  'documents evidence testimony witness trial court prison camp camps repression terror ' +
  'important impact improve impossible impression imagine image images immediate immense ' +
  'kagarlitsky kadet kazakh kazakhstan karelia kant kafka kaleidoscope karma kalashnikov kharkiv ' +
  'kremlin kommersant kiev kinship kindness kingdom knowledge kitchen keeper kerosene'
).split(' ');

const ACCENTED_WORDS = (
  'café naïve façade résistance solidarité société éducation mémoire révolution liberté égalité ' +
  'fraternité Zürich Straße Grüße Müller Gödel Łódź Kraków Gdańsk Wałęsa Šarūnas São Paulo ' +
  'España niño señor Bogotá Curaçao déjà vu rôle élite Ελλάδα δημοκρατία πόλις ιστορία'
).split(' ');

const CYRILLIC_WORDS = (
  'революция империя история свобода память война мир рабочие профсоюз левые правые власть ' +
  'государство общество культура литература Кагарлицкий Москва Киев Украина Россия народ'
).split(' ');

const SYLLABLES = (
  'ba be bi bo bu da de di do du fa fe fi fo ga ge gi go ka ke ki ko ku la le li lo lu ma me mi ' +
  'mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo ' +
  'za ze zo an en in on ar er ir or al el il ol ash esh ith ost ust ank enk'
).split(' ');

const GIVEN = (
  'Christopher Boris Ilya Anna Olga Taras Serhiy Yuliya Hanna Rosa Karl Leon Vera Nadia Simone ' +
  'Hannah Walter Antonio Zoë Raymond Edward Stuart Perry Ellen Sheila Eric Tony Isaac Volodymyr ' +
  'Oksana Mykola Andriy Kateryna Dmitri Lev Alexandra Nikolai Svetlana Timothy Ruth Judith Paul'
).split(' ');
const FAMILY = (
  'Ford Kagarlitsky Budraitskis Matveev Kowalewski Luxemburg Kautsky Trotsky Zasulich Khvylovy ' +
  'Weil Arendt Benjamin Gramsci Williams Said Hall Anderson Meiksins Rowbotham Hobsbawm Judt ' +
  'Deutscher Dziuba Shevchenko Franko Lesya Ishchenko Gorbach Kuzio Snyder Applebaum Plokhy ' +
  'Müller Gödel Wałęsa Śliwiński Dvořák Hašek Čapek Кашин Шульман Гуриев'
).split(' ');

const THEME_NAMES = [
  'Russian imperialism',
  'Ukraine',
  'Russian left',
  'Left debates',
  'Labour movement',
  'Solidarité',
  'Memory politics',
  'Soviet history',
  'Archives',
  'Translation',
  'Exile literature',
  'Anarchism',
  'Marxism',
  'Decolonisation',
  'Nationalism',
  'Fascism',
  'Oligarchy',
  'Sanctions',
  'Energy',
  'Climate',
  'Migration',
  'Prisons',
  'Censorship',
  'Propaganda',
  'Journalism',
  'Poetry',
  'Novels',
  'Philosophy',
  'Religion',
  'Education',
  'Cities',
  'Peasants',
  'Strikes',
  'Elections',
  'Parliament',
  'Privatisation',
  'Inequality',
  'Feminism',
  'Family',
  'War crimes',
  'Occupation',
  'Resistance',
  'Kharkiv',
  'Kyiv',
  'Moscow',
  'Poland',
  'Germany',
  'Kazakhstan',
  'Belarus',
  'Georgia',
  'Europe',
  'China',
  'Economy',
  'Crisis',
  'Революция',
  'Память',
  'Δημοκρατία',
  'Mémoire',
  'Éducation populaire',
  'Straßenkampf',
];

const AUTHOR_COUNT = 200;
const VOCABULARY_SIZE = 60_000;

function uuid(rnd: () => number): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rnd() * 4)]}${hex(3)}-${hex(12)}`;
}

const iso = (ms: number) => new Date(ms).toISOString();
const START = Date.UTC(2021, 0, 1);
const SPAN = 5 * 365 * 24 * 3600 * 1000;

interface Vocabulary {
  words: string[];
  cdf: Float64Array;
}

/** Function words, then content words, then made-up words, with Zipf–Mandelbrot weights. */
function vocabulary(rnd: () => number): Vocabulary {
  const words: string[] = [];
  const seen = new Set<string>();
  const add = (word: string) => {
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  };
  FUNCTION_WORDS.forEach(add);
  // Real words spread over the head and the torso of the distribution.
  const real = [...CONTENT_WORDS, ...ACCENTED_WORDS, ...CYRILLIC_WORDS];
  let r = 0;
  while (words.length < VOCABULARY_SIZE) {
    if (r < real.length && rnd() < 0.25) add(real[r++]!);
    else {
      const n = 2 + Math.floor(rnd() * 3);
      let word = '';
      for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]!;
      add(word);
    }
  }
  const cdf = new Float64Array(words.length);
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    total += 1 / Math.pow(i + 2.7, 1.05);
    cdf[i] = total;
  }
  for (let i = 0; i < cdf.length; i++) cdf[i]! /= total;
  return { words, cdf };
}

function sample(vocab: Vocabulary, u: number): string {
  const { cdf } = vocab;
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return vocab.words[lo]!;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function makeTags(rnd: () => number): TagRow[] {
  const tags: TagRow[] = [];
  const keys = new Set<string>();
  const at = iso(START);
  const tag = (kind: TagRow['kind'], name: string, personName: TagRow['personName']) => {
    const key = tagKey(name);
    if (keys.has(`${kind}:${key}`)) return;
    keys.add(`${kind}:${key}`);
    tags.push({
      id: uuid(rnd),
      kind,
      name,
      key,
      aliases: [],
      aliasKeys: [],
      color: kind === 'theme' ? '#b85c00' : null,
      personName,
      createdAt: at,
      updatedAt: at,
    });
  };
  for (let i = 0; tags.length < AUTHOR_COUNT; i++) {
    const given = GIVEN[Math.floor(rnd() * GIVEN.length)]!;
    const family = FAMILY[Math.floor(rnd() * FAMILY.length)]!;
    tag('author', `${given} ${family}`, { given, family });
  }
  for (const name of THEME_NAMES) tag('theme', name, null);
  return tags;
}

/** Every generated batch, in order; `batchSize` pieces (with their copies and passages) each. */
export function* corpusBatches(
  options: CorpusOptions & { batchSize?: number },
): Generator<CorpusBatch, void, undefined> {
  const batchSize = options.batchSize ?? 500;
  const rnd = random(options.seed);
  const vocab = vocabulary(rnd);
  const tags = makeTags(rnd);
  const authors = tags.filter((t) => t.kind === 'author');
  const themes = tags.filter((t) => t.kind === 'theme');
  // Each theme leans on a few dozen words of the torso of the vocabulary.
  const topicWords = themes.map((theme) => [
    ...tagKey(theme.name).split(' '),
    ...Array.from({ length: 40 }, () => vocab.words[300 + Math.floor(rnd() * 8000)]!),
  ]);
  // A few authors write most pieces, as in a real collection.
  const author = () => authors[Math.floor(Math.pow(rnd(), 2) * authors.length)]!;

  const sentence = (topic: string[]): string => {
    const n = 6 + Math.floor(rnd() * 22);
    const words: string[] = [];
    for (let i = 0; i < n; i++) {
      const word = rnd() < 0.06 ? topic[Math.floor(rnd() * topic.length)]! : sample(vocab, rnd());
      words.push(i > 0 && rnd() < 0.07 ? `${word},` : word);
    }
    const last = words.length - 1;
    words[last] = words[last]!.replace(/,$/, '');
    return capitalise(words.join(' ')) + (rnd() < 0.08 ? '?' : '.');
  };

  for (let start = 0; start < options.pieces; start += batchSize) {
    const batch: CorpusBatch = {
      tags: start === 0 ? tags : [],
      pieces: [],
      contents: [],
      passages: [],
    };
    for (let i = start; i < Math.min(options.pieces, start + batchSize); i++) {
      const pieceThemes = [themes[Math.floor(rnd() * themes.length)]!];
      if (rnd() < 0.5) pieceThemes.push(themes[Math.floor(rnd() * themes.length)]!);
      const topic = pieceThemes.flatMap((t) => topicWords[themes.indexOf(t)]!);
      const pieceAuthors = [author()];
      if (rnd() < 0.15) pieceAuthors.push(author());

      const target = 3000 + Math.floor(rnd() * 5000);
      const paragraphs: string[] = [];
      let length = 0;
      while (length < target) {
        const count = 2 + Math.floor(rnd() * 5);
        const paragraph = Array.from({ length: count }, () => sentence(topic)).join(' ');
        paragraphs.push(paragraph);
        length += paragraph.length + 2;
      }
      const text = paragraphs.join('\n\n');
      const html = paragraphs
        .map((p, k) => (k === 0 ? `<p><strong>${p}</strong></p>` : `<p>${p}</p>`))
        .join('\n');
      const titleWords = sentence(topic)
        .replace(/[.?,]/g, '')
        .split(' ')
        .slice(0, 3 + Math.floor(rnd() * 7));
      const title = titleWords.map((w, k) => (k === 0 || w.length > 3 ? capitalise(w) : w));
      const id = uuid(rnd);
      const captured = iso(START + Math.floor(rnd() * SPAN));
      const site = Math.floor(rnd() * 150);
      batch.pieces.push({
        id,
        url: `https://site${site}.example/${captured.slice(0, 4)}/${title.join('-').toLowerCase()}-${i}`,
        pageUrl: `https://site${site}.example/${captured.slice(0, 4)}/${i}?utm_source=feed`,
        pageKind: 'article',
        title: title.join(' '),
        siteName: `Site ${site}`,
        // A piece names each author and theme once, however often the draw picked it.
        authorIds: [...new Set(pieceAuthors.map((a) => a.id))],
        themeIds: [...new Set(pieceThemes.map((t) => t.id))],
        publishedTime: captured,
        modifiedTime: null,
        lang: 'en',
        excerpt: text.slice(0, 200),
        wordCount: Math.round(text.length / 6),
        contentHash: (i * 2654435761).toString(16).padStart(64, '0'),
        note: rnd() < 0.3 ? sentence(topic) : '',
        capturedAt: captured,
        createdAt: captured,
        updatedAt: captured,
      });
      batch.contents.push({
        pieceId: id,
        contentHtml: html,
        textContent: text,
        updatedAt: captured,
      });

      const quota =
        Math.floor(((i + 1) * options.passages) / options.pieces) -
        Math.floor((i * options.passages) / options.pieces);
      for (let j = 0; j < quota; j++) {
        // A passage starts and ends on word boundaries: 60–300 characters.
        let from = Math.floor(rnd() * Math.max(1, text.length - 320));
        while (from > 0 && text[from - 1] !== ' ') from--;
        let to = Math.min(text.length, from + 60 + Math.floor(rnd() * 240));
        while (to < text.length && text[to] !== ' ') to++;
        const quote = text.slice(from, to);
        const at = iso(Date.parse(captured) + (j + 1) * 60_000);
        batch.passages.push({
          id: uuid(rnd),
          pieceId: id,
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact: quote,
              prefix: text.slice(Math.max(0, from - 32), from),
              suffix: text.slice(to, to + 32),
            },
            { type: 'TextPositionSelector', start: from, end: to },
          ],
          quote,
          textFragment: encodeURIComponent(quote.slice(0, 30)),
          note: rnd() < 0.2 ? sentence(topic) : '',
          authorIds: [],
          themeIds: rnd() < 0.3 ? [pieceThemes[0]!.id] : [],
          createdAt: at,
          updatedAt: at,
        });
      }
    }
    yield batch;
  }
}

/** The whole corpus in memory (at 20,000 pieces that is a few hundred MB: prefer batches). */
export function generateCorpus(options: CorpusOptions): Corpus {
  const corpus: Corpus = { tags: [], pieces: [], contents: [], passages: [] };
  for (const batch of corpusBatches(options)) {
    corpus.tags.push(...batch.tags);
    corpus.pieces.push(...batch.pieces);
    corpus.contents.push(...batch.contents);
    corpus.passages.push(...batch.passages);
  }
  return corpus;
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

/** Adds the sizes of a batch to `size`. */
export function measureBatch(batch: CorpusBatch, size: CorpusSize): void {
  size.pieces += batch.pieces.length;
  size.passages += batch.passages.length;
  for (const c of batch.contents) {
    size.textBytes += bytes(c.textContent);
    size.htmlBytes += bytes(c.contentHtml);
  }
  for (const p of batch.passages) size.passageBytes += bytes(p.quote) + bytes(p.note);
  for (const rows of [batch.tags, batch.pieces, batch.contents, batch.passages]) {
    for (const row of rows) size.jsonBytes += bytes(JSON.stringify(row));
  }
}

export function emptySize(): CorpusSize {
  return { pieces: 0, passages: 0, textBytes: 0, htmlBytes: 0, passageBytes: 0, jsonBytes: 0 };
}

/** Words of the generated text, by how common they are, for benches that type queries. */
export function corpusWords(seed: number): { common: string[]; rare: string[] } {
  const { words } = vocabulary(random(seed));
  return { common: words.slice(0, 2000), rare: words.slice(20_000, 22_000) };
}

/** Writes a corpus's rows (not the search index) in transactions of `batch` pieces each. */
export async function writeCorpusRows(db: CommonplaceDB, corpus: Corpus, batch: number) {
  for (let i = 0; i < corpus.pieces.length; i += batch) {
    const ids = new Set(corpus.pieces.slice(i, i + batch).map((p) => p.id));
    await db.transaction('rw', [db.tags, db.pieces, db.contents, db.passages], async () => {
      if (i === 0) await db.tags.bulkAdd(corpus.tags);
      await db.pieces.bulkAdd(corpus.pieces.slice(i, i + batch));
      await db.contents.bulkAdd(corpus.contents.slice(i, i + batch));
      await db.passages.bulkAdd(corpus.passages.filter((p) => ids.has(p.pieceId)));
    });
  }
}
