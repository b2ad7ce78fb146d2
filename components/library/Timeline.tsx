/**
 * Pieces by published date, one lane per chosen author or theme; pieces without a date listed
 * apart. Props only.
 */
import { formatDate } from '../PiecePreview';
import { timelinePlace, type Timeline as Line } from '../../lib/library/debate';
import type { PieceRow } from '../../lib/model/records';

export interface TimelineProps {
  timeline: Line;
  hrefOf: (piece: PieceRow) => string;
  onOpen: (piece: PieceRow) => void;
  onRemoveLane: (tagId: string) => void;
}

function PieceLink({
  piece,
  hrefOf,
  onOpen,
  dot = false,
}: Pick<TimelineProps, 'hrefOf' | 'onOpen'> & { piece: PieceRow; dot?: boolean }) {
  const dated = `${piece.title} (${formatDate(piece.publishedTime) || 'no date'})`;
  return (
    <a
      class={dot ? 'timeline-dot' : undefined}
      href={hrefOf(piece)}
      title={dated}
      onClick={(event) => {
        event.preventDefault();
        onOpen(piece);
      }}
    >
      {dot ? <span class="visually-hidden">{dated}</span> : piece.title}
    </a>
  );
}

export function Timeline({ timeline, hrefOf, onOpen, onRemoveLane }: TimelineProps) {
  const { lanes, span, undated } = timeline;
  return (
    <section class="timeline" aria-label="Timeline">
      {span && (
        <p class="timeline-span muted">
          {formatDate(new Date(span.start).toISOString())} –{' '}
          {formatDate(new Date(span.end).toISOString())}
        </p>
      )}
      {lanes.map((lane) => (
        <div class="timeline-lane" key={lane.tag.id}>
          <div class="timeline-label">
            <span>{lane.tag.name}</span>
            <button
              type="button"
              class="link-button"
              aria-label={`Remove lane ${lane.tag.name}`}
              onClick={() => onRemoveLane(lane.tag.id)}
            >
              ×
            </button>
          </div>
          <ol class="timeline-track" aria-label={lane.tag.name}>
            {span &&
              lane.pieces.map((piece) => (
                <li key={piece.id} style={{ left: `${timelinePlace(piece, span) * 100}%` }}>
                  <PieceLink piece={piece} hrefOf={hrefOf} onOpen={onOpen} dot />
                </li>
              ))}
          </ol>
        </div>
      ))}
      {undated.length > 0 && (
        <section aria-label="Without a date">
          <h3>Without a date</h3>
          <ul>
            {undated.map((piece) => (
              <li key={piece.id}>
                <PieceLink piece={piece} hrefOf={hrefOf} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
