/**
 * Passages as W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/): one
 * `AnnotationCollection` whose first (and only) `AnnotationPage` holds an `Annotation` per passage.
 *
 * - `target`: the piece's URL as `source`, with the passage's selectors (TextQuoteSelector,
 *   TextPositionSelector …); a TextQuoteSelector with the captured quote is added when missing.
 * - `body`: the note as a `TextualBody` (purpose `commenting`), each theme as a `TextualBody`
 *   with purpose `tagging`.
 * - `id`: `urn:uuid:<passage id>` (or a `urn:commonplace:passage:` URN for other ids), so that a
 *   re-import finds the same passage.
 */
import type { Backup } from '../backup/format';
import type { PassageRow, PieceRow } from '../model/records';
import { Collection } from './model';
import { wellFormed } from './text';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The IRI of a passage's annotation. */
export function annotationId(passageId: string): string {
  return UUID.test(passageId)
    ? `urn:uuid:${passageId.toLowerCase()}`
    : `urn:commonplace:passage:${encodeURIComponent(passageId)}`;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: string;
}

export interface WebAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'tagging' | 'highlighting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: { source: string; selector: Record<string, unknown>[] };
}

export interface AnnotationCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { type: 'Software'; name: string };
  generated: string;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** A JSON value with every string well-formed (strict JSON readers refuse lone surrogates). */
function wellFormedJson(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedJson);
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[wellFormed(key)] = wellFormedJson(item);
    return result;
  }
  return value;
}

/** Selectors as JSON objects, with a TextQuoteSelector for the quote first when there was none. */
function selectorsOf(passage: PassageRow): Record<string, unknown>[] {
  const selectors = passage.selectors
    .filter(
      (s): s is Record<string, unknown> => typeof s === 'object' && s !== null && !Array.isArray(s),
    )
    .map((s) => wellFormedJson(s) as Record<string, unknown>);
  if (selectors.some((s) => s.type === 'TextQuoteSelector')) return selectors;
  return [{ type: 'TextQuoteSelector', exact: wellFormed(passage.quote) }, ...selectors];
}

export function passageAnnotation(
  collection: Collection,
  piece: PieceRow,
  passage: PassageRow,
): WebAnnotation {
  const body: TextualBody[] = [];
  if (passage.note.trim()) {
    body.push({
      type: 'TextualBody',
      value: wellFormed(passage.note),
      format: 'text/plain',
      purpose: 'commenting',
    });
  }
  for (const tag of collection.tagsOf(passage.themeIds)) {
    body.push({ type: 'TextualBody', value: wellFormed(tag.name), purpose: 'tagging' });
  }
  return {
    id: annotationId(passage.id),
    type: 'Annotation',
    motivation: passage.note.trim() ? 'commenting' : body.length ? 'tagging' : 'highlighting',
    created: passage.createdAt,
    modified: passage.updatedAt,
    ...(body.length ? { body } : {}),
    target: { source: wellFormed(piece.url), selector: selectorsOf(passage) },
  };
}

/** Every passage of the backup as one AnnotationCollection (serialize with JSON.stringify). */
export function exportWebAnnotations(backup: Backup): AnnotationCollection {
  const collection = new Collection(backup);
  const items: WebAnnotation[] = [];
  for (const piece of backup.pieces) {
    for (const passage of collection.passages(piece.id)) {
      items.push(passageAnnotation(collection, piece, passage));
    }
  }
  const id = `urn:commonplace:export:${backup.exportedAt}`;
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Commonplace passages',
    total: items.length,
    generator: { type: 'Software', name: 'Commonplace' },
    generated: backup.exportedAt,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
