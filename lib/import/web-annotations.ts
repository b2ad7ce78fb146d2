/**
 * Import of W3C Web Annotations (JSON-LD): an AnnotationCollection with embedded pages (as
 * Commonplace exports it), an AnnotationPage, an array of Annotations, a single Annotation or a
 * JSON-LD `@graph`. Each annotation whose target has a TextQuoteSelector becomes a passage; see
 * ./builder.ts for how pages, themes and ids are found.
 */
import {
  ImportFormatError,
  PartialBackupBuilder,
  isObject,
  readJson,
  type ImportContext,
  type ImportOptions,
  type ImportResult,
  type JsonObject,
} from './builder';

const hasType = (value: JsonObject, type: string): boolean => {
  const types = Array.isArray(value.type) ? value.type : [value.type ?? value['@type']];
  return types.some((t) => t === type || t === `oa:${type}` || t === `as:${type}`);
};

const MAX_PAGES = 10_000;

/** The annotations of any accepted shape, in order. */
function annotationsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) {
    throw new ImportFormatError('not Web Annotations: expected a JSON object or array');
  }
  if (Array.isArray(doc['@graph'])) {
    return doc['@graph'].filter((item) => isObject(item) && hasType(item, 'Annotation'));
  }
  if (hasType(doc, 'Annotation')) return [doc];
  if (hasType(doc, 'AnnotationPage')) return Array.isArray(doc.items) ? doc.items : [];
  if (hasType(doc, 'AnnotationCollection')) {
    const items: unknown[] = Array.isArray(doc.items) ? [...doc.items] : [];
    let page: unknown = doc.first;
    for (let n = 0; page !== undefined && n < MAX_PAGES; n++) {
      if (!isObject(page)) {
        throw new ImportFormatError(
          'the collection refers to pages elsewhere (only pages inside the file can be imported)',
        );
      }
      if (Array.isArray(page.items)) items.push(...page.items);
      page = page.next;
    }
    return items;
  }
  throw new ImportFormatError(
    'not Web Annotations: expected an Annotation, an AnnotationPage or an AnnotationCollection',
  );
}

const idOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    const id = value.id ?? value['@id'];
    if (typeof id === 'string') return id;
  }
  return undefined;
};

const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/** Plain text of an HTML body (tags dropped, the common entities decoded). */
function htmlText(html: string): string {
  const ENTITIES: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00a0',
  };
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
}

/** The passage id carried by one of our own annotation ids. */
function ourPassageId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const uuid = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
    id,
  );
  if (uuid) return uuid[1]!.toLowerCase();
  const ours = /^urn:commonplace:passage:(.+)$/.exec(id);
  if (ours) {
    try {
      const decoded = decodeURIComponent(ours[1]!);
      return decoded.length > 0 && decoded.length <= 1_000 ? decoded : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Imports Web Annotations (`input`: the JSON text or the parsed value) against the collection in
 * `context` (a backup will do). The result's `backup` validates and merges like a backup file.
 */
export function importWebAnnotations(
  input: unknown,
  context: ImportContext,
  options: ImportOptions = {},
): ImportResult {
  const annotations = annotationsOf(readJson(input));
  const builder = new PartialBackupBuilder(context, options);
  annotations.forEach((annotation, index) => {
    builder.found();
    if (!isObject(annotation) || !hasType(annotation, 'Annotation')) {
      return builder.skip(index, 'not an Annotation');
    }
    const sourceId = idOf(annotation);
    const target = asList(annotation.target).find(
      (t) => isObject(t) && idOf(t.source) !== undefined && t.selector !== undefined,
    ) as JsonObject | undefined;
    if (!target) {
      return builder.skip(index, 'no target with a source and a selector', sourceId);
    }
    const notes: string[] = [];
    const tags: string[] = [];
    if (typeof annotation.bodyValue === 'string') notes.push(annotation.bodyValue);
    const tagging = asList(annotation.motivation).includes('tagging');
    for (const body of asList(annotation.body)) {
      if (!isObject(body) || typeof body.value !== 'string') continue;
      const purposes = asList(body.purpose);
      const format = typeof body.format === 'string' ? body.format.toLowerCase() : '';
      const value = format.startsWith('text/html') ? htmlText(body.value) : body.value;
      if (purposes.includes('tagging') || (purposes.length === 0 && tagging)) tags.push(value);
      else notes.push(value);
    }
    builder.add({
      index,
      sourceId,
      scope: 'annotation',
      passageId: ourPassageId(sourceId),
      source: idOf(target.source)!,
      selectors: asList(target.selector).filter(isObject),
      note: notes.filter((note) => note.trim() !== '').join('\n\n'),
      tags,
      created: typeof annotation.created === 'string' ? annotation.created : undefined,
      modified: typeof annotation.modified === 'string' ? annotation.modified : undefined,
    });
  });
  return builder.result();
}
