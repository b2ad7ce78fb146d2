/** The opt-in for automatic highlights, with what it asks for. Props only. */
export interface AutoHighlightSettingProps {
  enabled: boolean;
  sites: string[];
  onChange: (enabled: boolean) => void;
}

export function AutoHighlightSetting({ enabled, sites, onChange }: AutoHighlightSettingProps) {
  return (
    <section class="setting" aria-label="Highlights">
      <label class="facet-item">
        <input
          type="checkbox"
          checked={enabled}
          disabled={!enabled && sites.length === 0}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        Show my highlights automatically on sites I have clipped from
      </label>
      <p class="muted small">
        {enabled
          ? `On for ${sites.length} ${sites.length === 1 ? 'site' : 'sites'}. Turning it off removes the access.`
          : `Asks your browser for access to the ${sites.length} ${sites.length === 1 ? 'site' : 'sites'} you clipped from, and no others. Otherwise highlights come back when you click the toolbar button.`}
      </p>
    </section>
  );
}
