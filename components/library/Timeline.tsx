/**
 * Pieces by published date, one lane per chosen author or theme (a lane with more pieces than
 * fit shows the pieces of neighbouring days as one point); pieces without a date listed apart.
 * Props only.
 */
import { useState } from 'preact/hooks';
import { formatDate } from '../PiecePreview';
import type { Timeline as Line, TimelinePoint } from '../../lib/library/debate';
import type { PieceRow, TagRow } from '../../lib/model/records';

export interface TimelineProps {
  timeline: Line;
  hrefOf: (piece: PieceRow) => string;
  onOpen: (piece: PieceRow) => void;
  /** A point of several pieces: the library listing them. */
  hrefOfPoint: (tag: TagRow, point: TimelinePoint) => string;
  onOpenPoint: (tag: TagRow, point: TimelinePoint) => void;
  onRemoveLane: (tagId: string) => void;
}

/** Undated pieces listed before "Show all". */
const UNDATED_SHOWN = 20;

type PieceLinkProps = Pick<TimelineProps, 'hrefOf' | 'onOpen'> & { piece: PieceRow; dot?: boolean };

function PieceLink({ piece, hrefOf, onOpen, dot = false }: PieceLinkProps) {
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

function days(point: TimelinePoint): string {
  const first = formatDate(point.firstDay);
  return point.firstDay === point.lastDay ? `${first}` : `${first} – ${formatDate(point.lastDay)}`;
}

function Point({
  tag,
  point,
  ...props
}: Omit<TimelineProps, 'timeline' | 'onRemoveLane'> & { tag: TagRow; point: TimelinePoint }) {
  if (point.pieces.length === 1) return <PieceLink piece={point.pieces[0]!} {...props} dot />;
  const name = `${point.pieces.length} pieces, ${days(point)}`;
  return (
    <a
      class="timeline-dot timeline-group"
      href={props.hrefOfPoint(tag, point)}
      title={name}
      onClick={(event) => {
        event.preventDefault();
        props.onOpenPoint(tag, point);
      }}
    >
      <span class="visually-hidden">{name}</span>
    </a>
  );
}

export function Timeline({ timeline, onRemoveLane, ...links }: TimelineProps) {
  const { lanes, span, undated } = timeline;
  const [allUndated, setAllUndated] = useState(false);
  const shownUndated = allUndated ? undated : undated.slice(0, UNDATED_SHOWN);
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
            {lane.points.map((point) => (
              <li key={point.pieces[0]!.id} style={{ left: `${point.at * 100}%` }}>
                <Point tag={lane.tag} point={point} {...links} />
              </li>
            ))}
          </ol>
        </div>
      ))}
      {undated.length > 0 && (
        <section aria-label="Without a date">
          <h3>Without a date ({undated.length})</h3>
          <ul>
            {shownUndated.map((piece) => (
              <li key={piece.id}>
                <PieceLink piece={piece} hrefOf={links.hrefOf} onOpen={links.onOpen} />
              </li>
            ))}
          </ul>
          {shownUndated.length < undated.length && (
            <button type="button" class="link-button" onClick={() => setAllUndated(true)}>
              Show all {undated.length}
            </button>
          )}
        </section>
      )}
    </section>
  );
}
