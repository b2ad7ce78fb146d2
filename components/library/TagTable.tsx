/** The authors or the themes of the collection with their counts, each editable. Props only. */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { TagTableRow } from '../../lib/library/tag-table';
import { TagEditor, type TagActions } from './TagEditor';

export interface TagTableProps {
  title: string;
  rows: TagTableRow[];
  actions: TagActions;
  /** Show the library filtered to this tag. */
  onShow: (row: TagTableRow) => void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function TagTable({ title, rows, actions, onShow }: TagTableProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const listId = `merge-${title.toLowerCase()}`;
  return (
    <section class="tag-table" aria-label={`All ${title.toLowerCase()}`}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Pieces</th>
              <th scope="col">Passages</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Fragment key={row.id}>
                <tr>
                  <th scope="row">
                    {row.color && <span class="swatch" style={{ background: row.color }} />}
                    {row.name}
                    {row.aliases.length > 0 && (
                      <span class="muted"> · also {row.aliases.join(', ')}</span>
                    )}
                  </th>
                  <td>
                    <button
                      type="button"
                      class="link-button"
                      aria-label={`${plural(row.pieces, 'piece')} of ${row.name}`}
                      onClick={() => onShow(row)}
                    >
                      {row.pieces}
                    </button>
                  </td>
                  <td>{row.passages}</td>
                  <td>
                    <button
                      type="button"
                      aria-expanded={editing === row.id}
                      aria-label={`Edit ${row.name}`}
                      onClick={() => setEditing(editing === row.id ? null : row.id)}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
                {editing === row.id && (
                  <tr class="tag-editor-row">
                    <td colSpan={4}>
                      <TagEditor key={row.id} row={row} mergeList={listId} actions={actions} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <datalist id={listId}>
        {editing !== null &&
          rows
            .filter((row) => row.id !== editing)
            .map((row) => <option key={row.id} value={row.name} />)}
      </datalist>
    </section>
  );
}
