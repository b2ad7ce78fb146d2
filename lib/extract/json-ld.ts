/**
 * What the extraction needs from a page's JSON-LD: the main piece's authors, dates, keywords and
 * headline, and the publisher/site name. Tolerant of the usual shapes (a single object, an array,
 * `@graph`, nested `mainEntity`, authors given by `@id` reference) and of broken scripts.
 */

import { plainText } from './plain-text';

type JsonObject = Record<string, unknown>;

export interface JsonLdInfo {
  /** Person/organisation names from `author`/`creator` objects (one name each). */
  authorNames: string[];
  /** Plain-string `author`/`creator` values (may hold several names, "A and B"). */
  authorStrings: string[];
  datePublished: string[];
  dateModified: string[];
  keywords: string[];
  /** `articleSection` values: the site's own categories of the piece. */
  sections: string[];
  headline: string | null;
  description: string | null;
  publisherName: string | null;
  inLanguage: string | null;
}

const ARTICLE_TYPES = new Set([
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'discussionforumposting',
  'report',
  'review',
  'creativework',
  'chapter',
  'book',
  'thesis',
  'legislation',
  'speech',
  'recipe',
]);

const MAX_NODES = 2000;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function types(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').toLowerCase());
}

function isArticleNode(node: JsonObject): boolean {
  return types(node).some((t) => t.endsWith('article') || ARTICLE_TYPES.has(t));
}

function isPageNode(node: JsonObject): boolean {
  return types(node).some((t) => t.endsWith('page'));
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return plainText(value, true).trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = text(item);
      if (found) return found;
    }
  }
  if (isObject(value)) return text(value['@value'] ?? value['name']);
  return null;
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(text).filter((item): item is string => item !== null);
}

/** Parses script texts, forgiving HTML comment wrappers and CDATA markers. */
function parseScripts(scripts: readonly string[]): unknown[] {
  const out: unknown[] = [];
  for (const script of scripts) {
    const cleaned = script
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
      .trim();
    if (!cleaned) continue;
    try {
      out.push(JSON.parse(cleaned));
    } catch {
      // A broken script is ignored, as browsers do.
    }
  }
  return out;
}

/** All typed objects, depth-first in document order, with an `@id` index. */
function collect(roots: unknown[]): { nodes: JsonObject[]; byId: Map<string, JsonObject> } {
  const nodes: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 12 || nodes.length >= MAX_NODES || seen.has(value)) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    seen.add(value);
    if (value['@type'] !== undefined) nodes.push(value);
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length > 1 && !byId.has(id))
      byId.set(id, value);
    for (const [key, child] of Object.entries(value)) {
      if (key !== '@context' && typeof child === 'object') visit(child, depth + 1);
    }
  };
  visit(roots, 0);
  return { nodes, byId };
}

function personName(value: JsonObject, byId: Map<string, JsonObject>): string | null {
  let node = value;
  const id = node['@id'];
  if (typeof id === 'string' && node['name'] === undefined) node = byId.get(id) ?? node;
  const name = text(node['name']);
  if (name) return name;
  const given = text(node['givenName']);
  const family = text(node['familyName']);
  return given || family ? [given, family].filter(Boolean).join(' ') : null;
}

/**
 * Reads the JSON-LD scripts of a page. The main piece is the first Article-like object
 * (Article, NewsArticle, BlogPosting, Report …, also inside `@graph` or `mainEntity`); a WebPage
 * object is the fallback for each field.
 */
export function readJsonLd(scripts: readonly string[]): JsonLdInfo {
  const { nodes, byId } = collect(parseScripts(scripts));
  const main = [...nodes.filter(isArticleNode), ...nodes.filter(isPageNode)];
  const info: JsonLdInfo = {
    authorNames: [],
    authorStrings: [],
    datePublished: [],
    dateModified: [],
    keywords: [],
    sections: [],
    headline: null,
    description: null,
    publisherName: null,
    inLanguage: null,
  };

  for (const node of main) {
    if (info.authorNames.length > 0 || info.authorStrings.length > 0) break;
    for (const key of ['author', 'creator']) {
      const value = node[key];
      for (const entry of Array.isArray(value) ? value : [value]) {
        if (typeof entry === 'string') {
          const name = text(entry);
          if (name) info.authorStrings.push(name);
        } else if (isObject(entry)) {
          const name = personName(entry, byId);
          if (name) info.authorNames.push(name);
        }
      }
      if (info.authorNames.length > 0 || info.authorStrings.length > 0) break;
    }
  }

  for (const node of main) {
    info.datePublished.push(...strings(node['datePublished']), ...strings(node['dateCreated']));
    info.dateModified.push(...strings(node['dateModified']));
    info.headline ??= text(node['headline']) ?? text(node['name']);
    info.description ??= text(node['description']);
    info.inLanguage ??= text(node['inLanguage']);
    if (info.sections.length === 0)
      info.sections.push(...strings(node['articleSection']), ...strings(node['recipeCategory']));
    if (info.keywords.length === 0) {
      for (const entry of strings(node['keywords'])) info.keywords.push(...entry.split(/[,;]/));
    }
    if (!info.publisherName && isObject(node['publisher'])) {
      info.publisherName = personName(node['publisher'], byId);
    }
  }
  info.keywords = info.keywords.map((k) => k.trim()).filter(Boolean);

  if (!info.publisherName) {
    const site = nodes.find((node) => types(node).includes('website'));
    info.publisherName = site ? text(site['name']) : null;
  }
  return info;
}
