/** Search box and the list controls of the library. Props only. */
import type { Ref } from 'preact';
import { useMemo } from 'preact/hooks';
import type { LibraryView, SortKey } from '../../lib/library/view';

export interface ToolbarProps {
  view: LibraryView;
  sites: { name: string; count: number }[];
  resultLabel: string;
  searchRef?: Ref<HTMLInputElement>;
  onChange: (change: Partial<LibraryView>) => void;
}

const SORTS: [SortKey | '', string][] = [
  ['', 'Automatic'],
  ['relevance', 'Relevance'],
  ['captured', 'Clipped (newest)'],
  ['published', 'Published (newest)'],
  ['title', 'Title (A–Z)'],
];

export function Toolbar({ view, sites, resultLabel, searchRef, onChange }: ToolbarProps) {
  // The same elements while the sites stand: a keystroke does not walk a hundred options.
  const siteOptions = useMemo(
    () =>
      sites.map((site) => (
        <option key={site.name} value={site.name}>
          {site.name} ({site.count})
        </option>
      )),
    [sites],
  );
  return (
    <div class="toolbar">
      <div class="search-row">
        <label class="visually-hidden" for="search">
          Search
        </label>
        <input
          id="search"
          ref={searchRef}
          type="search"
          placeholder="Search titles, authors, text, notes, passages  ( / )"
          value={view.q}
          onInput={(e) => onChange({ q: e.currentTarget.value })}
          aria-keyshortcuts="/"
        />
        <p class="result-count" role="status" aria-live="polite">
          {resultLabel}
        </p>
      </div>
      <div class="controls">
        <fieldset class="segmented">
          <legend class="visually-hidden">Show</legend>
          {(['pieces', 'passages'] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="view"
                checked={view.view === kind}
                onChange={() => onChange({ view: kind })}
              />
              {kind === 'pieces' ? 'Pieces' : 'Passages'}
            </label>
          ))}
        </fieldset>
        <label>
          Sort{' '}
          <select
            value={view.sort ?? ''}
            onChange={(e) => onChange({ sort: (e.currentTarget.value || null) as SortKey | null })}
          >
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Group{' '}
          <select
            value={view.group}
            onChange={(e) => onChange({ group: e.currentTarget.value as LibraryView['group'] })}
          >
            <option value="none">None</option>
            <option value="author">By author</option>
            <option value="theme">By theme</option>
          </select>
        </label>
        <label>
          Themes must match{' '}
          <select
            value={view.themeMode}
            onChange={(e) => onChange({ themeMode: e.currentTarget.value as 'all' | 'any' })}
          >
            <option value="all">all chosen</option>
            <option value="any">any chosen</option>
          </select>
        </label>
        <label>
          Site{' '}
          <select
            value={view.site ?? ''}
            onChange={(e) => onChange({ site: e.currentTarget.value || null })}
          >
            <option value="">All sites</option>
            {siteOptions}
          </select>
        </label>
        <label>
          <select
            aria-label="Date"
            value={view.dateField}
            onChange={(e) =>
              onChange({ dateField: e.currentTarget.value as LibraryView['dateField'] })
            }
          >
            <option value="captured">Clipped</option>
            <option value="published">Published</option>
          </select>
        </label>
        <label>
          from{' '}
          <input
            type="date"
            value={view.from ?? ''}
            onInput={(e) => onChange({ from: e.currentTarget.value || null })}
          />
        </label>
        <label>
          to{' '}
          <input
            type="date"
            value={view.to ?? ''}
            onInput={(e) => onChange({ to: e.currentTarget.value || null })}
          />
        </label>
      </div>
    </div>
  );
}
