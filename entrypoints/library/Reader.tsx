/**
 * The open piece: its stored copy with its passages painted, or the form editing it. Mount it
 * keyed by the piece, so another piece opens in the reader, never in a form left open.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Connections } from '../../components/library/Connections';
import { PieceEditor } from '../../components/library/PieceEditor';
import { ReaderView } from '../../components/library/ReaderView';
import type { DeletedPiece } from '../../lib/collection/pieces';
import type { PieceRow, TagRow } from '../../lib/model/records';
import { tagNamesOfKind } from '../../lib/library/facets';
import { tagNames } from '../../lib/library/list';
import { displayHtml } from '../../lib/reader/display-html';
import { allowImages, removePiece, savePieceEdits } from './actions';
import type { Attempt } from './attempt';
import { useImagesAllowed, usePieceConnections, usePiecePassages, useStoredCopy } from './queries';
import { usePassageHighlights } from './use-passage-highlights';

export interface ReaderProps {
  piece: PieceRow;
  tags: readonly TagRow[];
  tagsById: ReadonlyMap<string, TagRow>;
  attempt: Attempt;
  /** Back to the list (also on Escape, unless editing). */
  onClose: () => void;
  /** After the piece was deleted: what brings it back. */
  onDeleted: (deleted: DeletedPiece | null) => void;
  /** Opens another piece (one this links to or that links to it). */
  onOpen: (piece: PieceRow) => void;
  /** The library address of a piece open in the reader. */
  hrefOf: (piece: PieceRow) => string;
}

export function Reader(props: ReaderProps) {
  const { piece, tags, tagsById, attempt, onClose, onDeleted } = props;
  const [editing, setEditing] = useState(false);
  const content = useStoredCopy(piece.id);
  const imagesAllowed = useImagesAllowed(piece.id);
  const display = useMemo(
    () => displayHtml(content?.contentHtml ?? '', { allowImages: imagesAllowed }),
    [content, imagesAllowed],
  );
  const body = useRef<HTMLDivElement>(null);
  const passages = usePiecePassages(piece.id);
  const highlights = usePassageHighlights(body, display.html, passages, tagsById, editing);
  const connections = usePieceConnections(piece.id);

  useEffect(() => {
    if (editing) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [editing, onClose]);

  const authors = tagNames(piece.authorIds, tagsById);
  const themes = tagNames(piece.themeIds, tagsById);
  return (
    <>
      <style>{highlights.css}</style>
      {editing ? (
        <PieceEditor
          initial={{
            title: piece.title,
            authors,
            themes,
            note: piece.note,
            publishedTime: piece.publishedTime,
          }}
          knownAuthors={tagNamesOfKind(tags, 'author')}
          knownThemes={tagNamesOfKind(tags, 'theme')}
          onSave={(edits) =>
            attempt(async () => {
              await savePieceEdits(piece.id, edits);
              setEditing(false);
            })
          }
          onCancel={() => setEditing(false)}
        />
      ) : (
        <ReaderView
          piece={piece}
          authors={authors}
          themes={themes}
          html={display.html}
          blockedImages={display.blockedImages}
          missedPassages={highlights.missed}
          contentRef={body}
          onAllowImages={() => attempt(() => allowImages(piece.id))}
          onEdit={() => setEditing(true)}
          onDelete={() => attempt(async () => onDeleted(await removePiece(piece.id)))}
          onClose={onClose}
        />
      )}
      {connections && (
        <Connections
          linksTo={connections.linksTo}
          linkedFrom={connections.linkedFrom}
          hrefOf={props.hrefOf}
          onOpen={props.onOpen}
        />
      )}
    </>
  );
}
