/** The header's buttons that show a page of the library instead of the list. Props only. */
import type { PanelKind } from '../../lib/library/view';

export interface PanelSwitchProps {
  panel: PanelKind | null;
  /** Another panel, or null (the list) when the shown one's button is pressed again. */
  onSwitch: (panel: PanelKind | null) => void;
}

const PANELS: [PanelKind, string][] = [
  ['tags', 'Tags'],
  ['debate', 'Debate'],
];

export function PanelSwitch({ panel, onSwitch }: PanelSwitchProps) {
  return (
    <>
      {PANELS.map(([kind, label]) => (
        <button
          key={kind}
          type="button"
          class="panel-switch"
          aria-pressed={panel === kind}
          onClick={() => onSwitch(panel === kind ? null : kind)}
        >
          {label}
        </button>
      ))}
    </>
  );
}
