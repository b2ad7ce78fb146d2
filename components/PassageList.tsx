/** The passages of the page in the popup: found ones with edit and delete, then the orphans. */
import { useState } from 'preact/hooks';
import type { TagEdits } from '../lib/model/edits';
import type { ShownPassage } from '../lib/protocol';
import { PassageForm } from './PassageForm';

export interface PassageListProps {
  found: ShownPassage[];
  orphans: ShownPassage[];
  known: { authors: string[]; themes: string[] };
  onUpdate: (id: string, edits: TagEdits) => void;
  onDelete: (id: string) => void;
}

function PassageItem({
  passage,
  known,
  onUpdate,
  onDelete,
}: { passage: ShownPassage } & Omit<PassageListProps, 'found' | 'orphans'>) {
  const [editing, setEditing] = useState(false);
  const tags = [...passage.authors, ...passage.themes].join(', ');
  return (
    <li class="passage" style={{ borderLeftColor: passage.color }}>
      <blockquote>{passage.quote}</blockquote>
      {passage.note && <p class="passage-note">{passage.note}</p>}
      {tags && <p class="passage-tags">{tags}</p>}
      {editing ? (
        <PassageForm
          initial={{ note: passage.note, authors: passage.authors, themes: passage.themes }}
          known={known}
          submitLabel="Save passage"
          onSubmit={(edits) => {
            setEditing(false);
            onUpdate(passage.id, edits);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div class="passage-actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit passage
          </button>
          <button type="button" class="danger" onClick={() => onDelete(passage.id)}>
            Delete passage
          </button>
        </div>
      )}
    </li>
  );
}

export function PassageList({ found, orphans, ...actions }: PassageListProps) {
  if (found.length + orphans.length === 0) return null;
  return (
    <>
      <section aria-label="Passages" class="passages">
        <h2 class="section-title">Passages ({found.length})</h2>
        <ul>
          {found.map((passage) => (
            <PassageItem key={passage.id} passage={passage} {...actions} />
          ))}
        </ul>
      </section>
      {orphans.length > 0 && (
        <section aria-label="Orphans" class="passages orphans">
          <h2 class="section-title">Orphans ({orphans.length})</h2>
          <p class="muted">Not found on the page as it is now (the site may have changed it):</p>
          <ul>
            {orphans.map((passage) => (
              <PassageItem key={passage.id} passage={passage} {...actions} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
