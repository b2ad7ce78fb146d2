/** The highlight colour of each theme, changeable by the reader. Props only. */
export interface ThemeColorsProps {
  themes: { id: string; name: string; color: string }[];
  onChange: (id: string, color: string) => void;
}

export function ThemeColors({ themes, onChange }: ThemeColorsProps) {
  if (themes.length === 0) return null;
  return (
    <section class="setting" aria-label="Theme colours">
      <h3 class="facet-title">Highlight colours</h3>
      <ul class="facet-items">
        {themes.map((theme) => (
          <li key={theme.id}>
            <label class="facet-item">
              <input
                type="color"
                value={theme.color}
                onChange={(e) => onChange(theme.id, e.currentTarget.value)}
              />
              <span class="facet-name">{theme.name}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
