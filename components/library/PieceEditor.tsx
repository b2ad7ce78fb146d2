/** Editing a piece's metadata, note and tags. Props only; the caller saves. */
import { useState } from 'preact/hooks';
import type { PieceMetadataEdits } from '../../lib/model/edits';
import { TagInput } from '../TagInput';

export interface PieceEditorProps {
  initial: PieceMetadataEdits;
  knownAuthors: string[];
  knownThemes: string[];
  onSave: (edits: PieceMetadataEdits) => void;
  onCancel: () => void;
}

/** `YYYY-MM-DD` of an ISO date, for a date input. */
function dayOf(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

export function PieceEditor({
  initial,
  knownAuthors,
  knownThemes,
  onSave,
  onCancel,
}: PieceEditorProps) {
  const [edits, setEdits] = useState(initial);
  const change = (fields: Partial<PieceMetadataEdits>) => setEdits({ ...edits, ...fields });
  return (
    <form
      class="piece-editor"
      aria-label="Edit piece"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(edits);
      }}
    >
      <label class="field-label" for="edit-title">
        Title
      </label>
      <input
        id="edit-title"
        type="text"
        value={edits.title}
        onInput={(e) => change({ title: e.currentTarget.value })}
      />
      <TagInput
        label="Authors"
        values={edits.authors}
        suggestions={knownAuthors}
        onChange={(authors) => change({ authors })}
      />
      <TagInput
        label="Themes"
        values={edits.themes}
        suggestions={knownThemes}
        onChange={(themes) => change({ themes })}
      />
      <label class="field-label" for="edit-published">
        Published
      </label>
      <input
        id="edit-published"
        type="date"
        value={dayOf(edits.publishedTime)}
        onInput={(e) => {
          const day = e.currentTarget.value;
          // Keep the original time of day when only the date is unchanged.
          change({
            publishedTime: day
              ? day === dayOf(initial.publishedTime)
                ? initial.publishedTime
                : `${day}T00:00:00.000Z`
              : null,
          });
        }}
      />
      <label class="field-label" for="edit-note">
        Note
      </label>
      <textarea
        id="edit-note"
        rows={5}
        value={edits.note}
        onInput={(e) => change({ note: e.currentTarget.value })}
      />
      <div class="actions">
        <button type="submit" class="primary">
          Save changes
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
