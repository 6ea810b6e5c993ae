import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/database';
import { describeStorageError, storageErrorName } from '../../src/db/errors';
import { createTalk, saveTalkBody } from '../../src/db/talks';
import { resetDb } from '../helpers/db';
import { talkFields } from '../helpers/factories';

const FULL =
  'Storage is full: this text is not saved yet. Copy it somewhere safe, or free space (delete photos or old conferences, then empty the Trash); saving resumes by itself.';
const BLOCKED = 'This browser does not let Lectern store data here (private browsing may block it).';
const RELOAD = 'Lectern was updated in another tab. Reload this tab to keep saving.';

const quota = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('describeStorageError', () => {
  it.each([
    ['a plain QuotaExceededError', quota(), FULL],
    ["Dexie's own QuotaExceededError", new Dexie.QuotaExceededError(quota()), FULL],
    ['an AbortError with the quota error inside', new Dexie.AbortError('Transaction aborted', quota()), FULL],
    ['a quota error two wrappings deep', new Dexie.AbortError('aborted', new Dexie.AbortError('aborted', quota())), FULL],
    ['a plain object shaped like a wrapped error', { name: 'AbortError', inner: { name: 'QuotaExceededError' } }, FULL],
    ['MissingAPIError', new Dexie.MissingAPIError('no indexedDB'), BLOCKED],
    ['InvalidStateError', new DOMException('nope', 'InvalidStateError'), BLOCKED],
    ['DatabaseClosedError', new Dexie.DatabaseClosedError('closed'), RELOAD],
    ['VersionError', new DOMException('version', 'VersionError'), RELOAD],
    ['an unknown DOMException', new DOMException('clone', 'DataCloneError'), 'Not saved: the browser refused to store it (DataCloneError).'],
    ['a thrown string', 'boom', 'Not saved: the browser refused to store it (unknown error).'],
    ['undefined', undefined, 'Not saved: the browser refused to store it (unknown error).'],
    // The app's own errors already say what happened in words a person can act on.
    ['the app\'s own Error', new Error('This talk no longer exists, so the note cannot be saved.'), 'This talk no longer exists, so the note cannot be saved.'],
  ])('explains %s', (_, err, message) => {
    expect(describeStorageError(err)).toBe(message);
  });

  it('names the innermost cause of a wrapped error', () => {
    expect(storageErrorName(new Dexie.AbortError('aborted', new DOMException('x', 'DataCloneError')))).toBe('DataCloneError');
  });
});

describe('a save refused for lack of space', () => {
  beforeEach(resetDb);
  afterEach(() => vi.restoreAllMocks());

  it('rejects with an error explained as storage full', async () => {
    const id = await createTalk('conf', talkFields());
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota();
    });
    const err = await saveTalkBody(id, 'unsaved words').then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeStorageError(err)).toBe(FULL);
    vi.restoreAllMocks();
    expect((await db.talks.get(id))?.body).toBe('');
  });
});
