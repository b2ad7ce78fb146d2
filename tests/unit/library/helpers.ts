/** Rows and views made by hand for the library tests. */
import type { PassageRow, PieceRow, TagRow } from '../../../lib/model/records';
import { DEFAULT_VIEW, type LibraryView } from '../../../lib/library/view';

export function piece(id: string, fields: Partial<PieceRow> = {}): PieceRow {
  return {
    id,
    url: `https://site.example/${id}`,
    pageUrl: `https://site.example/${id}`,
    pageKind: 'article',
    title: id,
    siteName: 'Site',
    authorIds: [],
    themeIds: [],
    publishedTime: null,
    modifiedTime: null,
    lang: 'en',
    excerpt: '',
    wordCount: 100,
    contentHash: '',
    note: '',
    capturedAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

export function tag(id: string, name: string, kind: TagRow['kind'] = 'theme'): TagRow {
  return {
    id,
    kind,
    name,
    key: name.toLowerCase(),
    aliases: [],
    aliasKeys: [],
    color: null,
    personName: null,
    createdAt: '',
    updatedAt: '',
  };
}

/** A passage created on day `id.length` of May 2026: longer ids are newer. */
export function passage(id: string, pieceId: string, fields: Partial<PassageRow> = {}): PassageRow {
  return {
    id,
    pieceId,
    selectors: [],
    quote: id,
    textFragment: null,
    note: '',
    authorIds: [],
    themeIds: [],
    createdAt: `2026-05-0${id.length}T00:00:00.000Z`,
    updatedAt: '',
    ...fields,
  };
}

export const view = (fields: Partial<LibraryView>): LibraryView => ({ ...DEFAULT_VIEW, ...fields });
