/** What can be done to the pieces chosen in the list: add a tag to all, take one off. Props only. */
import { useState } from 'preact/hooks';
import type { TagKind } from '../../lib/model/records';

export interface BulkBarProps {
  chosen: number;
  shown: number;
  /** The tags carried by at least one chosen piece. */
  tagsOnChosen: { id: string; name: string; kind: TagKind }[];
  /** Names offered when typing a tag to add, per kind. */
  suggestions: Record<TagKind, string[]>;
  /** What the last action did. */
  status: string | null;
  onAdd: (kind: TagKind, name: string) => void;
  onRemove: (tagId: string) => void;
  onChooseAll: () => void;
  onClear: () => void;
}

export function BulkBar(props: BulkBarProps) {
  const { chosen, shown, tagsOnChosen, suggestions, status } = props;
  const [kind, setKind] = useState<TagKind>('theme');
  const [name, setName] = useState('');
  const [removing, setRemoving] = useState('');
  const removable = tagsOnChosen.find((t) => t.id === removing) ?? tagsOnChosen[0];
  return (
    <section class="bulk-bar" aria-label="Chosen pieces">
      <p class="bulk-count">
        {chosen} of {shown} chosen{' '}
        {chosen < shown && (
          <button type="button" class="link-button" onClick={props.onChooseAll}>
            Choose all {shown}
          </button>
        )}{' '}
        <button type="button" class="link-button" onClick={props.onClear}>
          Clear
        </button>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onAdd(kind, name);
          setName('');
        }}
      >
        <select
          aria-label="Kind of tag"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as TagKind)}
        >
          <option value="theme">Theme</option>
          <option value="author">Author</option>
        </select>{' '}
        <input
          aria-label="Tag to add"
          list={`bulk-${kind}s`}
          value={name}
          required
          onInput={(e) => setName(e.currentTarget.value)}
        />{' '}
        <button type="submit">Add to chosen</button>
        <datalist id={`bulk-${kind}s`}>
          {suggestions[kind].map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </form>
      {removable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            props.onRemove(removable.id);
          }}
        >
          <select
            aria-label="Tag to take off"
            value={removable.id}
            onChange={(e) => setRemoving(e.currentTarget.value)}
          >
            {tagsOnChosen.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.kind})
              </option>
            ))}
          </select>{' '}
          <button type="submit">Take off chosen</button>
        </form>
      )}
      {status && (
        <p class="muted" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
