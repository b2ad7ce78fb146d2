/** What can be done to one tag: rename, merge, spellings, cited name or colour, delete. Props only. */
import { useState } from 'preact/hooks';
import type { PersonName } from '../../lib/model/records';
import type { TagTableRow } from '../../lib/library/tag-table';

export interface TagActions {
  rename: (id: string, name: string) => void;
  /** Merge `id` into the tag of its kind named (or aliased) `into`. */
  merge: (id: string, into: string) => void;
  remove: (id: string) => void;
  addAlias: (id: string, alias: string) => void;
  removeAlias: (id: string, alias: string) => void;
  setColor: (id: string, color: string) => void;
  setPersonName: (id: string, name: PersonName) => void;
}

export interface TagEditorProps {
  row: TagTableRow;
  /** Id of the datalist of the other tags of the row's kind (merge suggestions). */
  mergeList: string;
  actions: TagActions;
}

const submit = (work: () => void) => (event: Event) => {
  event.preventDefault();
  work();
};

export function TagEditor({ row, mergeList, actions }: TagEditorProps) {
  const [name, setName] = useState(row.name);
  const [into, setInto] = useState('');
  const [alias, setAlias] = useState('');
  const cited = row.personName;
  const [family, setFamily] = useState(cited && 'family' in cited ? cited.family : '');
  const [given, setGiven] = useState(cited && 'given' in cited ? cited.given : '');
  const literal = cited && 'literal' in cited ? cited.literal : '';
  const kind = row.kind === 'author' ? 'author' : 'theme';
  return (
    <div class="tag-editor" role="group" aria-label={`Edit ${row.name}`}>
      <form onSubmit={submit(() => actions.rename(row.id, name))}>
        <label>
          Name <input value={name} onInput={(e) => setName(e.currentTarget.value)} required />
        </label>
        <button type="submit">Rename</button>
      </form>
      <form
        onSubmit={submit(() => {
          actions.merge(row.id, into);
          setInto('');
        })}
      >
        <label>
          Merge into{' '}
          <input
            list={mergeList}
            value={into}
            placeholder={`another ${kind}`}
            onInput={(e) => setInto(e.currentTarget.value)}
            required
          />
        </label>
        <button type="submit">Merge</button>
      </form>
      <div class="tag-aliases">
        <span>Other spellings (they file clips here):</span>
        {row.aliases.length === 0 ? (
          <span class="muted"> none</span>
        ) : (
          <ul>
            {row.aliases.map((a) => (
              <li key={a}>
                {a}{' '}
                <button
                  type="button"
                  aria-label={`Remove spelling ${a}`}
                  onClick={() => actions.removeAlias(row.id, a)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          onSubmit={submit(() => {
            actions.addAlias(row.id, alias);
            setAlias('');
          })}
        >
          <label>
            Add a spelling{' '}
            <input value={alias} onInput={(e) => setAlias(e.currentTarget.value)} required />
          </label>
          <button type="submit">Add spelling</button>
        </form>
      </div>
      {row.kind === 'author' && (
        <form
          onSubmit={submit(() =>
            actions.setPersonName(row.id, family.trim() ? { family, given } : { literal: given }),
          )}
        >
          <fieldset>
            <legend>Cited as{literal && ` (now one name: ${literal})`}</legend>
            <label>
              Family name <input value={family} onInput={(e) => setFamily(e.currentTarget.value)} />
            </label>{' '}
            <label>
              Given names <input value={given} onInput={(e) => setGiven(e.currentTarget.value)} />
            </label>{' '}
            <button type="submit">Save cited name</button>
          </fieldset>
        </form>
      )}
      {row.color !== null && (
        <label>
          Highlight colour{' '}
          <input
            type="color"
            value={row.color}
            onChange={(e) => actions.setColor(row.id, e.currentTarget.value)}
          />
        </label>
      )}
      <p>
        <button type="button" class="danger" onClick={() => actions.remove(row.id)}>
          Delete {kind}
        </button>
      </p>
    </div>
  );
}
