/**
 * The passage editor, shown in a frame over the page. It is an extension page: the page's
 * scripts cannot read what is typed here. It talks only to the background.
 */
import { useEffect, useState } from 'preact/hooks';
import { PassageForm } from '../../components/PassageForm';
import { sendMessage } from '../../lib/messaging';
import type { MessageResponse } from '../../lib/protocol';

type Loaded = MessageResponse<'editor/load'>;

export function App({ token }: { token: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendMessage('editor/load', { token }).then(setLoaded, (e: unknown) =>
      setLoaded({ ok: false, message: String(e) }),
    );
  }, [token]);

  const cancel = () => void sendMessage('editor/cancel', { token });
  if (!loaded) return <p class="editor muted">Loading…</p>;
  if (!loaded.ok) {
    return (
      <main class="editor">
        <p role="alert" class="notice notice-error">
          {loaded.message}
        </p>
        <button type="button" onClick={cancel}>
          Close
        </button>
      </main>
    );
  }
  return (
    <main class="editor">
      <blockquote class="editor-quote">{loaded.selection.quote}</blockquote>
      <PassageForm
        initial={{ note: '', authors: [], themes: [] }}
        known={loaded.known}
        submitLabel="Save"
        busy={busy}
        onCancel={cancel}
        onSubmit={async (edits) => {
          setBusy(true);
          const result = await sendMessage('editor/save', { token, edits }).catch((e: unknown) => ({
            ok: false as const,
            message: String(e),
          }));
          setBusy(false);
          if (!result.ok) setError(result.message);
        }}
      />
      {error && (
        <p role="alert" class="notice notice-error">
          {error}
        </p>
      )}
    </main>
  );
}
