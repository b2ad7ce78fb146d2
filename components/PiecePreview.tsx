/** The extracted piece as the popup previews it. All text is rendered as text, never as HTML. */
import type { PagePreview } from '../lib/extract/types';

export interface PiecePreviewProps {
  page: PagePreview;
  /** Known once the stored copy is ready; null until then. */
  wordCount: number | null;
}

const KIND_LABEL: Record<PagePreview['pageKind'], string> = {
  article: 'Article',
  listing: 'Listing page',
  bookmark: 'Bookmark',
};

// One formatter per language: `toLocaleDateString` builds a new one on every call, which costs
// milliseconds a keystroke when a list of pieces re-renders.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(iso: string | null, lang?: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  let format = dateFormats.get(lang ?? '');
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' });
    dateFormats.set(lang ?? '', format);
  }
  return format.format(date);
}

export function PiecePreview({ page, wordCount }: PiecePreviewProps) {
  const published = formatDate(page.publishedTime);
  const facts = [
    KIND_LABEL[page.pageKind],
    page.siteName,
    published,
    wordCount ? `${wordCount.toLocaleString()} words` : null,
  ].filter((fact): fact is string => Boolean(fact));
  return (
    <section class="preview" aria-label="Preview">
      <h1 class="preview-title" lang={page.lang ?? undefined}>
        {page.title || page.url}
      </h1>
      <p class="preview-facts">{facts.join(' · ')}</p>
      {page.excerpt && (
        <p class="preview-excerpt" lang={page.lang ?? undefined}>
          {page.excerpt}
        </p>
      )}
      <p class="preview-url" title={page.url}>
        {page.url}
      </p>
    </section>
  );
}
