/** One row of the library list: a piece, or a passage with its piece. Text only. */
import type { PassageRow, PieceRow } from '../../lib/model/records';
import { formatDate } from '../PiecePreview';
import { Highlighted } from './Highlighted';

/** Matched words in context (lib/search's Snippet): text with [start, end) offsets to mark. */
export interface Snippet {
  text: string;
  highlights: [number, number][];
}

export interface PieceCardProps {
  piece: PieceRow;
  authors: string[];
  themes: { name: string; color: string | null }[];
  snippet?: Snippet | null;
}

/** Characters of a note or excerpt given to a card, which shows two lines of it: laying out a
 * long note only to clip it costs every render of the list. */
const CARD_TEXT = 400;

const cardText = (text: string) =>
  text.length > CARD_TEXT ? `${text.slice(0, CARD_TEXT)}…` : text;

export function PieceCard({ piece, authors, themes, snippet }: PieceCardProps) {
  const facts = [
    authors.join(', '),
    piece.siteName,
    formatDate(piece.publishedTime) ?? `clipped ${formatDate(piece.capturedAt)}`,
  ].filter(Boolean);
  return (
    <article class="card" lang={piece.lang ?? undefined}>
      <h3 class="card-title">{piece.title}</h3>
      <p class="card-facts">{facts.join(' · ')}</p>
      <p class="card-text">
        {snippet ? (
          <Highlighted text={snippet.text} ranges={snippet.highlights} />
        ) : (
          cardText(piece.note || piece.excerpt)
        )}
      </p>
      {themes.length > 0 && (
        <ul class="card-tags" aria-label="Themes">
          {themes.map((theme) => (
            <li key={theme.name} style={theme.color ? { borderColor: theme.color } : undefined}>
              {theme.name}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export interface PassageCardProps {
  passage: PassageRow;
  pieceTitle: string;
  authors: string[];
  themes: string[];
  snippet?: Snippet | null;
}

export function PassageCard({ passage, pieceTitle, authors, themes, snippet }: PassageCardProps) {
  return (
    <article class="card passage-card">
      <blockquote class="card-quote">
        {snippet ? <Highlighted text={snippet.text} ranges={snippet.highlights} /> : passage.quote}
      </blockquote>
      <p class="card-facts">
        {[authors.join(', '), pieceTitle, themes.join(', ')].filter(Boolean).join(' · ')}
      </p>
      {passage.note && <p class="card-text">{cardText(passage.note)}</p>}
    </article>
  );
}
