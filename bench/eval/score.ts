/**
 * Scoring of one extraction against a corpus page's human labels, and the sums over many pages.
 * Titles compare exactly after NFC and whitespace collapsing; names and themes compare case- and
 * accent-folded; a published date counts when it falls on the labelled day in the page's own offset.
 */
import { collapseWhitespace, foldKey } from '../../lib/extract/text';

/** The labels of a corpus page (`expected.json`), as far as the evaluation reads them. */
export interface PageLabels {
  url: string;
  title?: string | null;
  byline?: string | null;
  authors?: string[] | null;
  publishedDate?: string | null;
  tags?: string[] | null;
  categories?: string[] | null;
  contentMustInclude?: string[] | null;
  contentMustExclude?: string[] | null;
}

/** What is scored of one extraction (the first item's fields for a listing). */
export interface Scored {
  title: string | null;
  authors: string[];
  /** ISO 8601 with offset, as `extractPage` gives it. */
  publishedTime: string | null;
  themes: string[];
  text: string;
}

export interface SetCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PageScore {
  /** null when the page labels no title (likewise for the other fields). */
  title: boolean | null;
  authors: SetCounts | null;
  date: boolean | null;
  themes: SetCounts | null;
  mustInclude: { found: number; total: number };
  mustExclude: { absent: number; total: number };
}

export function normaliseTitle(text: string): string {
  return collapseWhitespace(text.normalize('NFC'));
}

/** Counts of a predicted list against a labelled one, compared as folded keys. */
export function setCounts(predicted: readonly string[], labelled: readonly string[]): SetCounts {
  const want = new Set(labelled.map(foldKey).filter(Boolean));
  const got = new Set(predicted.map(foldKey).filter(Boolean));
  let tp = 0;
  for (const key of got) if (want.has(key)) tp++;
  return { tp, fp: got.size - tp, fn: want.size - tp };
}

/** `2019-10-16T23:30:00-05:00` is on 2019-10-16: the day as written in its own offset. */
export function sameDay(publishedTime: string | null, labelledDay: string): boolean {
  return publishedTime !== null && publishedTime.slice(0, 10) === labelledDay;
}

function nonEmpty(values: readonly string[] | null | undefined): string[] {
  return (values ?? []).filter((value) => typeof value === 'string' && value.trim() !== '');
}

/** The labelled themes of a page: its tags and categories together. */
export function labelledThemes(labels: PageLabels): string[] {
  return [...nonEmpty(labels.tags), ...nonEmpty(labels.categories)];
}

export function scorePage(scored: Scored, labels: PageLabels): PageScore {
  const text = collapseWhitespace(scored.text.normalize('NFC'));
  const contains = (snippet: string) => text.includes(collapseWhitespace(snippet.normalize('NFC')));
  const include = nonEmpty(labels.contentMustInclude);
  const exclude = nonEmpty(labels.contentMustExclude);
  const authors = nonEmpty(labels.authors);
  const themes = labelledThemes(labels);
  return {
    title: labels.title
      ? scored.title !== null && normaliseTitle(scored.title) === normaliseTitle(labels.title)
      : null,
    authors: authors.length > 0 ? setCounts(scored.authors, authors) : null,
    date: labels.publishedDate ? sameDay(scored.publishedTime, labels.publishedDate) : null,
    themes: themes.length > 0 ? setCounts(scored.themes, themes) : null,
    mustInclude: { found: include.filter(contains).length, total: include.length },
    mustExclude: { absent: exclude.filter((s) => !contains(s)).length, total: exclude.length },
  };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** Micro-averaged precision, recall and F1 over the pages that have the field. */
export function microPrf(counts: ReadonlyArray<SetCounts | null>): Prf {
  const present = counts.filter((c): c is SetCounts => c !== null);
  const sum = present.reduce(
    (acc, c) => ({ tp: acc.tp + c.tp, fp: acc.fp + c.fp, fn: acc.fn + c.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const precision = sum.tp + sum.fp === 0 ? 0 : sum.tp / (sum.tp + sum.fp);
  const recall = sum.tp + sum.fn === 0 ? 0 : sum.tp / (sum.tp + sum.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pages: present.length };
}

export interface Rate {
  rate: number;
  pages: number;
}

/** Share of `true` among the pages that have the field. */
export function rate(values: ReadonlyArray<boolean | null>): Rate {
  const present = values.filter((v): v is boolean => v !== null);
  return {
    rate: present.length ? present.filter(Boolean).length / present.length : 0,
    pages: present.length,
  };
}

export interface FieldSummary {
  pages: number;
  title: Rate;
  authors: Prf;
  date: Rate;
  themes: Prf;
  mustInclude: number;
  mustExclude: number;
}

export function summarise(scores: readonly PageScore[]): FieldSummary {
  const sum = (f: (s: PageScore) => number) => scores.reduce((acc, s) => acc + f(s), 0);
  const includeTotal = sum((s) => s.mustInclude.total);
  const excludeTotal = sum((s) => s.mustExclude.total);
  return {
    pages: scores.length,
    title: rate(scores.map((s) => s.title)),
    authors: microPrf(scores.map((s) => s.authors)),
    date: rate(scores.map((s) => s.date)),
    themes: microPrf(scores.map((s) => s.themes)),
    mustInclude: includeTotal ? sum((s) => s.mustInclude.found) / includeTotal : 0,
    mustExclude: excludeTotal ? sum((s) => s.mustExclude.absent) / excludeTotal : 0,
  };
}
