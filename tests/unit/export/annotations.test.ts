import { describe, expect, it } from 'vitest';
import { isTimestamp } from '../../../lib/model/row-schemas';
import { mergeBackupsWithSummary } from '../../../lib/backup/merge';
import { validateBackup } from '../../../lib/backup/validate';
import { annotationId, exportWebAnnotations } from '../../../lib/export/annotations';
import { Collection } from '../../../lib/export/model';
import { importWebAnnotations } from '../../../lib/import';
import { hostileCollection } from './hostile';
import { wellFormed } from './parse';
import { exampleBackup } from '../factories';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The Web Annotation Data Model's requirements (https://www.w3.org/TR/annotation-model/) that an
 * export must meet, checked on the parsed JSON.
 */
function expectAnnotationShape(annotation: unknown): void {
  expect(isObject(annotation)).toBe(true);
  const a = annotation as Record<string, unknown>;
  expect(typeof a.id).toBe('string');
  expect(() => new URL(a.id as string)).not.toThrow(); // an IRI
  expect(a.type).toBe('Annotation');
  expect(['commenting', 'tagging', 'highlighting']).toContain(a.motivation);
  expect(isTimestamp(a.created as string)).toBe(true);
  expect(isTimestamp(a.modified as string)).toBe(true);
  const target = a.target as Record<string, unknown>;
  expect(isObject(target)).toBe(true);
  expect(typeof target.source).toBe('string');
  const selectors = target.selector as unknown[];
  expect(Array.isArray(selectors)).toBe(true);
  for (const selector of selectors) {
    expect(isObject(selector)).toBe(true);
    expect(typeof (selector as Record<string, unknown>).type).toBe('string');
  }
  const quote = selectors.find(
    (s) => (s as Record<string, unknown>).type === 'TextQuoteSelector',
  ) as Record<string, unknown>;
  expect(typeof quote.exact).toBe('string');
  if (a.body !== undefined) {
    const bodies = a.body as unknown[];
    expect(Array.isArray(bodies)).toBe(true);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      const b = body as Record<string, unknown>;
      expect(b.type).toBe('TextualBody');
      expect(typeof b.value).toBe('string');
      expect(['commenting', 'tagging']).toContain(b.purpose);
    }
  }
}

describe('Web Annotation export', () => {
  it('is an AnnotationCollection of Annotations in the W3C shape', () => {
    const backup = hostileCollection(16);
    const collection = new Collection(backup);
    const doc = JSON.parse(JSON.stringify(exportWebAnnotations(backup))) as Record<string, unknown>;
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(backup.passages.length);
    const page = doc.first as Record<string, unknown>;
    expect(page.type).toBe('AnnotationPage');
    expect(page.startIndex).toBe(0);
    const items = page.items as Array<Record<string, unknown>>;
    expect(items).toHaveLength(backup.passages.length);
    items.forEach(expectAnnotationShape);

    const byId = new Map(items.map((item) => [item.id as string, item]));
    for (const piece of backup.pieces) {
      for (const passage of collection.passages(piece.id)) {
        const item = byId.get(annotationId(passage.id))!;
        const target = item.target as { source: string; selector: Array<Record<string, unknown>> };
        expect(target.source).toBe(wellFormed(piece.url));
        expect(target.selector).toEqual(
          JSON.parse(
            JSON.stringify(passage.selectors, (_, v: unknown) =>
              typeof v === 'string' ? wellFormed(v) : v,
            ),
          ),
        );
        expect(item.created).toBe(passage.createdAt);
        const bodies = (item.body ?? []) as Array<{ value: string; purpose: string }>;
        expect(bodies.filter((b) => b.purpose === 'commenting').map((b) => b.value)).toEqual([
          wellFormed(passage.note),
        ]);
        expect(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(
          collection.names(passage.themeIds).map(wellFormed),
        );
      }
    }
  });

  it('adds the captured quote when a passage has no TextQuoteSelector', () => {
    const backup = exampleBackup();
    backup.passages[0]!.selectors = [{ type: 'TextPositionSelector', start: 24, end: 125 }];
    backup.passages[1]!.note = '';
    const items = exportWebAnnotations(backup).first.items;
    const first = items.find((i) => i.id === annotationId(backup.passages[0]!.id))!;
    expect(first.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: backup.passages[0]!.quote },
      { type: 'TextPositionSelector', start: 24, end: 125 },
    ]);
    const second = items.find((i) => i.id === annotationId(backup.passages[1]!.id))!;
    expect(second.motivation).toBe('highlighting');
    expect(second.body).toBeUndefined();
    expect(annotationId('3F6C2A10-8D4E-4B7A-9C1D-000000002011')).toBe(
      'urn:uuid:3f6c2a10-8d4e-4b7a-9c1d-000000002011',
    );
    expect(annotationId('c-q001-0')).toBe('urn:commonplace:passage:c-q001-0');
  });

  it('imports back into the same passages, which merge as unchanged', () => {
    const backup = hostileCollection(16);
    const json = JSON.stringify(exportWebAnnotations(backup));
    const { backup: partial, summary } = importWebAnnotations(json, backup);
    const valid = validateBackup(partial);
    expect(valid.ok ? [] : valid.errors).toEqual([]);
    expect(summary).toMatchObject({
      annotations: backup.passages.length,
      passages: backup.passages.length,
      newPieces: 0,
      newThemes: 0,
      skipped: [],
    });
    const originals = new Map(backup.passages.map((p) => [p.id, p]));
    for (const passage of partial.passages) {
      const original = originals.get(passage.id)!;
      expect(passage.pieceId).toBe(original.pieceId);
      expect(passage.quote).toBe(wellFormed(original.quote));
      expect(passage.note).toBe(wellFormed(original.note));
      expect(passage.themeIds).toEqual(original.themeIds);
      expect(passage.createdAt).toBe(original.createdAt);
    }
    const { summary: merged } = mergeBackupsWithSummary(backup, partial);
    expect(merged.pieces.added).toBe(0);
    expect(merged.tags.added).toBe(0);
    expect(merged.passages.added).toBe(0);
  });
});
