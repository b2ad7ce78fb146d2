/** Note, authors and themes of a passage; used by the editor frame and the popup. Props only. */
import { useState } from 'preact/hooks';
import type { TagEdits } from '../lib/model/edits';
import { TagInput } from './TagInput';

export interface PassageFormProps {
  initial: TagEdits;
  known: { authors: string[]; themes: string[] };
  submitLabel: string;
  busy?: boolean;
  onSubmit: (edits: TagEdits) => void;
  onCancel: () => void;
}

export function PassageForm({
  initial,
  known,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: PassageFormProps) {
  const [edits, setEdits] = useState(initial);
  return (
    <form
      class="passage-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(edits);
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <label class="field-label" for="passage-note">
        Note
      </label>
      <textarea
        id="passage-note"
        rows={3}
        value={edits.note}
        onInput={(e) => setEdits({ ...edits, note: e.currentTarget.value })}
      />
      <TagInput
        label="Authors"
        values={edits.authors}
        suggestions={known.authors}
        onChange={(authors) => setEdits({ ...edits, authors })}
        placeholder="Who said it"
      />
      <TagInput
        label="Themes"
        values={edits.themes}
        suggestions={known.themes}
        onChange={(themes) => setEdits({ ...edits, themes })}
        placeholder="Add a theme"
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
