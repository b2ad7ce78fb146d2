/**
 * Import of Hypothesis's own JSON: the export file of its client (`{export_date, export_userid,
 * client_version, annotations: [...]}`), a search result of its API (`{total, rows: [...]}`) or
 * a plain array of annotations. Each annotation has `uri`, `text` (Markdown), `tags`,
 * `target: [{source, selector: [...]}]`, `document.title`, `user`, `created` and `updated`.
 *
 * - Highlights and annotations (a TextQuoteSelector in the target) become passages; their text
 *   is the passage note and their tags its themes. Only the TextQuoteSelector and
 *   TextPositionSelector are kept: Hypothesis's RangeSelector is an XPath into the live page,
 *   which means nothing in a stored copy.
 * - Page notes (no selector) give their text and tags to a piece created by the import; a piece
 *   already in the collection keeps its own note.
 * - Replies are left out.
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

const KEPT_SELECTORS = new Set(['TextQuoteSelector', 'TextPositionSelector']);

function annotationsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (isObject(doc)) {
    if (Array.isArray(doc.annotations)) return doc.annotations;
    if (Array.isArray(doc.rows)) return doc.rows;
  }
  throw new ImportFormatError(
    'not a Hypothesis export: expected {"annotations": [...]} (or an API search result)',
  );
}

const string = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

const isWeb = (url: string | undefined): url is string =>
  url !== undefined && /^https?:\/\//i.test(url);

/** The web address of the annotated document (PDFs are annotated under a `urn:x-pdf:` URI). */
function addressOf(annotation: JsonObject, target: JsonObject | undefined): string | undefined {
  const uri = string(annotation.uri);
  if (isWeb(uri)) return uri;
  const source = string(target?.source);
  if (isWeb(source)) return source;
  const document = isObject(annotation.document) ? annotation.document : {};
  const links = Array.isArray(document.link) ? document.link : [];
  for (const link of links) {
    const href = isObject(link) ? string(link.href) : undefined;
    if (isWeb(href)) return href;
  }
  return uri ?? source;
}

function titleOf(annotation: JsonObject): string | undefined {
  const document = isObject(annotation.document) ? annotation.document : undefined;
  const title = document?.title;
  if (typeof title === 'string') return title;
  if (Array.isArray(title)) return title.find((t): t is string => typeof t === 'string');
  return undefined;
}

/**
 * Imports a Hypothesis export (`input`: the JSON text or the parsed value) against the
 * collection in `context` (a backup will do). The result's `backup` validates and merges like a
 * backup file.
 */
export function importHypothesis(
  input: unknown,
  context: ImportContext,
  options: ImportOptions = {},
): ImportResult {
  const annotations = annotationsOf(readJson(input));
  const builder = new PartialBackupBuilder(context, options);
  annotations.forEach((annotation, index) => {
    builder.found();
    if (!isObject(annotation)) return builder.skip(index, 'not an annotation');
    const sourceId = string(annotation.id);
    if (Array.isArray(annotation.references) && annotation.references.length > 0) {
      return builder.skip(index, 'a reply to another annotation', sourceId);
    }
    const targets = Array.isArray(annotation.target) ? annotation.target.filter(isObject) : [];
    const target = targets[0];
    const source = addressOf(annotation, target);
    if (!source) return builder.skip(index, 'no address of the annotated page', sourceId);
    const selectors = (Array.isArray(target?.selector) ? target.selector : [])
      .filter(isObject)
      .filter((selector) => KEPT_SELECTORS.has(String(selector.type)));
    const entry = {
      index,
      sourceId,
      scope: 'hypothesis' as const,
      source,
      title: titleOf(annotation),
      selectors,
      note: string(annotation.text) ?? '',
      tags: Array.isArray(annotation.tags)
        ? annotation.tags.filter((t): t is string => typeof t === 'string')
        : [],
      created: string(annotation.created),
      modified: string(annotation.updated),
    };
    if (selectors.length === 0) builder.addPageNote(entry);
    else builder.add(entry);
  });
  return builder.result();
}
