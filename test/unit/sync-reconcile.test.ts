// The reconcile table, case by case, and version vectors.
import { describe, expect, it } from 'vitest';
import { decide, type ReconcileInput } from '../../src/sync/reconcile';
import { compareVv, dominatedBy, isVersionVector, joinVv } from '../../src/sync/version-vector';
import { validateSyncConfig } from '../../src/sync/config';

describe('decide', () => {
  const row = (liveBase: boolean, local: ReconcileInput['local'], file: ReconcileInput['file'], tomb: ReconcileInput['tomb']): ReconcileInput => ({ liveBase, local, file, tomb });
  it.each([
    ['A', row(true, 'unchanged', 'unchanged', 'absent'), { kind: 'nothing' }],
    ['B', row(true, 'changed', 'unchanged', 'absent'), { kind: 'upload', case: 'B', create: false }],
    ['C', row(true, 'unchanged', 'changed', 'absent'), { kind: 'pull', case: 'C' }],
    ['D', row(true, 'changed', 'changed', 'absent'), { kind: 'merge' }],
    ['E', row(true, 'deleted', 'unchanged', 'absent'), { kind: 'push-delete', case: 'E', fileExists: true }],
    ['F', row(true, 'deleted', 'changed', 'absent'), { kind: 'pull', case: 'F' }],
    ['G', row(true, 'unchanged', 'absent', 'new'), { kind: 'tombstone' }],
    ["G' (edit here, tombstone there)", row(true, 'changed', 'absent', 'new'), { kind: 'tombstone' }],
    ["G' (restored from the Trash here)", row(false, 'changed', 'absent', 'known'), { kind: 'resurrect' }],
    ['H (file gone, no tombstone)', row(true, 'unchanged', 'absent', 'absent'), { kind: 'upload', case: 'H', create: true }],
    ['H with a local delete', row(true, 'deleted', 'absent', 'absent'), { kind: 'push-delete', case: 'H', fileExists: false }],
    ['I', row(false, 'none', 'changed', 'absent'), { kind: 'pull', case: 'I' }],
    ['J', row(true, 'unchanged', 'changed', 'new'), { kind: 'both' }],
    ['new here', row(false, 'changed', 'absent', 'absent'), { kind: 'upload', case: 'new', create: true }],
    ['agreed deleted', row(false, 'none', 'absent', 'known'), { kind: 'nothing' }],
  ])('case %s', (_name, input, expected) => {
    expect(decide(input)).toMatchObject(expected);
  });
});

describe('version vectors', () => {
  it('orders, joins and validates', () => {
    expect(dominatedBy({ a: 1 }, { a: 1, b: 2 })).toBe(true);
    expect(dominatedBy({ a: 2 }, { a: 1, b: 2 })).toBe(false);
    expect(compareVv({ a: 1 }, { a: 1 })).toBe('equal');
    expect(compareVv({ a: 1 }, { a: 2 })).toBe('before');
    expect(compareVv({ a: 3 }, { a: 2 })).toBe('after');
    expect(compareVv({ a: 1, b: 0 }, { b: 1 })).toBe('concurrent');
    expect(joinVv({ a: 1, b: 5 }, { a: 3 })).toEqual({ a: 3, b: 5 });
    expect(isVersionVector({ a: 1 })).toBe(true);
    expect(isVersionVector({ a: 1.5 })).toBe(false);
    expect(isVersionVector(['a'])).toBe(false);
  });
});

describe('validateSyncConfig', () => {
  const ok = { serverUrl: 'https://cloud.example.org/remote.php/dav/files/alice', folder: 'Lectern', username: 'alice', password: 'x' };
  it('accepts a good configuration and loopback http', () => {
    expect(validateSyncConfig(ok)).toEqual({});
    expect(validateSyncConfig({ ...ok, serverUrl: 'http://127.0.0.1:8080' })).toEqual({});
  });
  it('names each problem', () => {
    expect(validateSyncConfig({ serverUrl: 'ftp://x', folder: '../x', username: '', password: '' })).toEqual({
      serverUrl: expect.stringMatching(/https/),
      folder: expect.stringMatching(/\.\./),
      username: expect.any(String),
      password: expect.any(String),
    });
    expect(validateSyncConfig({ ...ok, serverUrl: 'http://cloud.example.org' }).serverUrl).toMatch(/https/);
    expect(validateSyncConfig({ ...ok, serverUrl: 'https://bob:pw@cloud.example.org' }).serverUrl).toMatch(/own fields/);
  });
});
