import { describe, expect, test } from 'vitest';
import { addSnippets, indexPieces, searchPassages, searchPieces } from '../../../lib/search';
import type { CommonplaceDB } from '../../../lib/collection/database';
import { freshDatabase } from '../factories';
import { putPiece, type PieceSpec } from './helpers';

const FILLER =
  'Some ordinary words about a city, its streets and its people, written for a weekly paper.';

async function collection(specs: PieceSpec[]): Promise<{ db: CommonplaceDB; ids: string[] }> {
  const db = freshDatabase();
  const ids: string[] = [];
  for (const spec of specs) ids.push((await putPiece(db, spec)).id);
  await indexPieces(db, ids);
  return { db, ids };
}

const idsOf = async (db: CommonplaceDB, query: string, options = {}) =>
  (await searchPieces(db, query, options)).map((h) => h.pieceId);

describe('matching', () => {
  test('accent- and case-insensitive, both ways', async () => {
    const { db, ids } = await collection([
      { title: 'Une société sans mémoire', text: FILLER },
      { title: 'Memory', text: `${FILLER} The MEMOIRE of a city.` },
    ]);
    expect(new Set(await idsOf(db, 'MÉMOIRE'))).toEqual(new Set(ids));
    expect(new Set(await idsOf(db, 'memoire'))).toEqual(new Set(ids));
    expect(await idsOf(db, 'SOCIETE')).toEqual([ids[0]]);
  });

  test('Cyrillic and German words are found by their folded forms', async () => {
    const { db, ids } = await collection([
      { title: 'Кагарлицкий о революции', text: FILLER },
      { title: 'Straßenkampf', text: `${FILLER} Die Straße.` },
    ]);
    expect(await idsOf(db, 'кагарлицкий')).toEqual([ids[0]]);
    expect(await idsOf(db, 'КАГАР')).toEqual([ids[0]]);
    expect(await idsOf(db, 'strasse')).toEqual([ids[1]]);
    expect(await idsOf(db, 'STRAẞE')).toEqual([ids[1]]);
  });

  test('the last word matches as a prefix while typed, exactly once finished', async () => {
    const { db, ids } = await collection([
      { title: 'On imperialism', text: FILLER },
      { title: 'Imp', text: FILLER },
    ]);
    expect(new Set(await idsOf(db, 'imp'))).toEqual(new Set(ids));
    expect(await idsOf(db, 'imp ')).toEqual([ids[1]]);
    expect(await idsOf(db, 'imperialism')).toEqual([ids[0]]);
    expect(await idsOf(db, 'imperialisms')).toEqual([]);
  });

  test('earlier words must match exactly', async () => {
    const { db, ids } = await collection([
      { title: 'Russian imperialism', text: FILLER },
      { title: 'Russians and imperialism', text: FILLER },
    ]);
    expect(await idsOf(db, 'russian imp')).toEqual([ids[0]]);
  });

  test('every word must match (AND), in any field', async () => {
    const { db, ids } = await collection([
      { title: 'Russian imperialism', text: FILLER },
      { title: 'Russian literature', text: FILLER },
      { title: 'Imperialism', text: `${FILLER} A Russian view.`, authors: ['Ilya Matveev'] },
    ]);
    expect(new Set(await idsOf(db, 'russian imperialism'))).toEqual(new Set([ids[0], ids[2]]));
    expect(await idsOf(db, 'matveev russian imperialism')).toEqual([ids[2]]);
    expect(await idsOf(db, 'russian absent')).toEqual([]);
  });

  test('prefixes of one or two letters complete words of titles and notes only', async () => {
    const { db, ids } = await collection([
      { title: 'Kyiv diary', text: FILLER },
      { title: 'Elsewhere', text: `${FILLER} The kitchen.` },
      { title: 'Elsewhere', text: FILLER, note: 'kept for later' },
    ]);
    expect(new Set(await idsOf(db, 'k'))).toEqual(new Set([ids[0], ids[2]]));
    expect(await idsOf(db, 'ke')).toEqual([ids[2]]);
    expect(await idsOf(db, 'ki')).toEqual([]);
    expect(await idsOf(db, 'kit')).toEqual([ids[1]]);
    // The word itself is found anywhere.
    expect(await idsOf(db, 'the')).toHaveLength(1);
  });

  test('authors and themes match through their tags', async () => {
    const { db, ids } = await collection([
      { title: 'A', text: FILLER, authors: ['Christopher Ford'] },
      { title: 'B', text: FILLER, themes: ['Left debates'] },
      { title: 'C', text: FILLER },
    ]);
    const [ford] = await searchPieces(db, 'chris');
    expect(ford).toMatchObject({ pieceId: ids[0], fields: ['author'], snippet: null });
    const [debates] = await searchPieces(db, 'debates');
    expect(debates).toMatchObject({ pieceId: ids[1], fields: ['theme'] });
  });

  test('a renamed tag is found by its new name without re-indexing', async () => {
    const { db, ids } = await collection([
      { title: 'A', text: FILLER, authors: ['B. Kagarlitsky'] },
    ]);
    const tag = (await db.tags.where('kind').equals('author').first())!;
    await db.tags.put({ ...tag, name: 'Boris Kagarlitsky', key: 'boris kagarlitsky' });
    expect(await idsOf(db, 'boris')).toEqual([ids[0]]);
    await db.tags.put({ ...tag, name: 'Someone Else', key: 'someone else' });
    expect(await idsOf(db, 'kagarlitsky')).toEqual([]);
  });

  test('a search can be restricted to a filtered set of pieces', async () => {
    const { db, ids } = await collection([
      { title: 'Memory one', text: FILLER },
      { title: 'Memory two', text: FILLER },
      { title: 'Memory three', text: FILLER },
    ]);
    expect(new Set(await idsOf(db, 'memory', { pieceIds: [ids[0], ids[2]] }))).toEqual(
      new Set([ids[0], ids[2]]),
    );
    expect(await idsOf(db, 'memory', { pieceIds: [] })).toEqual([]);
  });

  test('an empty query or an index never built gives nothing', async () => {
    const db = freshDatabase();
    await putPiece(db, { title: 'Memory', text: FILLER });
    expect(await searchPieces(db, 'memory')).toEqual([]);
    await indexPieces(db, (await db.pieces.toCollection().primaryKeys()) as string[]);
    expect(await searchPieces(db, '  ,; ')).toEqual([]);
  });
});

describe('ranking', () => {
  test('a title match ranks above a body match', async () => {
    const { db, ids } = await collection([
      { title: 'Notes', text: `${FILLER} On memory.` },
      { title: 'Memory and the archive', text: FILLER },
    ]);
    expect(await idsOf(db, 'memory')).toEqual([ids[1], ids[0]]);
  });

  test('an author match ranks above a body match', async () => {
    const { db, ids } = await collection([
      { title: 'Notes', text: `${FILLER} As Kagarlitsky said.` },
      { title: 'Notes', text: FILLER, authors: ['Boris Kagarlitsky'] },
    ]);
    expect(await idsOf(db, 'kagarlitsky')).toEqual([ids[1], ids[0]]);
  });

  test('a rarer term ranks above a common one', async () => {
    const { db, ids } = await collection([
      { title: 'The city', text: `${FILLER} An archive.` },
      { title: 'The archive', text: FILLER },
      { title: 'The city again', text: FILLER },
      { title: 'A city', text: FILLER },
    ]);
    // "archive" (2 pieces) in a title beats "city" (4 pieces) in a title.
    expect(await idsOf(db, 'city archive')).toEqual([ids[1], ids[0]]);
  });

  test('more occurrences rank higher; the word itself above longer completions', async () => {
    const { db, ids } = await collection([
      { title: 'One', text: `${FILLER} War.` },
      { title: 'Two', text: `${FILLER} War, war and war.` },
      { title: 'Three', text: `${FILLER} Warsaw.` },
    ]);
    expect(await idsOf(db, 'war')).toEqual([ids[1], ids[0], ids[2]]);
  });

  test('matches in more fields rank higher', async () => {
    const { db, ids } = await collection([
      { title: 'Solidarity', text: FILLER },
      { title: 'Solidarity', text: `${FILLER} Solidarity.`, note: 'solidarity' },
    ]);
    expect(await idsOf(db, 'solidarity')).toEqual([ids[1], ids[0]]);
  });

  test('equal scores: the newer capture first', async () => {
    const { db, ids } = await collection([
      { title: 'Same', text: FILLER, capturedAt: '2020-01-01T00:00:00.000Z' },
      { title: 'Same', text: FILLER, capturedAt: '2024-01-01T00:00:00.000Z' },
      { title: 'Same', text: FILLER, capturedAt: '2022-01-01T00:00:00.000Z' },
    ]);
    expect(await idsOf(db, 'same')).toEqual([ids[1], ids[2], ids[0]]);
  });
});

describe('hits', () => {
  test('fields, passages and a snippet of the stored copy with the words marked', async () => {
    const long = `${FILLER} `.repeat(6);
    const { db, ids } = await collection([
      {
        title: 'Memory politics',
        text: `${long}Here the Mémoire of the Résistance is told.\n\nAnd ${long}`,
        passages: [
          { id: 'p-1', quote: 'the Mémoire of the Résistance' },
          { id: 'p-2', quote: 'streets and its people' },
          { id: 'p-3', quote: 'nothing', note: 'résistance again' },
        ],
      },
    ]);
    const [hit] = await searchPieces(db, 'memoire resis');
    expect(hit).toMatchObject({ pieceId: ids[0], fields: ['text', 'passage'] });
    expect(hit!.passageIds).toEqual(['p-1', 'p-3']);
    const snippet = hit!.snippet!;
    expect(snippet.text.length).toBeLessThanOrEqual(200);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text).not.toMatch(/\n|\s\s/);
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual([
      'Mémoire',
      'Résistance',
    ]);
  });

  test('a title-only match has the title as its snippet', async () => {
    const { db } = await collection([{ title: 'The archive of exile', text: FILLER }]);
    const [hit] = await searchPieces(db, 'exil');
    expect(hit!.fields).toEqual(['title']);
    expect(hit!.snippet).toEqual({ text: 'The archive of exile', highlights: [[15, 20]] });
  });

  test('snippets for every hit, none, or only the first N (the rows on screen)', async () => {
    const { db } = await collection(
      Array.from({ length: 5 }, (_, i) => ({
        title: `Memory ${i}`,
        text: FILLER,
        passages: [{ quote: `A memory of the city, ${i}` }],
      })),
    );
    const withSnippet = async (snippets?: boolean | number) =>
      (await searchPieces(db, 'memory', { snippets })).map((h) => h.snippet !== null);
    expect(await withSnippet()).toEqual([true, true, true, true, true]);
    expect(await withSnippet(false)).toEqual([false, false, false, false, false]);
    expect(await withSnippet(2)).toEqual([true, true, false, false, false]);
    const passages = await searchPassages(db, 'memory', { snippets: 1 });
    expect(passages.map((h) => h.snippet !== null)).toEqual([true, false, false, false, false]);
  });

  test('snippets follow a change of the stored copy, a passage or a note', async () => {
    const { db, ids } = await collection([
      {
        title: 'Harbour',
        text: `${FILLER} The memory of the old town.`,
        passages: [{ id: 'h-1', quote: 'A harbour wall' }],
      },
    ]);
    const snippetOf = async (q: string) => (await searchPieces(db, q))[0]?.snippet?.text ?? '';
    const quoteOf = async (q: string) => (await searchPassages(db, q))[0]?.snippet?.text ?? '';
    expect(await snippetOf('memory')).toContain('old town');
    expect(await quoteOf('harbour')).toBe('A harbour wall');
    await putPiece(db, {
      id: ids[0],
      title: 'Harbour',
      text: `${FILLER} The memory of the new port.`,
      passages: [{ id: 'h-1', quote: 'A harbour crane' }],
    });
    await indexPieces(db, ids);
    expect(await snippetOf('memory')).toContain('new port');
    expect(await quoteOf('harbour')).toBe('A harbour crane');
  });

  test('addSnippets cuts later the snippets a search left out, the same ones', async () => {
    const { db } = await collection(
      Array.from({ length: 5 }, (_, i) => ({
        title: `Harbour ${i}`,
        text: `${FILLER} The memory of the harbour number ${i}.`,
      })),
    );
    const full = await searchPieces(db, 'memory harb');
    const hits = await searchPieces(db, 'memory harb', { snippets: 2 });
    expect(hits.map((h) => h.snippet !== null)).toEqual([true, true, false, false, false]);
    await addSnippets(db, 'memory harb', hits.slice(2));
    expect(hits).toEqual(full);
  });

  test('every hit asked for gets its snippet, however many (the kept texts are bounded)', async () => {
    const { db } = await collection(
      Array.from({ length: 620 }, (_, i) => ({ title: `Memory ${i}`, text: `${FILLER} memory` })),
    );
    const hits = await searchPieces(db, 'memory', { limit: 1000 });
    expect(hits).toHaveLength(620);
    expect(hits.filter((h) => h.snippet === null)).toEqual([]);
  });

  test('a small limit gives the first hits of a large one, ties and all (pieces and passages)', async () => {
    const { db } = await collection(
      Array.from({ length: 40 }, (_, i) => ({
        title: i % 4 === 0 ? `Memory ${i}` : `Town ${i}`,
        text: `${FILLER} ${'memory '.repeat(i % 5)}`,
        capturedAt: new Date(Date.UTC(2025, 0, 1 + (i % 3))).toISOString(),
        passages: [{ id: `m-${i}`, quote: `${'memory '.repeat(1 + (i % 3))}of the town` }],
      })),
    );
    const all = await searchPieces(db, 'memory', { limit: 1000, snippets: false });
    expect(all.length).toBeGreaterThan(20);
    for (const limit of [1, 3, 7]) {
      expect(await searchPieces(db, 'memory', { limit, snippets: false })).toEqual(
        all.slice(0, limit),
      );
    }
    const passages = await searchPassages(db, 'memory', { limit: 1000, snippets: false });
    expect(await searchPassages(db, 'memory', { limit: 4, snippets: false })).toEqual(
      passages.slice(0, 4),
    );
  });

  test('limit', async () => {
    const { db } = await collection(
      Array.from({ length: 5 }, (_, i) => ({ title: `Memory ${i}`, text: FILLER })),
    );
    expect(await searchPieces(db, 'memory', { limit: 2 })).toHaveLength(2);
  });
});

describe('searchPassages', () => {
  test('quote, note and themes of passages; AND over them', async () => {
    const { db, ids } = await collection([
      {
        title: 'One',
        text: FILLER,
        passages: [
          { id: 'q-1', quote: 'The crisis of memory', note: 'see Benjamin' },
          { id: 'q-2', quote: 'A city of strikes', themes: ['Labour movement'] },
          { id: 'q-3', quote: 'Nothing here' },
        ],
      },
      { title: 'Two', text: FILLER, passages: [{ id: 'q-4', quote: 'memory again' }] },
    ]);
    const hits = await searchPassages(db, 'memory');
    expect(hits.map((h) => h.passageId).sort()).toEqual(['q-1', 'q-4']);
    expect(hits.find((h) => h.passageId === 'q-1')).toMatchObject({
      pieceId: ids[0],
      fields: ['quote'],
    });
    const [both] = await searchPassages(db, 'memory benj');
    expect(both).toMatchObject({ passageId: 'q-1', fields: ['quote', 'note'] });
    const [labour] = await searchPassages(db, 'strikes labour');
    expect(labour).toMatchObject({ passageId: 'q-2', fields: ['quote', 'theme'] });
    expect(labour!.snippet!.text).toBe('A city of strikes');
    expect(
      (await searchPassages(db, 'memory', { pieceIds: [ids[1]!] })).map((h) => h.passageId),
    ).toEqual(['q-4']);
  });
});
