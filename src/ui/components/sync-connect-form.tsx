/** The form that connects a WebDAV folder: test the connection, create a missing folder, save on this device. */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeStorageError } from '../../db/errors';
import { saveSyncConfig } from '../../db/sync-config';
import { checkConnection, createRemoteFolder, type ConnectionCheck } from '../../sync/check-connection';
import { validateSyncConfig, type SyncConfig } from '../../sync/config';
import { Field, TextField } from './field';
import { SyncCheckResult } from './sync-check-result';

interface SyncConnectFormProps {
  /** The saved connection when changing it; null for a first connection. */
  initial: SyncConfig | null;
  /** Called after the connection was saved. */
  onSaved: () => void;
  onCancel?: (() => void) | undefined;
}

type Busy = '' | 'testing' | 'connecting' | 'creating';

const EMPTY: SyncConfig = { serverUrl: '', folder: 'Lectern', username: '', password: '' };

const trimmed = (c: SyncConfig): SyncConfig => ({ serverUrl: c.serverUrl.trim(), folder: c.folder.trim(), username: c.username.trim(), password: c.password });

export function SyncConnectForm({ initial, onSaved, onCancel }: SyncConnectFormProps): JSX.Element {
  const [values, setValues] = useState<SyncConfig>(initial ?? EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof SyncConfig, string>>>({});
  const [busy, setBusy] = useState<Busy>('');
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [created, setCreated] = useState(false);
  const [failure, setFailure] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const set = (key: keyof SyncConfig) => (value: string): void => {
    setValues((v) => ({ ...v, [key]: value }));
    // An answer about other values would mislead.
    setCheck(null);
    setCreated(false);
  };

  /** The values to use, or null after showing what is wrong with them. */
  const valid = (): SyncConfig | null => {
    const c = trimmed(values);
    const found = validateSyncConfig(c);
    setErrors(found);
    const first = (Object.keys(found) as Array<keyof SyncConfig>)[0];
    if (first) {
      form.current?.querySelector<HTMLElement>(`#sync-${first}`)?.focus();
      return null;
    }
    return c;
  };

  const test = async (c: SyncConfig): Promise<ConnectionCheck> => {
    abort.current?.abort();
    const ac = new AbortController();
    abort.current = ac;
    const result = await checkConnection(c, { signal: ac.signal });
    setCheck(result);
    return result;
  };

  /** Runs one action at a time; `describe` turns what it threw into words for the person. */
  const run = async (kind: Busy, work: () => Promise<void>, describe: (err: unknown) => string): Promise<void> => {
    if (busy) return;
    setBusy(kind);
    setFailure('');
    try {
      await work();
    } catch (err) {
      setFailure(describe(err));
    } finally {
      setBusy('');
    }
  };
  const serverProblem = (err: unknown): string =>
    `The server did not do it: ${err instanceof Error && err.message ? err.message : String(err)}`;

  const onTest = (): void => {
    const c = valid();
    if (c) void run('testing', async () => void (await test(c)), serverProblem);
  };

  const onConnect = (e: Event): void => {
    e.preventDefault();
    const c = valid();
    if (!c) return;
    void run(
      'connecting',
      async () => {
        const result = await test(c);
        if (!result.ok) return;
        await saveSyncConfig(c);
        onSaved();
      },
      describeStorageError,
    );
  };

  const onCreate = (): void => {
    const c = valid();
    if (!c) return;
    void run(
      'creating',
      async () => {
        await createRemoteFolder(c);
        setCreated(true);
        await test(c);
      },
      serverProblem,
    );
  };

  return (
    <form ref={form} onSubmit={onConnect} noValidate aria-label="Connect a WebDAV folder">
      <TextField
        id="sync-serverUrl"
        label="Server address"
        hint="The WebDAV address, e.g. https://cloud.example.org/remote.php/dav/files/alice/"
        type="url"
        inputMode="url"
        autoComplete="url"
        spellcheck={false}
        value={values.serverUrl}
        error={errors.serverUrl}
        onValue={set('serverUrl')}
      />
      <TextField id="sync-folder" label="Folder" hint="A folder of its own for Lectern's files." spellcheck={false} value={values.folder} error={errors.folder} onValue={set('folder')} />
      <TextField id="sync-username" label="User name" autoComplete="username" spellcheck={false} value={values.username} error={errors.username} onValue={set('username')} />
      <Field id="sync-password" label="Password or app password" error={errors.password} hint="Kept on this device only and sent only to this server; never in a backup or an export.">
        {(aria) => (
          <input
            {...aria}
            type="password"
            autoComplete="current-password"
            value={values.password}
            onInput={(e) => set('password')(e.currentTarget.value)}
          />
        )}
      </Field>
      {busy && busy !== 'connecting' && (
        <p role="status" class="muted">
          {busy === 'creating' ? 'Creating the folder…' : 'Testing the connection…'}
        </p>
      )}
      {check && <SyncCheckResult check={check} folder={trimmed(values).folder} created={created} creating={busy === 'creating'} onCreate={onCreate} />}
      {failure && (
        <p role="alert" class="error-box">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={Boolean(busy)}>
          {busy === 'connecting' ? 'Connecting…' : 'Connect'}
        </button>
        <button type="button" class="button" onClick={onTest} disabled={Boolean(busy)}>
          Test connection
        </button>
        {onCancel && (
          <button type="button" class="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
