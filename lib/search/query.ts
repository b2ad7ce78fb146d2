// Long file: the query steps (expand, score, rank, snippet) share one transaction's tables and scoring arrays.
/**
 * Searching: every word of the query must match (the last one as a prefix while it is typed),
 * in a piece's title, authors, themes, note, stored copy or passages — or, for `searchPassages`,
 * in a passage's quote, note, authors or themes.
 *
 * Ranking: each word scores its best-matching term: idf(term) × (title 6, author 6, theme 4,
 * note 2, stored copy / quote BM25 0–2.2, passage of a piece 0.5 × its own score), summed over
 * the fields it matches; a prefix completion counts less the longer it is than what was typed.
 * A hit's score is the sum over the words. Equal scores: newer `capturedAt` first.
 */
import Dexie, { type Table } from 'dexie';
import type { PassageRow, PieceRow, TagRow, ContentRow } from '../model/records';
import { blocksFor, decodePostings, lowerBound, prefixEnd } from './segment';
import { makeSnippet, matchesWord, MIN_BODY_PREFIX, type Snippet } from './snippet';
import { parseQuery, type QueryWord } from './tokenize';
import {
  FIELD_BODY,
  FIELD_NOTE,
  FIELD_TITLE,
  SHORT_FIELD_MARK,
  type SearchBlockRow,
  type SearchSegmentRow,
  type SearchStateRow,
  type SearchTailRow,
} from './types';
import {
  blockCacheFull,
  cacheFor,
  forgetSnapshot,
  getBlock,
  isCurrentCache,
  keepSnapshot,
  loadBlocks,
  loadLiveDocs,
  snapshotOf,
  writesSoFar,
  type PieceTexts,
  type LiveDocs,
} from './cache';
import { SEARCH_READ_TABLES, type TableSource } from './writer';

export type PieceField = 'title' | 'author' | 'theme' | 'note' | 'text' | 'passage';
export type PassageField = 'quote' | 'note' | 'author' | 'theme';

export interface SearchHit {
  pieceId: string;
  score: number;
  /** Where the words matched, in this order: title, author, theme, note, text, passage. */
  fields: PieceField[];
  /** From the stored copy, else the best passage, else the note, else the title; null when only
   * an author or theme matched. */
  snippet: Snippet | null;
  /** Passages of the piece that match words of the query, best first (absent when none). */
  passageIds?: string[];
}

export interface PassageHit {
  passageId: string;
  pieceId: string;
  score: number;
  fields: PassageField[];
  /** From the quote, else the note; null when only an author or theme matched. */
  snippet: Snippet | null;
}

export interface SearchOptions {
  /** Hits returned (default 20). */
  limit?: number;
  /** Only these pieces (a filtered list's ids). */
  pieceIds?: Iterable<string>;
  /** Compute snippets: for every hit (true, the default), none (false), or the first N hits. */
  snippets?: boolean | number;
}

const W_TITLE = 6;
const W_AUTHOR = 6;
const W_THEME = 4;
const W_NOTE = 2;
const W_PASSAGE = 0.5;
const K1 = 1.2;
const B = 0.75;
/** At most this many completions of a prefix are searched (the most frequent). */
export const MAX_EXPANSIONS = 400;
const MAX_PASSAGE_IDS = 20;

// Bits of a hit's fields.
const F_TITLE = 1;
const F_AUTHOR = 2;
const F_THEME = 4;
const F_NOTE = 8;
const F_TEXT = 16;
const F_PASSAGE = 32;
const PIECE_FIELDS: [number, PieceField][] = [
  [F_TITLE, 'title'],
  [F_AUTHOR, 'author'],
  [F_THEME, 'theme'],
  [F_NOTE, 'note'],
  [F_TEXT, 'text'],
  [F_PASSAGE, 'passage'],
];
const PASSAGE_FIELDS: [number, PassageField][] = [
  [F_TEXT, 'quote'],
  [F_NOTE, 'note'],
  [F_AUTHOR, 'author'],
  [F_THEME, 'theme'],
];

interface Tables {
  state: Table<SearchStateRow, string>;
  segments: Table<SearchSegmentRow, number>;
  blocks: Table<SearchBlockRow, [number, number]>;
  tail: Table<SearchTailRow, number>;
  pieces: Table<PieceRow, string>;
  contents: Table<ContentRow, string>;
  passages: Table<PassageRow, string>;
  tags: Table<TagRow, string>;
}

function tablesOf(db: TableSource): Tables {
  return {
    state: db.table('searchState'),
    segments: db.table('searchSegments'),
    blocks: db.table('searchBlocks'),
    tail: db.table('searchTail'),
    pieces: db.table('pieces'),
    contents: db.table('contents'),
    passages: db.table('passages'),
    tags: db.table('tags'),
  };
}

type TagIndex = 'authorIds' | 'themeIds';

/**
 * The pieces (ordinals) or passages (slots) that carry a tag. Read once per generation of the
 * index: typing "kagarlitsky" a letter at a time matches the same author at every keystroke.
 */
async function taggedHits(
  live: LiveDocs,
  t: Tables,
  target: 'pieces' | 'passages',
  index: TagIndex,
  tagId: string,
): Promise<number[]> {
  const key = `${target} ${index} ${tagId}`;
  let hits = live.tagHits.get(key);
  if (!hits) {
    const table: Table<PieceRow | PassageRow, string> = target === 'pieces' ? t.pieces : t.passages;
    const passageMap = target === 'passages' ? live.passageSlots() : undefined;
    hits = [];
    // One key range per tag (`anyOf` would seek per key, slow in some IndexedDB implementations).
    for (const primaryKey of (await table.where(index).equals(tagId).primaryKeys()) as string[]) {
      const at = target === 'pieces' ? live.ordinalOf(primaryKey) : passageMap!.get(primaryKey);
      if (at !== undefined) hits.push(at);
    }
    live.tagHits.set(key, hits);
  }
  return hits;
}

/** A term range of one query word: [from, to), or the one term `from` when `to` is null. */
interface Range {
  from: string;
  to: string | null;
}

function rangesOf(word: QueryWord): Range[] {
  if (!word.prefix) return [{ from: word.term, to: null }];
  if (word.term.length >= MIN_BODY_PREFIX) return [{ from: word.term, to: prefixEnd(word.term) }];
  // One or two letters: their completions in stored copies and quotes are a large share of the
  // index, and the reader has barely started typing: complete them in titles and notes only.
  const short = SHORT_FIELD_MARK + word.term;
  return [
    { from: word.term, to: null },
    { from: short, to: prefixEnd(short) },
  ];
}

/** A term found in the index for a word: where its postings are. */
interface Expansion {
  term: string;
  df: number;
  places: { seg: number; base: number; block: SearchBlockRow; index: number }[];
  tail: { slots: number[]; meta: number[] } | undefined;
}

function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Score weight of a completion: 1 for the word itself, less the longer the completion. */
function completionFactor(word: QueryWord, term: string): number {
  const typed = word.term.length;
  const length = term.startsWith(SHORT_FIELD_MARK) ? term.length - 1 : term.length;
  return length <= typed ? 1 : 0.6 + (0.4 * typed) / length;
}

interface Scored {
  live: LiveDocs;
  words: QueryWord[];
  /** Per word: slots it matched, with their score and field bits (F_*). */
  perWord: { slots: Int32Array; scores: Float32Array; fields: Uint8Array }[];
  /** Per word: pieces (ordinals) and passages (slots) of the tags it matched. */
  tagPieces: { ords: Set<number>; author: Set<number>; score: number }[];
  tagPassages: { slots: Set<number>; author: Set<number>; score: number }[];
}

interface TagMatch {
  authorIds: string[];
  themeIds: string[];
  factor: number;
}

/** Tags whose name or alias has a word matching `word`. */
function matchTags(tags: TagRow[], word: QueryWord): TagMatch {
  const match: TagMatch = { authorIds: [], themeIds: [], factor: 0 };
  for (const tag of tags) {
    let best = 0;
    for (const key of [tag.key, ...tag.aliasKeys]) {
      for (const term of key.split(' ')) {
        if (matchesWord(term, word, true)) best = Math.max(best, completionFactor(word, term));
      }
    }
    if (best > 0) {
      (tag.kind === 'author' ? match.authorIds : match.themeIds).push(tag.id);
      match.factor = Math.max(match.factor, best);
    }
  }
  return match;
}

/** Reads what the query needs and scores every slot per word. */
/** The index's state, the tags and the live documents: kept, or read (see ./cache.ts). */
async function currentLiveDocs(db: Dexie, t: Tables) {
  let snapshot = snapshotOf(db.name);
  if (!snapshot) {
    const before = writesSoFar(db.name);
    const [state, tags] = await Dexie.Promise.all([t.state.get('index'), t.tags.toArray()]);
    if (!state) return null;
    snapshot = { state, tags };
    keepSnapshot(db.name, snapshot, before);
  }
  const { state, tags } = snapshot;
  const cache = cacheFor(db.name, state);
  const live = await loadLiveDocs(cache, state, t.segments, t.tail);
  return { state, tags, cache, live };
}

async function score(
  db: Dexie,
  t: Tables,
  words: QueryWord[],
  target: 'pieces' | 'passages',
): Promise<Scored | null> {
  const current = await currentLiveDocs(db, t);
  if (!current) return null;
  const { tags, cache, live } = current;

  // Blocks that may hold the words' terms, from every segment, in one request.
  const ranges = words.map(rangesOf);
  const wanted: [number, number][] = [];
  for (const segment of live.segments) {
    for (const range of ranges.flat()) {
      const to = range.to ?? range.from + '\u0000';
      for (const b of blocksFor(segment.header.blockFirstTerms, range.from, to)) {
        wanted.push([segment.header.seg, b]);
      }
    }
  }
  const blocks = await loadBlocks(cache, t.blocks, wanted);

  // Authors and themes: through the tags table, so a renamed tag is found at once.
  const tagMatches = words.map((word) => matchTags(tags, word));
  // (Only Dexie's own promises keep a transaction open: no Promise.all, no async callbacks.)
  const tagged = (index: TagIndex, id: string) => taggedHits(live, t, target, index, id);
  const n = Math.max(1, live.liveDocs);
  const pieceCount = Math.max(1, live.pieceIds.length);
  const tagPieces: Scored['tagPieces'] = [];
  const tagPassages: Scored['tagPassages'] = [];
  for (const m of tagMatches) {
    const author = new Set<number>();
    const all = new Set<number>();
    for (const id of m.authorIds) {
      for (const at of await tagged('authorIds', id)) {
        author.add(at);
        all.add(at);
      }
    }
    for (const id of m.themeIds) for (const at of await tagged('themeIds', id)) all.add(at);
    const population = target === 'pieces' ? pieceCount : Math.max(1, live.slotCount);
    const entry = { author, score: idf(population, all.size) * m.factor };
    if (target === 'pieces') tagPieces.push({ ords: all, ...entry });
    else tagPassages.push({ slots: all, ...entry });
  }

  // Rarest word first; each next word only scores the pieces every word before it matched, so a
  // common word after a rare one costs little more than decoding its postings.
  const expansions = words.map((word, w) => findExpansions(live, blocks, word, ranges[w]!));
  const order = words
    .map((_, w) => w)
    .sort((a, b) => totalDf(expansions[a]!) - totalDf(expansions[b]!));
  const perWord: Scored['perWord'] = new Array(words.length);
  let filter: Uint8Array | undefined;
  for (const w of order) {
    const scored = scoreExpansions(live, words[w]!, expansions[w]!, n, filter);
    perWord[w] = scored;
    const next = new Uint8Array(live.pieceIds.length);
    for (const slot of scored.slots) next[live.slotPiece[slot]!] = 1;
    if (target === 'pieces') for (const ord of tagPieces[w]!.ords) next[ord] = 1;
    else for (const slot of tagPassages[w]!.slots) next[live.slotPiece[slot]!] = 1;
    if (filter) for (let ord = 0; ord < next.length; ord++) next[ord]! &= filter[ord]!;
    filter = next;
  }
  return { live, words, perWord, tagPieces, tagPassages };
}

const totalDf = (expansions: Expansion[]) => expansions.reduce((sum, e) => sum + e.df, 0);

/** The terms of one word in the index (its completions, when it is typed), with their postings. */
function findExpansions(
  live: LiveDocs,
  blocks: Map<string, SearchBlockRow>,
  word: QueryWord,
  ranges: Range[],
): Expansion[] {
  // Terms of the ranges, with their postings' places.
  const found = new Map<string, Expansion>();
  const expansion = (term: string): Expansion => {
    let e = found.get(term);
    if (!e) {
      e = { term, df: 0, places: [], tail: undefined };
      found.set(term, e);
    }
    return e;
  };
  for (const range of ranges) {
    const to = range.to ?? range.from + '\u0000';
    for (const segment of live.segments) {
      const seg = segment.header.seg;
      for (const b of blocksFor(segment.header.blockFirstTerms, range.from, to)) {
        const block = getBlock(blocks, seg, b);
        for (let i = lowerBound(block.terms, range.from); i < block.terms.length; i++) {
          const term = block.terms[i]!;
          if (term >= to) break;
          const e = expansion(term);
          e.df += block.dfs[i]!;
          e.places.push({ seg, base: segment.base, block, index: i });
        }
      }
    }
    const tailTerms = live.tail.terms;
    for (let i = lowerBound(tailTerms, range.from); i < tailTerms.length; i++) {
      const term = tailTerms[i]!;
      if (term >= to) break;
      const e = expansion(term);
      e.tail = live.tail.postings.get(term);
      e.df += e.tail?.slots.length ?? 0;
    }
  }
  const expansions = [...found.values()];
  if (expansions.length <= MAX_EXPANSIONS) return expansions;
  expansions.sort((a, b) => b.df - a.df);
  return expansions.slice(0, MAX_EXPANSIONS);
}

/**
 * The best score of each slot for one word, over the word's terms; only slots of pieces in
 * `filter` when there is one.
 */
function scoreExpansions(
  live: LiveDocs,
  word: QueryWord,
  expansions: Expansion[],
  n: number,
  filter: Uint8Array | undefined,
): { slots: Int32Array; scores: Float32Array; fields: Uint8Array } {
  // Position + 1 of each slot in the lists below (0: not matched yet).
  const position = new Int32Array(live.slotCount);
  const slotScores: number[] = [];
  const slotFields: number[] = [];
  const slotList: number[] = [];
  let docs = new Uint32Array(256);
  let meta = new Uint8Array(256);
  const visit = (slot: number, m: number, weight: number) => {
    const piece = live.slotPiece[slot]!;
    if (piece < 0 || (filter && filter[piece] === 0)) return;
    const fields = m & 7;
    let s = 0;
    let bits = 0;
    if (fields & FIELD_TITLE) {
      s += W_TITLE;
      bits |= F_TITLE;
    }
    if (fields & FIELD_NOTE) {
      s += W_NOTE;
      bits |= F_NOTE;
    }
    if (fields & FIELD_BODY) {
      const tf = m >>> 3;
      const avg = live.slotKind[slot] === 0 ? live.avgPieceLength : live.avgPassageLength;
      const norm = 1 - B + (B * live.slotLength[slot]!) / avg;
      s += (tf * (K1 + 1)) / (tf + K1 * norm);
      bits |= F_TEXT;
    }
    s *= weight;
    const at = position[slot]! - 1;
    if (at < 0) {
      position[slot] = slotList.length + 1;
      slotList.push(slot);
      slotScores.push(s);
      slotFields.push(bits);
    } else {
      if (s > slotScores[at]!) slotScores[at] = s;
      slotFields[at]! |= bits;
    }
  };
  // The word itself weighs by its own rarity; its completions by the rarity of the prefix as a
  // whole, so that a rare completion does not outrank the word typed.
  const groupIdf = idf(
    n,
    Math.min(
      n,
      expansions.reduce((sum, e) => sum + e.df, 0),
    ),
  );
  for (const e of expansions) {
    const exact = e.term === word.term || e.term === SHORT_FIELD_MARK + word.term;
    const weight = exact ? idf(n, e.df) : groupIdf * completionFactor(word, e.term);
    for (const place of e.places) {
      const df = place.block.dfs[place.index]!;
      if (df > docs.length) {
        docs = new Uint32Array(df * 2);
        meta = new Uint8Array(df * 2);
      }
      decodePostings(place.block, place.index, docs, meta);
      for (let k = 0; k < df; k++) visit(place.base + docs[k]!, meta[k]!, weight);
    }
    if (e.tail) {
      for (let k = 0; k < e.tail.slots.length; k++)
        visit(e.tail.slots[k]!, e.tail.meta[k]!, weight);
    }
  }
  return {
    slots: Int32Array.from(slotList),
    scores: Float32Array.from(slotScores),
    fields: Uint8Array.from(slotFields),
  };
}

function fieldNames<F>(bits: number, names: [number, F][]): F[] {
  return names.filter(([bit]) => bits & bit).map(([, name]) => name);
}

/** Runs `fn` in one read transaction over the tables a search reads (joins an open one). */
function readTransaction<T>(db: Dexie, fn: (t: Tables) => Promise<T>): Promise<T> {
  return db.transaction('r', [...SEARCH_READ_TABLES], (tx) => fn(tablesOf(tx)));
}

/**
 * Runs a search. One that started from a kept snapshot (see ./cache.ts) and failed runs once more
 * from a fresh read: another page may have rewritten the index just before Dexie told of it.
 */
async function searching<T>(db: Dexie, fn: (t: Tables) => Promise<T>): Promise<T> {
  const fromSnapshot = snapshotOf(db.name) !== undefined;
  try {
    return await readTransaction(db, fn);
  } catch (error) {
    if (!fromSnapshot) throw error;
    forgetSnapshot(db.name);
    return readTransaction(db, fn);
  }
}

const WARM_UP_QUERIES = ['e', 'the'];

/** Tags, and blocks, read ahead per transaction: writes wait for no more than one of these. */
const READ_AHEAD_TAGS = 40;
const READ_AHEAD_BLOCKS = 100;
const READ_AHEAD_PIECES = 2000;

/**
 * Reads what searches keep in memory (segment headers, the live documents), so that the
 * first keystroke does not pay for it: call it when a page with a search box opens. With
 * `readAhead`, it goes on, a short transaction at a time, to read which pieces carry each tag and
 * the index's blocks (first blocks of every segment first: one- and two-letter completions of
 * titles and notes) until the block cache is full; it stops when the index changes meanwhile.
 */
export async function prepareSearch(
  db: Dexie,
  { readAhead = false }: { readAhead?: boolean } = {},
): Promise<void> {
  const prepared = await readTransaction(db, async (t) => {
    const state = await t.state.get('index');
    if (!state) return null;
    const cache = cacheFor(db.name, state);
    const live = await loadLiveDocs(cache, state, t.segments, t.tail);
    return { cache, live, tags: await t.tags.toArray() };
  });
  if (!prepared || !readAhead || prepared.live.readAhead) return;
  const { cache, live, tags } = prepared;
  // Once per generation of the live documents: later calls while nothing was written find it done or under way.
  live.readAhead = true;
  const current = () => cache.live === live && isCurrentCache(db.name, cache);
  for (let i = 0; i < tags.length && current(); i += READ_AHEAD_TAGS) {
    await readTransaction(db, async (t) => {
      for (const tag of tags.slice(i, i + READ_AHEAD_TAGS)) {
        const index = tag.kind === 'author' ? 'authorIds' : 'themeIds';
        await taggedHits(live, t, 'pieces', index, tag.id);
      }
    });
  }
  // Titles and notes of every piece (a few MB), for the snippets of what matched in them.
  let after: string | null = null;
  while (current()) {
    const from: string | null = after;
    const rows: PieceRow[] = await readTransaction(db, (t) =>
      (from === null ? t.pieces.orderBy(':id') : t.pieces.where(':id').above(from))
        .limit(READ_AHEAD_PIECES)
        .toArray(),
    );
    for (const p of rows) live.pieceTexts.set(p.id, { title: p.title, note: p.note });
    if (rows.length < READ_AHEAD_PIECES) break;
    after = rows[rows.length - 1]!.id;
  }
  const blocks: [number, number][] = [];
  const counts = live.segments.map((s) => s.header.blockFirstTerms.length);
  for (let b = 0; b < Math.max(0, ...counts); b++) {
    live.segments.forEach((s, i) => b < counts[i]! && blocks.push([s.header.seg, b]));
  }
  for (
    let i = 0;
    i < blocks.length && current() && !blockCacheFull(cache);
    i += READ_AHEAD_BLOCKS
  ) {
    const chunk = blocks.slice(i, i + READ_AHEAD_BLOCKS);
    await readTransaction(db, (t) => loadBlocks(cache, t.blocks, chunk));
  }
  // Two searches at idle, one completed in titles and notes (under MIN_BODY_PREFIX letters), one
  // in stored copies too, compile the scoring and snippet code: the first keystrokes do not pay.
  for (const query of WARM_UP_QUERIES) {
    if (current()) await searchPieces(db, query, { limit: 30 });
  }
}

/**
 * Pieces matching every word of `query`, best first. See the module comment for the ranking.
 * An empty query, or an index never built, gives no hits.
 */
export async function searchPieces(
  db: Dexie,
  query: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const words = parseQuery(query);
  if (words.length === 0) return [];
  const limit = options.limit ?? 20;
  return searching(db, async (t) => {
    const scored = await score(db, t, words, 'pieces');
    if (!scored) return [];
    const { live, perWord, tagPieces } = scored;
    const pieceCount = live.pieceIds.length;
    let allowed: Uint8Array | undefined;
    if (options.pieceIds) {
      allowed = new Uint8Array(pieceCount);
      for (const id of options.pieceIds) {
        const ord = live.ordinalOf(id);
        if (ord !== undefined) allowed[ord] = 1;
      }
    }
    const total = new Float64Array(pieceCount);
    const mask = new Uint16Array(pieceCount);
    const fields = new Uint8Array(pieceCount);
    // Per word: the score of the piece's own document, and of its best passage.
    const own = new Float32Array(pieceCount);
    const passage = new Float32Array(pieceCount);
    const seen = new Uint8Array(pieceCount);
    const touched: number[] = [];
    const touch = (ord: number) => {
      if (seen[ord] === 0) {
        seen[ord] = 1;
        touched.push(ord);
      }
    };
    const passageMask = new Map<number, number>();
    perWord.forEach((word, w) => {
      const bit = 1 << w;
      for (let k = 0; k < word.slots.length; k++) {
        const slot = word.slots[k]!;
        const ord = live.slotPiece[slot]!;
        if (allowed && allowed[ord] === 0) continue;
        touch(ord);
        if (live.slotKind[slot] === 0) {
          own[ord] = word.scores[k]!;
          fields[ord]! |= word.fields[k]!;
        } else {
          passage[ord] = Math.max(passage[ord]!, word.scores[k]!);
          fields[ord]! |= F_PASSAGE;
          passageMask.set(slot, (passageMask.get(slot) ?? 0) | bit);
        }
      }
      const tag = tagPieces[w]!;
      for (const ord of tag.ords) {
        if (allowed && allowed[ord] === 0) continue;
        touch(ord);
        const isAuthor = tag.author.has(ord);
        own[ord]! += tag.score * (isAuthor ? W_AUTHOR : W_THEME);
        fields[ord]! |= isAuthor ? F_AUTHOR : F_THEME;
      }
      for (const ord of touched) {
        total[ord]! += own[ord]! + W_PASSAGE * passage[ord]!;
        mask[ord]! |= bit;
        own[ord] = 0;
        passage[ord] = 0;
        seen[ord] = 0;
      }
      touched.length = 0;
    });
    const full = (1 << perWord.length) - 1;
    const hits: number[] = [];
    for (let ord = 0; ord < pieceCount; ord++) if (mask[ord] === full) hits.push(ord);
    const top = best(
      hits,
      limit,
      (ord) => total[ord]!,
      (a, b) =>
        total[b]! - total[a]! ||
        live.capturedAt[b]! - live.capturedAt[a]! ||
        (live.pieceIds[a]! < live.pieceIds[b]! ? -1 : 1),
    );
    const results: SearchHit[] = top.map((ord) => {
      const hit: SearchHit = {
        pieceId: live.pieceIds[ord]!,
        score: total[ord]!,
        fields: fieldNames(fields[ord]!, PIECE_FIELDS),
        snippet: null,
      };
      const start = live.pieceSlotStart[ord]!;
      const end = live.pieceSlotStart[ord + 1]!;
      const matched: { slot: number; words: number }[] = [];
      for (let i = start; i < end; i++) {
        const slot = live.pieceSlots[i]!;
        const m = passageMask.get(slot);
        if (m !== undefined) matched.push({ slot, words: popcount(m) });
      }
      if (matched.length > 0) {
        matched.sort((a, b) => b.words - a.words || a.slot - b.slot);
        hit.passageIds = matched.slice(0, MAX_PASSAGE_IDS).map((m) => live.passageIdOf(m.slot));
      }
      return hit;
    });
    const withSnippets = results.slice(0, snippetCount(options, results.length));
    if (withSnippets.length > 0) await addPieceSnippets(live, t, withSnippets, words);
    return results;
  });
}

/** How many of `hits` hits get a snippet under `options.snippets`. */
function snippetCount(options: SearchOptions, hits: number): number {
  const { snippets = true } = options;
  return snippets === true ? hits : snippets === false ? 0 : Math.max(0, Math.min(hits, snippets));
}

/**
 * Cuts the snippets of `hits` (pieces found by `searchPieces` for `query`, asked without
 * snippets or with fewer): for the rows a list shows once it is scrolled.
 */
export async function addSnippets(db: Dexie, query: string, hits: SearchHit[]): Promise<void> {
  const words = parseQuery(query);
  if (words.length === 0 || hits.length === 0) return;
  await searching(db, async (t) => {
    const current = await currentLiveDocs(db, t);
    if (current) await addPieceSnippets(current.live, t, hits, words);
  });
}

/**
 * The `limit` best of `hits`, in `compare` order (best score first), without sorting them all: a
 * one-letter prefix matches most of the collection. Only hits scoring at least the `limit`-th
 * best score can be among them; those are sorted.
 */
function best<T>(
  hits: T[],
  limit: number,
  score: (hit: T) => number,
  compare: (a: T, b: T) => number,
): T[] {
  let candidates = hits;
  if (hits.length > limit * 2) {
    const scores = Float64Array.from(hits, score).sort();
    const threshold = scores[scores.length - limit]!;
    candidates = hits.filter((hit) => score(hit) >= threshold);
  }
  return candidates.sort(compare).slice(0, limit);
}

function popcount(n: number): number {
  let count = 0;
  for (let v = n; v; v &= v - 1) count++;
  return count;
}

/** Texts kept for snippets per live (the top hits of the last keystrokes): up to ~15 MB. */
const SNIPPET_TEXTS = 600;

/**
 * What snippets are cut from, by `key(id)`: from `cache` (one of the live documents's: valid as long as
 * the live documents, since a change of a text changes the index), else read (`read`, one request for all
 * that are missing). The live's bounded cache keeps the last SNIPPET_TEXTS.
 */
async function snippetTexts<T>(
  cache: Map<string, T | undefined>,
  key: (id: string) => string,
  ids: string[],
  read: (ids: string[]) => Promise<(T | undefined)[]>,
): Promise<(T | undefined)[]> {
  const missing = ids.filter((id) => !cache.has(key(id)));
  if (missing.length > 0) {
    const rows = await read(missing);
    missing.forEach((id, i) => cache.set(key(id), rows[i]));
  }
  const found = ids.map((id) => cache.get(key(id)));
  // Oldest first, never what this call asked for (other calls' entries may go).
  const wanted = new Set(ids.map(key));
  for (const old of cache.keys()) {
    if (cache.size <= SNIPPET_TEXTS) break;
    if (!wanted.has(old)) cache.delete(old);
  }
  return found;
}

/** Title and note of pieces, for snippets: read ahead for every piece (see prepareSearch). */
function pieceTexts(live: LiveDocs, t: Tables, ids: string[]) {
  const cached = ids.map((id) => live.pieceTexts.get(id));
  if (cached.every((texts) => texts !== undefined)) return Dexie.Promise.resolve(cached);
  return snippetTexts(
    live.snippetTexts as Map<string, PieceTexts | undefined>,
    (id) => `piece ${id}`,
    ids,
    async (missing) =>
      (await t.pieces.bulkGet(missing)).map((p) => p && { title: p.title, note: p.note }),
  );
}

/** Quote and note of passages, for snippets. */
function passageTexts(live: LiveDocs, t: Tables, ids: string[]) {
  return snippetTexts(
    live.snippetTexts as Map<string, { quote: string; note: string } | undefined>,
    (id) => `passage ${id}`,
    ids,
    async (missing) =>
      (await t.passages.bulkGet(missing)).map((p) => p && { quote: p.quote, note: p.note }),
  );
}

async function addPieceSnippets(
  live: LiveDocs,
  t: Tables,
  hits: SearchHit[],
  words: QueryWord[],
): Promise<void> {
  const textIds = hits.filter((h) => h.fields.includes('text')).map((h) => h.pieceId);
  const passageIds = hits
    .filter((h) => !h.fields.includes('text') && h.passageIds)
    .map((h) => h.passageIds![0]!);
  const [bodies, pieces, passages] = await Dexie.Promise.all([
    snippetTexts(
      live.snippetTexts as Map<string, string | undefined>,
      (id) => `text ${id}`,
      textIds,
      async (ids) => (await t.contents.bulkGet(ids)).map((c) => c?.textContent),
    ),
    pieceTexts(
      live,
      t,
      hits.map((h) => h.pieceId),
    ),
    passageTexts(live, t, passageIds),
  ]);
  const text = new Map(bodies.map((body, i) => [textIds[i]!, body ?? '']));
  const quote = new Map(passages.map((p, i) => [passageIds[i]!, p]));
  hits.forEach((hit, i) => {
    const piece = pieces[i];
    const body = text.get(hit.pieceId);
    const best = hit.passageIds ? quote.get(hit.passageIds[0]!) : undefined;
    hit.snippet =
      (body ? makeSnippet(body, words) : null) ??
      (best ? (makeSnippet(best.quote, words) ?? makeSnippet(best.note, words)) : null) ??
      (piece ? makeSnippet(piece.note, words, { shortPrefixes: true }) : null) ??
      (piece ? makeSnippet(piece.title, words, { shortPrefixes: true }) : null);
  });
}

/**
 * Passages matching every word of `query` in their quote, note, authors or themes, best first.
 * `pieceIds` restricts them to the passages of those pieces.
 */
export async function searchPassages(
  db: Dexie,
  query: string,
  options: SearchOptions = {},
): Promise<PassageHit[]> {
  const words = parseQuery(query);
  if (words.length === 0) return [];
  const limit = options.limit ?? 20;
  return searching(db, async (t) => {
    const scored = await score(db, t, words, 'passages');
    if (!scored) return [];
    const { live, perWord, tagPassages } = scored;
    let allowed: Uint8Array | undefined;
    if (options.pieceIds) {
      allowed = new Uint8Array(live.pieceIds.length);
      for (const id of options.pieceIds) {
        const ord = live.ordinalOf(id);
        if (ord !== undefined) allowed[ord] = 1;
      }
    }
    const total = new Map<number, { score: number; mask: number; fields: number }>();
    const entry = (slot: number) => {
      let e = total.get(slot);
      if (!e) {
        e = { score: 0, mask: 0, fields: 0 };
        total.set(slot, e);
      }
      return e;
    };
    perWord.forEach((word, w) => {
      const bit = 1 << w;
      for (let k = 0; k < word.slots.length; k++) {
        const slot = word.slots[k]!;
        if (live.slotKind[slot] !== 1) continue;
        if (allowed && allowed[live.slotPiece[slot]!] === 0) continue;
        const e = entry(slot);
        e.score += word.scores[k]!;
        e.mask |= bit;
        e.fields |= word.fields[k]!;
      }
      const tag = tagPassages[w]!;
      for (const slot of tag.slots) {
        if (allowed && allowed[live.slotPiece[slot]!] === 0) continue;
        const e = entry(slot);
        const isAuthor = tag.author.has(slot);
        e.score += tag.score * (isAuthor ? W_AUTHOR : W_THEME);
        e.mask |= bit;
        e.fields |= isAuthor ? F_AUTHOR : F_THEME;
      }
    });
    const full = (1 << perWord.length) - 1;
    const hits = [...total].filter(([, e]) => e.mask === full);
    const top = best(
      hits,
      limit,
      ([, e]) => e.score,
      ([a, ea], [b, eb]) =>
        eb.score - ea.score ||
        live.capturedAt[live.slotPiece[b]!]! - live.capturedAt[live.slotPiece[a]!]! ||
        a - b,
    );
    const results: PassageHit[] = top.map(([slot, e]) => ({
      passageId: live.passageIdOf(slot),
      pieceId: live.pieceIds[live.slotPiece[slot]!]!,
      score: e.score,
      fields: fieldNames(e.fields, PASSAGE_FIELDS),
      snippet: null,
    }));
    const withSnippets = results.slice(0, snippetCount(options, results.length));
    if (withSnippets.length > 0) {
      const rows = await passageTexts(
        live,
        t,
        withSnippets.map((r) => r.passageId),
      );
      withSnippets.forEach((hit, i) => {
        const row = rows[i];
        if (!row) return;
        hit.snippet =
          makeSnippet(row.quote, words) ?? makeSnippet(row.note, words, { shortPrefixes: true });
      });
    }
    return results;
  });
}
