/** Small hand-made collections for the search tests. */
import type { CommonplaceDB } from '../../../lib/collection/database';
import type { PassageRow, PieceRow, TagRow } from '../../../lib/model/records';
import { tagKey } from '../../../lib/tags/normalize';

export interface PieceSpec {
  id?: string;
  title?: string;
  text?: string;
  note?: string;
  authors?: string[];
  themes?: string[];
  capturedAt?: string;
  passages?: { id?: string; quote: string; note?: string; themes?: string[] }[];
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${String(++counter).padStart(5, '0')}`;

async function tagIds(db: CommonplaceDB, kind: TagRow['kind'], names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const key = tagKey(name);
    let tag = await db.tags.where('[kind+key]').equals([kind, key]).first();
    if (!tag) {
      tag = {
        id: nextId(kind),
        kind,
        name,
        key,
        aliases: [],
        aliasKeys: [],
        color: null,
        personName: null,
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
      };
      await db.tags.add(tag);
    }
    ids.push(tag.id);
  }
  return ids;
}

/** Writes a piece, its stored copy, tags and passages (not the index). Returns the piece. */
export async function putPiece(db: CommonplaceDB, spec: PieceSpec): Promise<PieceRow> {
  const id = spec.id ?? nextId('piece');
  const at = spec.capturedAt ?? '2024-05-01T00:00:00.000Z';
  const piece: PieceRow = {
    id,
    url: `https://example.org/${id}`,
    pageUrl: `https://example.org/${id}`,
    pageKind: 'article',
    title: spec.title ?? 'Untitled',
    siteName: null,
    authorIds: await tagIds(db, 'author', spec.authors ?? []),
    themeIds: await tagIds(db, 'theme', spec.themes ?? []),
    publishedTime: null,
    modifiedTime: null,
    lang: 'en',
    excerpt: '',
    wordCount: 0,
    contentHash: '0'.repeat(64),
    note: spec.note ?? '',
    capturedAt: at,
    createdAt: at,
    updatedAt: at,
  };
  await db.pieces.put(piece);
  await db.contents.put({
    pieceId: id,
    contentHtml: `<p>${spec.text ?? ''}</p>`,
    textContent: spec.text ?? '',
    updatedAt: at,
  });
  for (const p of spec.passages ?? []) await putPassage(db, id, p);
  return piece;
}

export async function putPassage(
  db: CommonplaceDB,
  pieceId: string,
  spec: { id?: string; quote: string; note?: string; themes?: string[] },
): Promise<PassageRow> {
  const passage: PassageRow = {
    id: spec.id ?? nextId('passage'),
    pieceId,
    selectors: [{ type: 'TextQuoteSelector', exact: spec.quote }],
    quote: spec.quote,
    textFragment: null,
    note: spec.note ?? '',
    authorIds: [],
    themeIds: await tagIds(db, 'theme', spec.themes ?? []),
    createdAt: '2024-05-01T00:00:00.000Z',
    updatedAt: '2024-05-01T00:00:00.000Z',
  };
  await db.passages.put(passage);
  return passage;
}
