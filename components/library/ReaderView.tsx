/**
 * Reading a piece's stored copy. `html` must come from `displayHtml` (sanitised right before
 * display); it is the only HTML the library ever inserts.
 */
import type { Ref } from 'preact';
import type { PieceRow } from '../../lib/model/records';
import { formatDate } from '../PiecePreview';

export interface ReaderViewProps {
  piece: PieceRow;
  authors: string[];
  themes: string[];
  html: string;
  blockedImages: number;
  /** Quotes of passages that could not be found in the copy. */
  missedPassages: string[];
  contentRef?: Ref<HTMLDivElement>;
  onAllowImages: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onClose: () => void;
}

export function ReaderView(props: ReaderViewProps) {
  const { piece, authors, themes, html, blockedImages, missedPassages } = props;
  const facts = [
    authors.join(', '),
    piece.siteName,
    formatDate(piece.publishedTime),
    `clipped ${formatDate(piece.capturedAt)}`,
    piece.wordCount ? `${piece.wordCount.toLocaleString()} words` : null,
  ].filter(Boolean);
  return (
    <article class="reader" aria-labelledby="reader-title" lang={piece.lang ?? undefined}>
      <header class="reader-header">
        <div class="reader-actions">
          <button type="button" onClick={props.onClose}>
            Back to list
          </button>
          <a class="button" href={piece.url} target="_blank" rel="noopener noreferrer">
            Open original
          </a>
          <button type="button" onClick={props.onEdit}>
            Edit
          </button>
          <button type="button" class="danger" onClick={props.onDelete}>
            Delete
          </button>
        </div>
        <h1 id="reader-title">{piece.title}</h1>
        <p class="reader-facts">{facts.join(' · ')}</p>
        {themes.length > 0 && <p class="reader-facts">Themes: {themes.join(', ')}</p>}
        {piece.note && (
          <section class="reader-note" aria-label="Note">
            {piece.note}
          </section>
        )}
        {blockedImages > 0 && (
          <p class="notice">
            {blockedImages === 1 ? '1 image was' : `${blockedImages} images were`} not loaded, so
            the site cannot see you read this copy.{' '}
            <button type="button" class="link-button" onClick={props.onAllowImages}>
              Load images for this piece
            </button>
          </p>
        )}
        {missedPassages.length > 0 && (
          <section class="notice" aria-label="Passages not found in this copy">
            <p>These passages could not be found in the stored copy:</p>
            <ul>
              {missedPassages.map((quote, i) => (
                <li key={i}>“{quote}”</li>
              ))}
            </ul>
          </section>
        )}
      </header>
      <div
        class="reader-body"
        ref={props.contentRef}
        // Sanitised by displayHtml right before display.
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </article>
  );
}
