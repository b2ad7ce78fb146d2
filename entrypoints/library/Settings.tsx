/** "Backup and settings" in the sidebar: automatic highlights, backups, imports. */
import { useMemo, useState } from 'preact/hooks';
import { BackupPanel } from '../../components/BackupPanel';
import { AnnotationImport } from '../../components/library/AnnotationImport';
import { AutoHighlightSetting } from '../../components/library/AutoHighlightSetting';
import type { BackupProgress } from '../../lib/backup/progress';
import type { PieceRow } from '../../lib/model/records';
import { clippedSitePatterns } from '../../lib/passages/origins';
import {
  downloadBackup,
  importAnnotationFile,
  restoreBackup,
  turnOffAutoHighlights,
  turnOnAutoHighlights,
} from './actions';
import type { Attempt } from './attempt';
import { useAutoHighlights } from './queries';
import { useProgress } from './use-progress';

export interface SettingsProps {
  /** Every piece, once read. */
  pieces: readonly PieceRow[] | undefined;
  attempt: Attempt;
}

export function Settings({ pieces, attempt }: SettingsProps) {
  const [open, setOpen] = useState(false);
  const autoHighlights = useAutoHighlights();
  const backup = useProgress<BackupProgress>();
  // Parsing every piece's URL is only needed once the settings are open.
  const clippedSites = useMemo(
    () => (open ? clippedSitePatterns((pieces ?? []).flatMap((p) => [p.url, p.pageUrl])) : []),
    [pieces, open],
  );
  return (
    <details
      class="settings"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Backup and settings</summary>
      <AutoHighlightSetting
        enabled={autoHighlights?.enabled === true}
        sites={autoHighlights?.enabled ? autoHighlights.origins : clippedSites}
        onChange={(enabled) =>
          // The permission request must come first in the click handler (user gesture).
          void attempt(() =>
            enabled
              ? turnOnAutoHighlights(clippedSites)
              : turnOffAutoHighlights(autoHighlights?.origins ?? []),
          )
        }
      />
      <BackupPanel
        progress={backup.progress}
        onExport={() => backup.track(downloadBackup)}
        onImport={(file) => backup.track((report) => restoreBackup(file, report))}
      />
      <AnnotationImport onImport={importAnnotationFile} />
    </details>
  );
}
