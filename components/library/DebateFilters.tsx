/** The debate view's filters: one site, a range of published dates. Props only. */
import type { DebateFilter } from '../../lib/library/debate';

export interface DebateFiltersProps {
  filter: DebateFilter;
  sites: readonly string[];
  onChange: (filter: DebateFilter) => void;
}

export function DebateFilters({ filter, sites, onChange }: DebateFiltersProps) {
  const day = (value: string) => (value === '' ? null : value);
  return (
    <fieldset class="debate-filters">
      <legend>Only</legend>
      <label>
        Site{' '}
        <select
          value={filter.site ?? ''}
          onChange={(e) =>
            onChange({ ...filter, site: day((e.target as HTMLSelectElement).value) })
          }
        >
          <option value="">Every site</option>
          {sites.map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
      </label>
      <label>
        Published from{' '}
        <input
          type="date"
          value={filter.from ?? ''}
          onChange={(e) => onChange({ ...filter, from: day((e.target as HTMLInputElement).value) })}
        />
      </label>
      <label>
        to{' '}
        <input
          type="date"
          value={filter.to ?? ''}
          onChange={(e) => onChange({ ...filter, to: day((e.target as HTMLInputElement).value) })}
        />
      </label>
    </fieldset>
  );
}
