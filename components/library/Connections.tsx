/** The saved pieces a piece links to and those that link to it. Props only. */
import type { PieceRow } from '../../lib/model/records';

export interface ConnectionsProps {
  linksTo: readonly PieceRow[];
  linkedFrom: readonly PieceRow[];
  hrefOf: (piece: PieceRow) => string;
  onOpen: (piece: PieceRow) => void;
}

function PieceList({
  title,
  pieces,
  hrefOf,
  onOpen,
}: Omit<ConnectionsProps, 'linksTo' | 'linkedFrom'> & {
  title: string;
  pieces: readonly PieceRow[];
}) {
  if (pieces.length === 0) return null;
  return (
    <section class="connections" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {pieces.map((piece) => (
          <li key={piece.id}>
            <a
              href={hrefOf(piece)}
              onClick={(event) => {
                event.preventDefault();
                onOpen(piece);
              }}
            >
              {piece.title}
            </a>
            {piece.siteName && <span class="muted"> · {piece.siteName}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Connections({ linksTo, linkedFrom, hrefOf, onOpen }: ConnectionsProps) {
  return (
    <>
      <PieceList title="Links to" pieces={linksTo} hrefOf={hrefOf} onOpen={onOpen} />
      <PieceList title="Linked from" pieces={linkedFrom} hrefOf={hrefOf} onOpen={onOpen} />
    </>
  );
}
