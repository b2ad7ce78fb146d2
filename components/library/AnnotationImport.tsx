/** Importing annotations made elsewhere (W3C Web Annotations, Hypothesis export). Props only. */
import { useState } from 'preact/hooks';

export interface AnnotationImportProps {
  /** Imports the file; resolves to a sentence saying what was added, rejects with a message. */
  onImport: (file: File) => Promise<string>;
}

export function AnnotationImport({ onImport }: AnnotationImportProps) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section class="setting" aria-label="Import annotations">
      <label class="field-label" for="annotation-file">
        Import annotations
      </label>
      <p class="muted small">W3C Web Annotations (JSON-LD) or a Hypothesis export (JSON).</p>
      <input
        id="annotation-file"
        type="file"
        accept="application/json,application/ld+json,.json,.jsonld"
        onChange={async (event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (!file) return;
          setOutcome(null);
          try {
            setOutcome({ ok: true, text: await onImport(file) });
          } catch (error) {
            setOutcome({ ok: false, text: error instanceof Error ? error.message : String(error) });
          }
        }}
      />
      {outcome && (
        <p
          role={outcome.ok ? 'status' : 'alert'}
          class={outcome.ok ? 'notice' : 'notice notice-error'}
        >
          {outcome.text}
        </p>
      )}
    </section>
  );
}
