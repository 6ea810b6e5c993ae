/** Settings section: back up everything, restore a backup, import Markdown. The code behind it loads on first use. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { describeStorageError } from '../../db/errors';
import { countTalks } from '../../db/talks';
import { setSetting } from '../../db/settings';
import { downloadFile } from './export-deliver';
import { ExportProgress, useSlowTask } from './export-progress';

/** "Sun 1 Feb 2026, 10:00" in the device's language and zone. */
function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A message for a failure: the app's own errors are already in plain words; storage errors are translated. */
function problem(err: unknown): string {
  if (err instanceof Error && ['ImportError', 'BackupError', 'ZipError'].includes(err.name)) return err.message;
  return describeStorageError(err);
}

async function readFile(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

export function BackupSection({ lastBackup }: { lastBackup: string }): JSX.Element {
  const task = useSlowTask();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const act = async (label: string, work: (onProgress: (done: number, total: number) => void) => Promise<string>): Promise<void> => {
    setMessage(null);
    try {
      setMessage({ text: await task.run(label, work), error: false });
    } catch (err) {
      setMessage({ text: problem(err), error: true });
    }
  };

  const backUp = (): Promise<void> =>
    act('Making the backup', async (onProgress) => {
      const [{ collectBackup }, { backupEntries }, { makeZipBlob }] = await Promise.all([import('../../db/backup'), import('../../backup/format'), import('../../backup/zip')]);
      const data = await collectBackup(__APP_VERSION__);
      const blob = await makeZipBlob(backupEntries(data), new Date(data.created), onProgress);
      const name = `lectern-backup-${data.created.slice(0, 10)}.zip`;
      downloadFile(name, blob);
      await setSetting('lastBackup', data.created);
      return `Downloaded ${name}: ${plural(data.conferences.length, 'conference')}, ${plural(data.talks.length, 'talk')}, ${plural(data.photos.length, 'photo')}.`;
    });

  const restore = (file: File): Promise<void> =>
    act('Restoring', async (onProgress) => {
      const [{ restoreBackup }, { parseBackup }, { readZip }] = await Promise.all([import('../../db/backup'), import('../../backup/format'), import('../../backup/zip')]);
      const data = await parseBackup(await readZip(await readFile(file), file.name, onProgress), file.name);
      // Into notes already here, a restore merges: say what that means before anything changes.
      const here = await countTalks();
      if (
        here.talks > 0 &&
        !confirm(
          `Merge ${file.name} into the ${plural(here.talks, 'talk')} on this device? For each note the newer edit wins and the other text is kept in its history. Nothing is deleted.`,
        )
      )
        return 'Restore cancelled: nothing changed.';
      const s = await restoreBackup(data);
      if (s.mode === 'replace') return `Restored ${plural(data.conferences.length, 'conference')}, ${plural(data.talks.length, 'talk')} and ${plural(s.photos, 'photo')} from ${file.name}.`;
      return `Merged ${file.name}: ${s.added} added, ${s.replaced} replaced by a newer edit, ${plural(s.keptInHistory, 'text')} kept in history, ${plural(s.photos, 'photo')} added.`;
    });

  const importMarkdown = (file: File): Promise<void> =>
    act('Importing', async (onProgress) => {
      const { importMarkdownFile } = await import('../../db/import-markdown');
      const s = await importMarkdownFile(file.name, await readFile(file), onProgress);
      const parts = [
        s.conferences && plural(s.conferences, 'conference'),
        s.talks && plural(s.talks, 'talk'),
        s.updated && `${plural(s.updated, 'talk')} updated (the earlier text is in its history)`,
        s.notes && `${plural(s.notes, 'free note')} in the Inbox`,
        s.photos && plural(s.photos, 'photo'),
      ].filter(Boolean);
      return `Imported ${file.name}: ${parts.join(', ') || 'nothing new'}.`;
    });

  const chosen = (handle: (f: File) => Promise<void>) => (e: Event): void => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so choosing the same file again runs again.
    input.value = '';
    if (file) void handle(file);
  };

  return (
    <section class="export-backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and import</h2>
      <p data-testid="last-backup">
        {lastBackup ? `Last backup: ${formatWhen(lastBackup)}.` : 'No backup made on this device yet.'}{' '}
        <span class="muted">A backup is one zip with every conference, note, photo, the Trash, history and settings.</span>
      </p>
      <div class="actions">
        <button type="button" class="button button--primary" disabled={task.busy} onClick={() => void backUp()}>
          Back up everything
        </button>
        <label class="button export-backup__file">
          Restore a backup…
          <input type="file" accept=".zip,application/zip" class="visually-hidden" disabled={task.busy} onChange={chosen(restore)} />
        </label>
        <label class="button export-backup__file">
          Import Markdown…
          <input type="file" accept=".md,.markdown,.txt,.zip,text/markdown,text/plain,application/zip" class="visually-hidden" disabled={task.busy} onChange={chosen(importMarkdown)} />
        </label>
      </div>
      <p class="field__hint">
        Restoring into notes already here merges them: the newer edit of each note wins and the other is kept in its history. Import Markdown takes
        files exported by Lectern back as talks; any other Markdown file becomes a free note in the Inbox.
      </p>
      <ExportProgress task={task} />
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error-box' : 'export__done'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
