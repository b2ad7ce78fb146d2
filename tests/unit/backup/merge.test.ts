import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../lib/backup/import-file';
import type { Backup } from '../../../lib/backup/format';
import { mergeBackupsWithSummary, sortBackup } from '../../../lib/backup/merge';
import { deepEqual } from '../../../lib/backup/merge-compare';
import { validateBackup } from '../../../lib/backup/validate';
import { tagKey } from '../../../lib/tags/normalize';
import {
  divergeFrom,
  dump,
  emptyBackup,
  fill,
  makeCollection,
  makePassage,
  makePiece,
  makeTag,
  mergeBackups,
  newDb,
  stamp,
  tablesOf,
} from './helpers';
import { random } from '../../support/random';

function backupOf(parts: Partial<Backup>): Backup {
  return sortBackup({ ...emptyBackup(), ...parts });
}

function expectValid(backup: Backup): void {
  const result = validateBackup(backup);
  expect(result.ok ? [] : result.errors).toEqual([]);
}

/**
 * `importInto`, then the same file once more into the result: the second import must change
 * nothing (counts and rows), and merging twice must equal merging once.
 */
async function importTwice(base: Backup, incoming: Backup): Promise<Backup> {
  const merged = await importInto(base, incoming);
  const again = mergeBackupsWithSummary(merged, incoming);
  expect(again.backup).toEqual(merged);
  for (const counts of Object.values(again.summary)) expect(counts.added + counts.updated).toBe(0);
  expect(await importInto(merged, incoming)).toEqual(merged);
  return merged;
}

/** Imports `incoming` into a database holding `base`; checks it agrees with the pure merge. */
async function importInto(base: Backup, incoming: Backup): Promise<Backup> {
  const db = newDb();
  await fill(db, base);
  const summary = await importBackup(db, JSON.stringify(incoming));
  const { backup, summary: pure } = mergeBackupsWithSummary(base, incoming);
  expect(await dump(db)).toEqual(tablesOf(backup));
  expect(summary).toEqual({ ...pure, upgradedFrom: null });
  return backup;
}

describe('merge rules', () => {
  const url = 'https://example.org/essay';

  it('keeps the record with the newer updatedAt, both ways; on a tie the existing one', async () => {
    const base = backupOf({ pieces: [makePiece('p', url, 100, { title: 'Base' })] });
    const newer = backupOf({ pieces: [makePiece('p', url, 200, { title: 'Newer' })] });
    const older = backupOf({ pieces: [makePiece('p', url, 50, { title: 'Older' })] });
    const tie = backupOf({ pieces: [makePiece('p', url, 100, { title: 'Tie' })] });
    expect((await importInto(base, newer)).pieces[0]!.title).toBe('Newer');
    expect((await importInto(base, older)).pieces[0]!.title).toBe('Base');
    expect((await importInto(base, tie)).pieces[0]!.title).toBe('Base');
    expect((await importInto(newer, base)).pieces[0]!.title).toBe('Newer');
    // Equal instants written differently are a tie too.
    const sameInstant = backupOf({
      pieces: [
        { ...makePiece('p', url, 0, { title: 'Offset' }), updatedAt: '2024-01-01T03:40:00+02:00' },
      ],
    });
    expect((await importInto(base, sameInstant)).pieces[0]!.title).toBe('Base');
  });

  it('matches a piece by URL under another id: keeps the id, moves its copy and passages', async () => {
    const base = backupOf({ pieces: [makePiece('mine', url, 100, { note: 'my note' })] });
    const incoming = backupOf({
      pieces: [makePiece('theirs', url, 200, { note: 'their note' })],
      contents: [
        { pieceId: 'theirs', contentHtml: '<p>x</p>', textContent: 'x', updatedAt: stamp(200) },
      ],
      passages: [makePassage('q', 'theirs', 201)],
    });
    const merged = await importInto(base, incoming);
    expect(merged.pieces).toEqual([{ ...incoming.pieces[0], id: 'mine' }]);
    expect(merged.contents.map((c) => c.pieceId)).toEqual(['mine']);
    expect(merged.passages.map((p) => p.pieceId)).toEqual(['mine']);

    // An older incoming piece changes nothing of the piece but when its copy was taken (the copy
    // it brings is the only one); its passages still come over.
    const old = backupOf({ ...incoming, pieces: [makePiece('theirs', url, 10, { note: 'old' })] });
    const kept = await importInto(base, old);
    expect(kept.pieces).toEqual([{ ...base.pieces[0], capturedAt: old.pieces[0]!.capturedAt }]);
    expect(kept.passages.map((p) => p.pieceId)).toEqual(['mine']);
  });

  it('keeps a piece describing the copy it has when piece and copy win on different sides', async () => {
    const copy = (minutes: number, text: string) => ({
      pieceId: 'p',
      contentHtml: `<p>${text}</p>`,
      textContent: text,
      updatedAt: stamp(minutes),
    });
    const clip = (minutes: number, note: string, words: number, hash: string) =>
      makePiece('p', url, minutes, {
        note,
        wordCount: words,
        contentHash: hash.repeat(64),
        capturedAt: stamp(minutes),
      });
    // Here the note was edited last (300); there the page was clipped again (200).
    const here = backupOf({
      pieces: [clip(300, 'edited note', 10, 'a')],
      contents: [copy(100, 'old')],
    });
    here.pieces[0]!.capturedAt = stamp(100);
    const there = backupOf({
      pieces: [clip(200, 'clip note', 20, 'b')],
      contents: [copy(200, 'new')],
    });
    const merged = await importTwice(here, there);
    expect(merged.contents).toEqual(there.contents);
    expect(merged.pieces).toEqual([
      { ...here.pieces[0], wordCount: 20, contentHash: 'b'.repeat(64), capturedAt: stamp(200) },
    ]);
    // The other way round: the newer piece brings an older copy, which is not taken.
    const back = await importTwice(there, here);
    expect(back.contents).toEqual(there.contents);
    expect(back.pieces).toEqual([
      { ...here.pieces[0], wordCount: 20, contentHash: 'b'.repeat(64), capturedAt: stamp(200) },
    ]);
  });

  it('matches a tag by kind and key under another id: unites aliases, rewrites references', async () => {
    const mine = makeTag('author', 'Boris Kagarlitsky', 'mine', 100, ['B. Kagarlitsky']);
    const theirs = makeTag('author', 'boris  KAGARLITSKY', 'theirs', 200, ['Борис Кагарлицкий']);
    const base = backupOf({ tags: [mine] });
    const incoming = backupOf({
      tags: [theirs],
      pieces: [makePiece('p', url, 300, { authorIds: ['theirs'] })],
      passages: [makePassage('q', 'p', 301, { authorIds: ['theirs'] })],
    });
    const merged = await importInto(base, incoming);
    expect(merged.tags).toHaveLength(1);
    expect(merged.tags[0]).toMatchObject({
      id: 'mine',
      name: 'boris KAGARLITSKY',
      aliases: ['B. Kagarlitsky', 'Борис Кагарлицкий'],
      aliasKeys: ['b kagarlitsky', 'борис кагарлицкий'],
      updatedAt: theirs.updatedAt,
    });
    expect(merged.pieces[0]!.authorIds).toEqual(['mine']);
    expect(merged.passages[0]!.authorIds).toEqual(['mine']);
    expectValid(merged);
  });

  it('matches a tag through an alias key, either way round', async () => {
    const mine = makeTag('author', 'Boris Kagarlitsky', 'mine', 100, ['Борис Кагарлицкий']);
    const cyrillic = makeTag('author', 'Борис Кагарлицкий', 'cyr', 50);
    const viaMyAlias = await importInto(
      backupOf({ tags: [mine] }),
      backupOf({ tags: [cyrillic], pieces: [makePiece('p', url, 1, { authorIds: ['cyr'] })] }),
    );
    expect(viaMyAlias.tags.map((t) => t.id)).toEqual(['mine']);
    expect(viaMyAlias.tags[0]!.aliases).toEqual(['Борис Кагарлицкий']);
    expect(viaMyAlias.pieces[0]!.authorIds).toEqual(['mine']);

    const plain = makeTag('author', 'Boris Kagarlitsky', 'plain', 100);
    const withAlias = makeTag('author', 'Борис Кагарлицкий', 'cyr', 200, ['Boris Kagarlitsky']);
    const viaTheirAlias = await importInto(
      backupOf({ tags: [plain] }),
      backupOf({ tags: [withAlias] }),
    );
    expect(viaTheirAlias.tags).toHaveLength(1);
    expect(viaTheirAlias.tags[0]).toMatchObject({
      id: 'plain',
      name: 'Борис Кагарлицкий',
      aliases: ['Boris Kagarlitsky'],
    });
  });

  it('keeps the old name of a renamed tag as an alias', async () => {
    const before = makeTag('theme', 'Memory', 't', 100);
    const after = { ...makeTag('theme', 'Collective memory', 't', 200) };
    const merged = await importInto(backupOf({ tags: [before] }), backupOf({ tags: [after] }));
    expect(merged.tags[0]).toMatchObject({
      name: 'Collective memory',
      key: 'collective memory',
      aliases: ['Memory'],
      aliasKeys: ['memory'],
    });
    // And the other way: an older name coming in is remembered as an alias.
    const back = await importInto(backupOf({ tags: [after] }), backupOf({ tags: [before] }));
    expect(back.tags[0]).toMatchObject({ name: 'Collective memory', aliases: ['Memory'] });
  });

  it('does not rename a tag onto the key of another tag', async () => {
    const x = makeTag('theme', 'Cities', 'x', 100);
    const y = makeTag('theme', 'Towns', 'y', 100);
    const renamed = makeTag('theme', 'towns', 'x', 200);
    const merged = await importInto(backupOf({ tags: [x, y] }), backupOf({ tags: [renamed] }));
    expect(merged.tags.find((t) => t.id === 'x')).toMatchObject({
      name: 'Cities',
      aliases: ['towns'],
    });
    expect(merged.tags.find((t) => t.id === 'y')).toEqual(y);
    expectValid(merged);
  });

  it('moves keys between tags in one import, whichever comes first in the file', async () => {
    const x = makeTag('theme', 'Alpha', 'a-x', 100);
    const y = makeTag('theme', 'Beta', 'b-y', 100);
    const takesBeta = makeTag('theme', 'Beta', 'a-x', 200);
    const givesUpBeta = makeTag('theme', 'Gamma', 'b-y', 200);
    // Id order (an export's): x asks for "beta" before y gives it up.
    for (const tags of [
      [takesBeta, givesUpBeta],
      [givesUpBeta, takesBeta],
    ]) {
      const incoming = { ...emptyBackup(), tags };
      const merged = await importTwice(backupOf({ tags: [x, y] }), incoming);
      expect(merged.tags.map((t) => [t.id, t.name, t.aliases])).toEqual([
        ['a-x', 'Beta', ['Alpha']],
        ['b-y', 'Gamma', ['Beta']],
      ]);
    }
  });

  it('lets a piece take a URL that a later row of the same file frees', async () => {
    const first = 'https://example.org/first';
    const existing = makePiece('p-e', first, 100);
    // p-a (older than p-e) meets p-e at `first`; only then does p-e move away from it.
    const incoming = backupOf({
      pieces: [
        makePiece('p-a', first, 50, { title: 'Arrives' }),
        makePiece('p-e', 'https://example.org/moved', 200),
      ],
      contents: [
        { pieceId: 'p-a', contentHtml: '<p>a</p>', textContent: 'a', updatedAt: stamp(50) },
      ],
    });
    const merged = await importTwice(backupOf({ pieces: [existing] }), incoming);
    expect(merged.pieces.map((p) => [p.id, p.url])).toEqual([
      ['p-a', first],
      ['p-e', 'https://example.org/moved'],
    ]);
    expect(merged.contents.map((c) => c.pieceId)).toEqual(['p-a']);
  });

  it('does not give two pieces one URL', async () => {
    const p = makePiece('p', 'https://example.org/1', 100);
    const q = makePiece('q', 'https://example.org/2', 100);
    const moved = makePiece('p', 'https://example.org/2', 200, { title: 'Moved' });
    const merged = await importInto(backupOf({ pieces: [p, q] }), backupOf({ pieces: [moved] }));
    expect(merged.pieces).toEqual([p, q]);
    // A URL given up in the same file can be taken.
    const swapped = await importInto(backupOf({ pieces: [p, q] }), {
      ...emptyBackup(),
      pieces: [makePiece('q', 'https://example.org/3', 200), moved],
    });
    expect(swapped.pieces.map((x) => [x.id, x.url])).toEqual([
      ['p', 'https://example.org/2'],
      ['q', 'https://example.org/3'],
    ]);
  });

  it('keeps a tag apart when its id belongs to a tag of the other kind', async () => {
    const author = makeTag('author', 'Reading', 'same-id', 100);
    const theme = makeTag('theme', 'Reading', 'same-id', 100);
    const merged = await importInto(
      backupOf({ tags: [author] }),
      backupOf({ tags: [theme], pieces: [makePiece('p', url, 1, { themeIds: ['same-id'] })] }),
    );
    expect(merged.tags.map((t) => [t.id, t.kind])).toEqual([
      ['same-id', 'author'],
      ['same-id~theme', 'theme'],
    ]);
    expect(merged.pieces[0]!.themeIds).toEqual(['same-id~theme']);
    expectValid(merged);
  });

  it('merges passages, stored copies and settings by key with the newer winning', async () => {
    const base = backupOf({
      pieces: [makePiece('p', url, 100)],
      contents: [{ pieceId: 'p', contentHtml: 'old', textContent: 'old', updatedAt: stamp(100) }],
      passages: [
        makePassage('q1', 'p', 100, { note: 'mine' }),
        makePassage('q2', 'p', 300, { note: 'mine' }),
      ],
      settings: [
        { key: 'a', value: 1, updatedAt: stamp(100) },
        { key: 'b', value: 1, updatedAt: stamp(300) },
      ],
    });
    const incoming = backupOf({
      pieces: [makePiece('p', url, 100)],
      contents: [{ pieceId: 'p', contentHtml: 'new', textContent: 'new', updatedAt: stamp(200) }],
      passages: [
        makePassage('q1', 'p', 200, { note: 'theirs' }),
        makePassage('q2', 'p', 200, { note: 'theirs' }),
      ],
      settings: [
        { key: 'a', value: { x: [2] }, updatedAt: stamp(200) },
        { key: 'b', value: 2, updatedAt: stamp(200) },
        { key: 'c', value: 'new', updatedAt: stamp(1) },
      ],
    });
    const { backup, summary } = mergeBackupsWithSummary(base, incoming);
    expect(backup.contents[0]!.textContent).toBe('new');
    expect(backup.passages.map((p) => p.note)).toEqual(['theirs', 'mine']);
    expect(backup.settings.map((s) => s.value)).toEqual([{ x: [2] }, 1, 'new']);
    expect(summary).toEqual({
      tags: { added: 0, updated: 0, unchanged: 0 },
      pieces: { added: 0, updated: 0, unchanged: 1 },
      contents: { added: 0, updated: 1, unchanged: 0 },
      passages: { added: 0, updated: 1, unchanged: 1 },
      settings: { added: 1, updated: 1, unchanged: 1 },
    });
    await importInto(base, incoming);
  });

  it('rewrites references of incoming rows to the kept tags, without doubles', async () => {
    const mine = makeTag('theme', 'Exile', 'mine', 100);
    const theirs = makeTag('theme', 'exile', 'theirs', 50);
    const other = makeTag('theme', 'Memory', 'other', 50);
    const merged = await importInto(
      backupOf({ tags: [mine] }),
      backupOf({
        tags: [theirs, other],
        pieces: [makePiece('p', url, 1, { themeIds: ['theirs', 'other'] })],
        passages: [makePassage('q', 'p', 2, { themeIds: ['other', 'theirs'] })],
      }),
    );
    expect(merged.pieces[0]!.themeIds).toEqual(['mine', 'other']);
    expect(merged.passages[0]!.themeIds).toEqual(['other', 'mine']);
  });
});

describe('merge laws on generated collections', () => {
  const seeds = [1, 2, 3, 4, 5, 6];

  it.each(seeds)('merge(a, a) = a and merge(a, empty) = a (seed %i)', (seed) => {
    const a = makeCollection(seed, 10 + seed * 3);
    expect(mergeBackups(a, a)).toEqual(a);
    expect(mergeBackups(a, { ...emptyBackup(), exportedAt: a.exportedAt })).toEqual(a);
    expect(mergeBackups({ ...emptyBackup(), exportedAt: a.exportedAt }, a)).toEqual(a);
  });

  it.each(seeds)('merging b twice equals merging it once, and stays valid (seed %i)', (seed) => {
    const a = makeCollection(seed, 12);
    const b = divergeFrom(a, seed * 101);
    expectValid(b);
    const once = mergeBackups(a, b);
    expectValid(once);
    expect(mergeBackups(once, b)).toEqual(once);
    expect(deepEqual(once, a)).toBe(false);
    const reverse = mergeBackups(b, a);
    expectValid(reverse);
    expect(mergeBackups(reverse, a)).toEqual(reverse);
    // Unrelated collections: nothing in common but the tag names.
    const c = makeCollection(seed + 50, 8, `other${seed}`);
    const both = mergeBackups(a, c);
    expectValid(both);
    expect(mergeBackups(both, c)).toEqual(both);
    expect(both.pieces).toHaveLength(a.pieces.length + c.pieces.length);
    expect(both.tags).toHaveLength(a.tags.length);
  });

  it.each(seeds.slice(0, 3))(
    'import into a database equals the offline merge; a second import changes nothing (seed %i)',
    async (seed) => {
      const a = makeCollection(seed, 12);
      const b = divergeFrom(a, seed * 7);
      const db = newDb();
      await fill(db, a);
      await importBackup(db, JSON.stringify(b));
      const merged = await dump(db);
      expect(merged).toEqual(tablesOf(mergeBackups(a, b)));
      const again = await importBackup(db, JSON.stringify(b));
      expect(await dump(db)).toEqual(merged);
      for (const table of ['tags', 'pieces', 'contents', 'passages', 'settings'] as const) {
        expect(again[table].added + again[table].updated).toBe(0);
      }
    },
  );

  it('merging twice equals merging once, for small collections that collide on every key', () => {
    // Few ids, names and URLs, random times: tags and pieces meet by id, key, alias and URL, and
    // rows of one file free keys that others want, in every order.
    const rnd = random(2026);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
    const minutes = () => Math.floor(rnd() * 4) * 10;
    const names = ['Alpha', 'Beta', 'Gamma', 'Delta'];
    const urls = ['a', 'b', 'c', 'd'].map((u) => `https://example.org/${u}`);
    const collection = (): Backup => {
      const backup = emptyBackup();
      const taken = new Set<string>();
      for (const id of ['t1', 't2', 't3', 't4']) {
        const name = pick(names);
        if (rnd() < 0.3 || taken.has(name)) continue;
        taken.add(name);
        const aliases = rnd() < 0.3 ? [pick(names)].filter((n) => n !== name) : [];
        backup.tags.push(makeTag('theme', name, id, minutes(), aliases));
      }
      const used = new Set<string>();
      for (const id of ['p1', 'p2', 'p3', 'p4']) {
        const url = pick(urls);
        if (rnd() < 0.3 || used.has(url)) continue;
        used.add(url);
        const themeIds = backup.tags.length > 0 && rnd() < 0.7 ? [pick(backup.tags).id] : [];
        backup.pieces.push(makePiece(id, url, minutes(), { title: `T${minutes()}`, themeIds }));
        if (rnd() < 0.6) {
          const text = `copy ${minutes()}`;
          backup.contents.push({
            pieceId: id,
            contentHtml: `<p>${text}</p>`,
            textContent: text,
            updatedAt: stamp(minutes()),
          });
        }
        if (rnd() < 0.6) {
          backup.passages.push(makePassage(`q-${id}`, id, minutes(), { note: `n${minutes()}` }));
        }
      }
      return sortBackup(backup);
    };
    let checked = 0;
    while (checked < 2000) {
      const a = collection();
      const b = collection();
      if (!validateBackup(a).ok || !validateBackup(b).ok) continue;
      checked++;
      const once = mergeBackups(a, b);
      expectValid(once);
      expect(mergeBackups(once, b)).toEqual(once);
      expect(mergeBackups(a, a)).toEqual(a);
    }
  });

  it('tag keys in generated merges stay unique per kind', () => {
    const a = makeCollection(11, 10);
    const merged = mergeBackups(a, divergeFrom(a, 12));
    const keys = merged.tags.map((t) => `${t.kind}:${t.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(merged.tags.find((t) => t.key === tagKey('Boris Kagarlitsky'))?.aliases).toContain(
      'Борис Кагарлицкий',
    );
  });
});
