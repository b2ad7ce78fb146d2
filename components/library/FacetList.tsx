/** A facet of the library sidebar: tags (or sites) with counts, each a checkbox. */
import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';

export interface FacetItem {
  id: string;
  name: string;
  count: number;
  /** Highlight colour of a theme, shown as a swatch. */
  color?: string | null;
}

export interface FacetListProps {
  title: string;
  items: FacetItem[];
  selected: string[];
  onToggle: (id: string) => void;
  /** Items shown before "Show all". */
  initial?: number;
}

function FacetListItems({ title, items, selected, onToggle, initial = 12 }: FacetListProps) {
  const [expanded, setExpanded] = useState(false);
  const chosen = new Set(selected);
  // Chosen items stay visible even when they are not among the first ones.
  const shown = expanded
    ? items
    : items.filter((item, index) => index < initial || chosen.has(item.id));
  return (
    <section class="facet" aria-label={title}>
      <h2 class="facet-title">{title}</h2>
      {items.length === 0 && <p class="muted">None yet</p>}
      <ul class="facet-items">
        {shown.map((item) => (
          <li key={item.id}>
            <label class="facet-item">
              <input
                type="checkbox"
                checked={chosen.has(item.id)}
                onChange={() => onToggle(item.id)}
              />
              {item.color && <span class="swatch" style={{ background: item.color }} />}
              <span class="facet-name">{item.name}</span>
              <span class="facet-count" aria-label={`${item.count} pieces`}>
                {item.count}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {items.length > initial && (
        <button type="button" class="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${items.length}`}
        </button>
      )}
    </section>
  );
}

/** Rendered again only when its props change (not at every keystroke in the search box). */
export const FacetList = memo(FacetListItems);
