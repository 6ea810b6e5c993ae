import { describe, expect, it } from 'vitest';
import { describeSyncStatus, describeWhen, type SyncFacts } from '../../src/sync/sync-status';

const NOW = new Date('2026-02-01T15:00:00');
const facts = (f: Partial<SyncFacts> = {}): SyncFacts => ({
  configured: true,
  online: true,
  phase: { kind: 'idle' },
  pending: 0,
  conflicts: 0,
  lastRun: { finished: new Date('2026-02-01T14:59:30').toISOString(), ok: true },
  ...f,
});
const status = (f: Partial<SyncFacts>) => describeSyncStatus(facts(f), NOW, 'en-GB');

describe('describeSyncStatus', () => {
  it.each<[string, Partial<SyncFacts>, string, string]>([
    ['not configured', { configured: false }, 'off', 'Sync is off'],
    ['all synced', {}, 'synced', 'Synced'],
    ['one change waiting', { pending: 1 }, 'waiting', '1 change waiting'],
    ['changes waiting', { pending: 4 }, 'waiting', '4 changes waiting'],
    ['never synced', { lastRun: null }, 'waiting', 'Not synced yet'],
    ['the last run failed before', { lastRun: { finished: '2026-02-01T14:00:00Z', ok: false, message: 'The server refused the password.' } }, 'waiting', 'Not synced'],
    ['offline with nothing waiting', { online: false }, 'offline', 'Offline'],
    ['offline with changes', { online: false, pending: 2 }, 'offline', 'Offline · 2 changes waiting'],
    ['offline during a run', { online: false, phase: { kind: 'running' } }, 'offline', 'Offline'],
    ['syncing', { phase: { kind: 'running' } }, 'syncing', 'Syncing…'],
    ['a short run shows no count', { phase: { kind: 'running', done: 2, total: 5 } }, 'syncing', 'Syncing…'],
    ['a long first sync shows progress', { phase: { kind: 'running', done: 120, total: 800 }, lastRun: null }, 'syncing', 'Syncing 120 of 800…'],
    ['failed', { phase: { kind: 'failed', reason: 'unreachable', message: 'The server did not answer.' } }, 'error', 'Sync failed'],
    ['asking, even offline', { online: false, phase: { kind: 'asking', question: 'remote-lost', message: 'The folder is empty.' } }, 'asking', 'Sync stopped: needs your answer'],
  ])('%s', (_name, f, state, text) => {
    const view = status(f);
    expect(view.state).toBe(state);
    expect(view.text).toBe(text);
  });

  it('tells when it last succeeded', () => {
    expect(status({}).detail).toBe('Last synced just now.');
    expect(status({ lastRun: { finished: new Date('2026-02-01T14:40:00').toISOString(), ok: true } }).detail).toBe('Last synced 20 min ago.');
    expect(status({ lastRun: null, online: false }).detail).toBe('Not synced yet.');
    const failed = { finished: new Date('2026-02-01T14:40:00').toISOString(), ok: false, message: 'The server refused the password.' };
    expect(status({ lastRun: failed }).detail).toBe('The server refused the password. The last sync did not finish (20 min ago).');
  });

  it('puts the failure in plain words, with what happens next', () => {
    const phase = { kind: 'failed' as const, reason: 'unreachable', message: 'The server did not answer: check the address.' };
    expect(status({ phase }).detail).toBe('The server did not answer: check the address. Last synced just now.');
    expect(status({ phase: { ...phase, retryAt: 1 } }).detail).toBe('The server did not answer: check the address. Lectern tries again by itself. Last synced just now.');
    expect(status({ phase, pending: 2 }).detail).toBe('The server did not answer: check the address. 2 changes waiting. Last synced just now.');
  });

  it('says resuming when offline with changes waiting', () => {
    expect(status({ online: false, pending: 1 }).detail).toBe('Sync resumes when the network is back. Last synced just now.');
  });

  it('counts conflict copies apart from the state', () => {
    expect(status({}).conflicts).toBeNull();
    expect(status({ conflicts: 1 }).conflicts).toBe('1 conflict to look at');
    expect(status({ conflicts: 3, pending: 2 })).toMatchObject({ state: 'waiting', conflicts: '3 conflicts to look at' });
  });
});

describe('describeWhen', () => {
  it.each([
    ['2026-02-01T14:59:30', 'just now'],
    ['2026-02-01T14:05:00', '55 min ago'],
    ['2026-02-01T09:07:00', 'at 09:07'],
    ['2026-01-30T09:07:00', 'on 30 Jan at 09:07'],
  ])('%s → %s', (when, words) => {
    expect(describeWhen(new Date(when).toISOString(), NOW, 'en-GB')).toBe(words);
  });
});
