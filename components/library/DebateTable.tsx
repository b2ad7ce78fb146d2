/**
 * The debate table: authors in rows, themes in columns, in each cell the pieces and passages of
 * that author on that theme, each cell a link to exactly those in the library. Props only.
 */
import { useState } from 'preact/hooks';
import type { CellCount, DebateSort, DebateTable as Table } from '../../lib/library/debate';

export interface DebateTableProps {
  table: Table;
  sort: DebateSort;
  onSort: (sort: DebateSort) => void;
  /** The library address listing what a cell counts. */
  hrefOf: (authorId: string, themeId: string, count: CellCount) => string;
  onOpenCell: (authorId: string, themeId: string, count: CellCount) => void;
}

/** Rows and columns painted at first: the rest on demand, so the table opens at once. */
export const FIRST_ROWS = 20;
export const FIRST_COLUMNS = 8;

const shownCount = (count: CellCount) => `${count.pieces} · ${count.passages}`;

/** "3 · 5" on screen; "3 · 5 (pieces · passages)" to a screen reader. */
function countText(count: CellCount) {
  return (
    <>
      {shownCount(count)}
      <span class="visually-hidden"> (pieces · passages)</span>
    </>
  );
}

export function DebateTable({ table, sort, onSort, hrefOf, onOpenCell }: DebateTableProps) {
  const [allRows, setAllRows] = useState(false);
  const [allColumns, setAllColumns] = useState(false);
  const rows = allRows ? table.rows : table.rows.slice(0, FIRST_ROWS);
  const columns = allColumns ? table.columns : table.columns.slice(0, FIRST_COLUMNS);
  if (table.rows.length === 0) {
    return <p class="muted">No piece is filed under both an author and a theme here.</p>;
  }
  return (
    <section class="debate-table">
      <div class="debate-controls">
        <label>
          Sort by{' '}
          <select
            value={sort}
            onChange={(e) => onSort((e.target as HTMLSelectElement).value as DebateSort)}
          >
            <option value="pieces">Most pieces</option>
            <option value="passages">Most passages</option>
            <option value="name">Name</option>
          </select>
        </label>
        <span class="muted">
          Each cell: pieces · passages. A cell lists its pieces; Passages then lists its passages.
        </span>
      </div>
      <div class="debate-scroll">
        <table>
          <caption>Authors by theme</caption>
          <colgroup>
            <col class="debate-names" />
            <col span={columns.length + 1} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Author</th>
              <th scope="col">All themes</th>
              {columns.map((column) => (
                <th scope="col" key={column.theme.id}>
                  {column.theme.name}
                  <span class="muted"> ({column.total.pieces})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.author.id}>
                <th scope="row">{row.author.name}</th>
                <td>{countText(row.total)}</td>
                {columns.map((column) => {
                  const count = row.cell(column.theme.id);
                  const id = column.theme.id;
                  return (
                    <td key={id}>
                      {count && (
                        // Named by a label, not hidden text: 160 cells of it cost the first paint
                        // a layout of text nobody sees.
                        <a
                          href={hrefOf(row.author.id, id, count)}
                          aria-label={`${shownCount(count)} (pieces · passages) by ${row.author.name} on ${column.theme.name}`}
                          onClick={(event) => {
                            event.preventDefault();
                            onOpenCell(row.author.id, id, count);
                          }}
                        >
                          {shownCount(count)}
                        </a>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="debate-more">
        {!allRows && table.rows.length > FIRST_ROWS && (
          <button type="button" onClick={() => setAllRows(true)}>
            Show all {table.rows.length} authors
          </button>
        )}
        {!allColumns && table.columns.length > FIRST_COLUMNS && (
          <button type="button" onClick={() => setAllColumns(true)}>
            Show all {table.columns.length} themes
          </button>
        )}
      </p>
    </section>
  );
}
