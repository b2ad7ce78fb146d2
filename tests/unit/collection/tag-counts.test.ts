import { expect, test } from 'vitest';
import { addPassage } from '../../../lib/collection/passages';
import { savePiece } from '../../../lib/collection/pieces';
import { readTagCounts } from '../../../lib/collection/tag-counts';
import { freshDatabase, makeExtraction } from '../factories';

test('readTagCounts: pieces and passages per tag, from the indexes', async () => {
  const db = freshDatabase();
  const one = await savePiece(db, makeExtraction({ url: 'https://a.example/1' }), {
    authors: ['Boris Kagarlitsky', 'Ilya Budraitskis'],
    themes: ['War'],
    note: '',
  });
  await savePiece(db, makeExtraction({ url: 'https://a.example/2' }), {
    authors: ['Boris Kagarlitsky'],
    themes: [],
    note: '',
  });
  for (const authors of [['Ilya Budraitskis'], []]) {
    await addPassage(db, {
      pieceId: one.id,
      selectors: [],
      quote: 'influence',
      textFragment: null,
      note: '',
      authors,
      themes: ['War', 'Left'],
    });
  }
  const byName = new Map((await db.tags.toArray()).map((t) => [t.name, t.id]));
  const counts = await readTagCounts(db);
  expect(counts.get(byName.get('Boris Kagarlitsky')!)).toEqual({ pieces: 2, passages: 0 });
  expect(counts.get(byName.get('Ilya Budraitskis')!)).toEqual({ pieces: 1, passages: 1 });
  expect(counts.get(byName.get('War')!)).toEqual({ pieces: 1, passages: 2 });
  expect(counts.get(byName.get('Left')!)).toEqual({ pieces: 0, passages: 2 });
  expect(counts.size).toBe(4);
});
