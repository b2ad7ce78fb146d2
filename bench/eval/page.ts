/** One corpus page through `extractPage` and through the baselines, scored against its labels. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseSavedPage } from '../../lib/cli/saved-page';
import { extractPage } from '../../lib/extract/extract-page';
import type { PageExtraction } from '../../lib/extract/types';
import { guessLanguage } from './language';
import { scorePage, type PageLabels, type PageScore, type Scored } from './score';

export interface PageResult {
  slug: string;
  lang: string;
  ms: number;
  error: string | null;
  pageKind: string | null;
  labels: PageLabels;
  got: Scored;
  score: PageScore;
  /** Raw Readability (title, byline split naively, publishedTime) and the naive keywords split. */
  baseline: PageScore;
}

const EMPTY: Scored = { title: null, authors: [], publishedTime: null, themes: [], text: '' };

/** What is scored: the page, or for a listing its first item (the corpus labels that one). */
function scoredOf(page: PageExtraction): Scored {
  const first = page.pageKind === 'listing' ? page.items?.[0] : undefined;
  if (first) {
    return {
      title: first.title,
      authors: [],
      publishedTime: first.publishedTime,
      themes: first.categories,
      text: page.textContent,
    };
  }
  return {
    title: page.title,
    authors: page.authors,
    publishedTime: page.publishedTime,
    themes: page.keywords,
    text: page.textContent,
  };
}

/** A byline split as simply as the corpus README describes its own `authors` rule. */
function naiveNames(byline: string | null | undefined): string[] {
  return (byline ?? '')
    .split(/\s*(?:;|,|\s(?:and|und|et|y|e|&)\s)\s*/u)
    .map((name) => name.trim())
    .filter(Boolean);
}

function baselineOf(doc: Document): Scored {
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  const keywords = doc.querySelector('meta[name="keywords" i]')?.getAttribute('content') ?? '';
  return {
    title: parsed?.title ?? null,
    authors: naiveNames(parsed?.byline),
    publishedTime: parsed?.publishedTime ?? null,
    themes: keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    text: parsed?.textContent ?? '',
  };
}

/** A page of the corpus: its folder and its name. */
export interface CorpusEntry {
  dir: string;
  slug: string;
}

export async function evaluatePage({ dir, slug }: CorpusEntry): Promise<PageResult> {
  const labels = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as PageLabels;
  const bytes = readFileSync(path.join(dir, 'source.html'));
  const start = performance.now();
  let got = EMPTY;
  let pageKind: string | null = null;
  let error: string | null = null;
  let baseline = EMPTY;
  let declaredLang: string | null = null;
  const saved = parseSavedPage(bytes, labels.url);
  let ms = 0;
  try {
    const page = await extractPage(saved.document, labels.url, { window: saved.window });
    got = scoredOf(page);
    pageKind = page.pageKind;
    declaredLang = page.lang;
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  } finally {
    ms = performance.now() - start;
  }
  try {
    baseline = baselineOf(saved.document);
  } finally {
    saved.close();
  }
  const labelledText = [labels.title ?? '', ...(labels.contentMustInclude ?? [])].join(' ');
  return {
    slug,
    lang: guessLanguage(labelledText, declaredLang),
    ms,
    error,
    pageKind,
    labels,
    got,
    score: scorePage(got, labels),
    baseline: scorePage(baseline, labels),
  };
}
