// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BackupPanel,
  describeImport,
  type BackupPanelProps,
} from '../../../components/BackupPanel';
import type { ImportSummary } from '../../../lib/backup/import-file';
import { InvalidBackupError } from '../../../lib/backup/issues';
import { StorageFullError } from '../../../lib/db/errors';

const none = { added: 0, updated: 0, unchanged: 0 };
const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
  tags: none,
  pieces: none,
  contents: none,
  passages: none,
  settings: none,
  upgradedFrom: null,
  ...over,
});

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

async function mount(props: Partial<BackupPanelProps>) {
  if (host?.isConnected) {
    render(null, host);
    host.remove();
  }
  host = document.createElement('div');
  document.body.append(host);
  const all: BackupPanelProps = {
    onExport: vi.fn(async () => undefined),
    onImport: vi.fn(async () => summary()),
    progress: null,
    ...props,
  };
  await act(() => render(<BackupPanel {...all} />, host));
  return {
    props: all,
    rerender: (next: Partial<BackupPanelProps>) =>
      act(() => render(<BackupPanel {...all} {...next} />, host)),
  };
}

const exportButton = () =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === 'Export backup')!;
const importInput = () =>
  host.querySelector<HTMLInputElement>('input[type=file][aria-label="Import"]')!;

async function choose(file: File) {
  const input = importInput();
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

/** Lets the handlers' promises settle and the component re-render. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('BackupPanel', () => {
  it('has a button "Export backup" and a JSON file field named "Import"', async () => {
    await mount({});
    expect(exportButton()).toBeTruthy();
    const input = importInput();
    expect(input.accept).toBe('application/json,.json');
    expect(input.getAttribute('aria-label')).toBe('Import');
    expect(host.querySelector('[role=status]')!.textContent).toBe('');
    expect(host.querySelector('[role=alert]')).toBeNull();
  });

  it('shows a labelled progress bar while exporting, then says it is done', async () => {
    const pending = deferred<void>();
    const { rerender } = await mount({ onExport: () => pending.promise });
    await act(async () => exportButton().click());
    await rerender({
      onExport: () => pending.promise,
      progress: { label: 'Exporting', done: 30, total: 120 },
    });
    const bar = host.querySelector('progress')!;
    expect(bar.max).toBe(120);
    expect(bar.value).toBe(30);
    const label = host.querySelector(`label[for="${bar.id}"]`)!;
    expect(label.textContent).toBe('Exporting');
    expect(exportButton().disabled).toBe(true);
    expect(importInput().disabled).toBe(true);
    await act(async () => pending.resolve());
    expect(host.querySelector('progress')).toBeNull();
    expect(host.querySelector('[role=status]')!.textContent).toBe('Backup exported.');
  });

  it('imports the chosen file and shows the counts', async () => {
    const onImport = vi.fn(async () =>
      summary({
        pieces: { added: 2, updated: 1, unchanged: 4 },
        passages: { added: 3, updated: 0, unchanged: 0 },
        tags: { added: 0, updated: 0, unchanged: 6 },
      }),
    );
    await mount({ onImport });
    const file = new File(['{}'], 'backup.json', { type: 'application/json' });
    await choose(file);
    expect(onImport).toHaveBeenCalledWith(file);
    expect(importInput().value).toBe('');
    expect(host.querySelector('[role=status]')!.textContent).toBe(
      'Imported backup.json. Pieces: 2 added, 1 updated; passages: 3 added; 10 records were already there.',
    );
  });

  it('says when a file brought nothing new', () => {
    expect(describeImport(summary({ pieces: { added: 0, updated: 0, unchanged: 5 } }))).toBe(
      'Nothing new: your collection already had everything in this file.',
    );
  });

  it('lists up to ten problems of a refused file and says nothing was changed', async () => {
    const errors = Array.from({ length: 12 }, (_, i) => ({
      path: `pieces[${i}].url`,
      message: 'missing (required)',
    }));
    await mount({ onImport: async () => Promise.reject(new InvalidBackupError(errors)) });
    await choose(new File(['{}'], 'broken.json'));
    const alert = host.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain(
      'Not imported: broken.json is not a valid Commonplace backup. Nothing in your collection was changed.',
    );
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(10);
    expect(items[0]).toBe('pieces[0].url: missing (required)');
    expect(alert.textContent).toContain('…and 2 more problems.');
    expect(host.querySelector('[role=status]')!.textContent).toBe('');
  });

  it('reports other failures in an alert', async () => {
    await mount({ onImport: async () => Promise.reject(new StorageFullError()) });
    await choose(new File(['{}'], 'big.json'));
    expect(host.querySelector('[role=alert]')!.textContent).toMatch(
      /^Import failed: Not saved: the browser has no storage space left\..*nothing already saved was changed\.$/,
    );
    await mount({ onExport: async () => Promise.reject(new Error('disk unplugged')) });
    await act(async () => exportButton().click());
    await settle();
    expect(host.querySelector('[role=alert]')!.textContent).toBe('Export failed: disk unplugged');
  });

  it('mentions an upgraded older format', async () => {
    await mount({
      onImport: async () =>
        summary({ upgradedFrom: 0, pieces: { added: 1, updated: 0, unchanged: 0 } }),
    });
    await choose(new File(['{}'], 'old.json'));
    expect(host.querySelector('[role=status]')!.textContent).toBe(
      'Imported old.json (an older backup format, 0, upgraded). Piece: 1 added.',
    );
  });
});
