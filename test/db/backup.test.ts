// Backup and restore, and Markdown import, against the real repository code over fake-indexeddb.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupEntries, BACKUP_VERSION, parseBackup, MANIFEST, type BackupData } from '../../src/backup/format';
import { buildExportZip } from '../../src/backup/export-zip';
import { makeZip, makeZipBlob, readZip } from '../../src/backup/zip';
import { collectBackup, restoreBackup } from '../../src/db/backup';
import { db } from '../../src/db/database';
import { loadConferenceExport, loadPhotoBytes, setTalkPrivate } from '../../src/db/export-data';
import { importMarkdownFile } from '../../src/db/import-markdown';
import { setSetting } from '../../src/db/settings';
import { listVersions } from '../../src/db/versions';
import { exportConference } from '../../src/markdown/export-conference';
import { exportDay } from '../../src/markdown/export-day';
import { exportTalk } from '../../src/markdown/export-talk';
import { INBOX_ID } from '../../src/model/inbox';
import type { Talk } from '../../src/model/types';
import { resetDb } from '../helpers/db';
import { LCA, PHOTO_BYTES, PHOTO_SHA, realisticConference } from '../fixtures/export/realistic-day';

const NOTES = new URL('../../../shared/fixtures/notes/', import.meta.url);
const T0 = new Date('2026-02-01T10:00:00.000Z');
const MTIME = new Date('2026-02-01T12:00:00');
const enc = new TextEncoder();

/** Stores the realistic conference, its talks, a photo, a version and settings, as the app would have. */
async function seed(): Promise<void> {
  const { conference, talks } = realisticConference();
  await db.conferences.add(conference);
  await db.talks.bulkAdd(talks);
  await db.blobs.add({ sha256: PHOTO_SHA, type: 'image/jpeg', size: PHOTO_BYTES.length, blob: new Blob([PHOTO_BYTES], { type: 'image/jpeg' }) });
  await db.versions.add({ id: 'v1', recordId: talks[0]!.id, table: 'talks', created: '2015-01-12T00:05:00.000Z', reason: 'edit', record: { ...talks[0]!, body: 'earlier' } });
  await setSetting('initials', 'CSB');
  await setSetting('theme', 'dark');
  await setSetting('persistAsked', true);
}

async function backupZip(): Promise<Uint8Array> {
  return makeZip(backupEntries(await collectBackup('0.1.0')), MTIME);
}

async function snapshot(): Promise<unknown> {
  return db.transaction('r', db.tables, async () => ({
    conferences: await db.conferences.toArray(),
    talks: await db.talks.toArray(),
    versions: await db.versions.toArray(),
    settings: await db.settings.toArray(),
    blobs: await Promise.all((await db.blobs.toArray()).map(async (b) => ({ ...b, blob: await b.blob.text() }))),
  }));
}

async function restoreFile(bytes: Uint8Array, name = 'backup.zip'): Promise<ReturnType<typeof restoreBackup>> {
  return restoreBackup(await parseBackup(await readZip(bytes, name), name));
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  await resetDb();
});

afterEach(() => vi.useRealTimers());

// The fixture's photo is named by a made-up hash; backups check hashes, so give it a real one.
async function realPhoto(): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', PHOTO_BYTES);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function seedWithRealHash(): Promise<void> {
  await seed();
  const sha = await realPhoto();
  await db.blobs.clear();
  await db.blobs.add({ sha256: sha, type: 'image/jpeg', size: PHOTO_BYTES.length, blob: new Blob([PHOTO_BYTES], { type: 'image/jpeg' }) });
  await db.talks.toCollection().modify((t) => {
    t.body = t.body.replaceAll(PHOTO_SHA, sha);
    t.attachments = t.attachments.map((a) => ({ ...a, sha256: sha }));
  });
}

describe('backup', () => {
  it('holds everything: trash, history, settings and photos, but not device settings', async () => {
    await seedWithRealHash();
    const [first] = await db.talks.toArray();
    await db.talks.update(first!.id, { deletedAt: '2026-01-30T00:00:00.000Z' });
    const data = await collectBackup('0.1.0');
    expect(data.talks).toHaveLength(realisticConference().talks.length);
    expect(data.talks.some((t) => t.deletedAt !== null)).toBe(true);
    expect(data.versions).toHaveLength(1);
    expect(data.settings.map((s) => s.key).sort()).toEqual(['initials', 'theme']);
    expect(data.photos).toHaveLength(1);
  });

  it('restores into an empty database exactly: a backup made after restoring has the same bytes', async () => {
    await seedWithRealHash();
    await setTalkPrivate((await db.talks.toArray())[3]!.id, true);
    const before = await snapshot();
    const first = await backupZip();
    await resetDb();
    const summary = await restoreFile(first);
    expect(summary.mode).toBe('replace');
    expect(await backupZip()).toEqual(first);
    const after = (await snapshot()) as { settings: unknown[] };
    // Everything but the device's own settings (persistAsked) comes back as it was.
    expect({ ...after, settings: [] }).toEqual({ ...(before as object), settings: [] });
  });

  it('merges by id into a database with notes: the newer edit wins and the other text is kept in history', async () => {
    await seedWithRealHash();
    const talks = await db.talks.toArray();
    const [a, b] = [talks[0]!, talks[1]!];
    const zip = await backupZip();
    // Here: talk a edited later than the backup; talk b older than the backup's copy; a new talk only here.
    await db.talks.update(a.id, { body: 'edited here, later', updated: '2026-02-01T11:00:00.000Z' });
    await db.talks.update(b.id, { body: 'stale here', updated: '2000-01-01T00:00:00.000Z' });
    await db.talks.add({ ...a, id: 'only-here', title: 'Only here' });
    await db.talks.delete(talks[2]!.id);

    const summary = await restoreFile(zip);
    expect(summary).toMatchObject({ mode: 'merge', added: 1, replaced: 1, keptInHistory: 2 });
    expect((await db.talks.get(a.id))!.body).toBe('edited here, later');
    expect((await db.talks.get(b.id))!.body).toBe(b.body);
    expect(await db.talks.get('only-here')).toBeTruthy();
    expect(await db.talks.get(talks[2]!.id)).toBeTruthy();
    const historyA = (await listVersions(a.id)).map((v) => (v.record as Talk).body);
    expect(historyA).toContain(a.body);
    expect((await listVersions(b.id)).map((v) => (v.record as Talk).body)).toContain('stale here');
  });

  it.each<[string, (zip: Uint8Array, data: BackupData) => Promise<Uint8Array>, RegExp]>([
    ['a truncated zip', async (zip) => zip.slice(0, zip.length - 100), /not a complete zip file: it may have been cut short/],
    ['a zip without backup.json', async () => makeZip([{ name: 'notes.md', data: enc.encode('# hi') }], MTIME), /not a Lectern backup: it has no backup\.json/],
    [
      'a newer format version',
      async (_, data) => makeZip(rewriteManifest(data, (m) => ({ ...m, version: BACKUP_VERSION + 1 })), MTIME),
      /made by a newer version of Lectern \(backup format 2; this app reads up to 1\)/,
    ],
    ['a wrong format version', async (_, data) => makeZip(rewriteManifest(data, (m) => ({ ...m, version: 'one' })), MTIME), /unknown backup format version \("one"\)/],
    ['another kind of JSON', async (_, data) => makeZip(rewriteManifest(data, (m) => ({ ...m, format: 'other-app' })), MTIME), /is not a Lectern backup\./],
    ['a talk without its fields', async (_, data) => makeZip(rewriteManifest(data, (m) => ({ ...m, talks: [{ id: 'x' }] })), MTIME), /entry 1 of its talks is incomplete/],
    ['a missing photo', async (_, data) => makeZip(backupEntries(data).filter((e) => !e.name.startsWith('blobs/')), MTIME), /is missing the photo blobs\/[0-9a-f]{64}\.jpg/],
    [
      'a photo whose bytes changed',
      async (_, data) => makeZip(backupEntries(data).map((e) => (e.name.startsWith('blobs/') ? { ...e, data: enc.encode('tampered') } : e)), MTIME),
      /the photo blobs\/.* does not match its fingerprint/,
    ],
  ])('refuses %s with a clear message and changes nothing', async (_, make, message) => {
    await seedWithRealHash();
    const data = await collectBackup('0.1.0');
    const bad = await make(await makeZip(backupEntries(data), MTIME), data);
    await db.talks.clear();
    await db.talks.add({ ...data.talks[0]!, body: 'the only note here' });
    const before = await snapshot();
    await expect(restoreFile(bad, 'lectern-backup.zip')).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing when a write fails halfway (one transaction)', async () => {
    await seedWithRealHash();
    const data = await collectBackup('0.1.0');
    await resetDb();
    // Two talks with one id: the second add fails after the conferences were already written.
    const broken = { ...data, talks: [...data.talks, data.talks[0]!] };
    await expect(restoreBackup(broken)).rejects.toThrow();
    expect(await db.conferences.count()).toBe(0);
    expect(await db.talks.count()).toBe(0);
  });
});

function rewriteManifest(data: BackupData, change: (m: Record<string, unknown>) => Record<string, unknown>): ReturnType<typeof backupEntries> {
  return backupEntries(data).map((e) =>
    e.name === MANIFEST ? { ...e, data: enc.encode(JSON.stringify(change(JSON.parse(new TextDecoder().decode(e.data))))) } : e,
  );
}

/** The conference's export as a zip, through the same functions the export screen uses. */
async function conferenceZip(perTalk = false): Promise<{ files: Map<string, string>; bytes: Uint8Array }> {
  const src = (await loadConferenceExport(LCA.id))!;
  const out = exportConference(src.conference, src.talks, { flavour: 'hugo', markers: true, leaveOutEmpty: false, perTalk, photoTypes: src.photoTypes });
  const zip = await buildExportZip(out.files, out.photos, loadPhotoBytes, MTIME);
  expect(zip.missing).toEqual([]);
  expect(zip.blob.type).toBe('application/zip');
  const bytes = new Uint8Array(await zip.blob.arrayBuffer());
  const files = new Map([...(await readZip(bytes, 'x.zip'))].map(([k, v]) => [k, k.endsWith('.md') ? new TextDecoder().decode(v) : String(v.length)]));
  return { files, bytes };
}

describe('Markdown import', () => {
  it.each([false, true])('round-trips a conference zip (one file per talk: %s): import into a fresh database, export again, identical', async (perTalk) => {
    await seedWithRealHash();
    const first = await conferenceZip(perTalk);
    await resetDb();
    const summary = await importMarkdownFile('lca.zip', first.bytes);
    expect(summary).toMatchObject({ conferences: 1, talks: realisticConference().talks.length - 1, photos: 1 });
    const again = await conferenceZip(perTalk);
    expect(again.files).toEqual(first.files);
    const conf = await db.conferences.get(LCA.id);
    expect(conf?.body).toBe(LCA.body.trimEnd());
  });

  it('brings a talk back with its fields from a single talk file', async () => {
    await seedWithRealHash();
    const src = (await loadConferenceExport(LCA.id))!;
    const original = src.talks.find((t) => t.links.length)!;
    const file = exportTalk(original, src.conference, { flavour: 'jekyll', markers: true, photoTypes: src.photoTypes });
    await resetDb();
    await importMarkdownFile(file.name, enc.encode(file.text));
    const back = (await db.talks.get(original.id))!;
    const pick = ({ title, speakers, starts, ends, day, room, track, links, tags, starred, kind, conferenceId, body }: Talk) => ({
      title, speakers, starts, ends, day, room, track, links, tags, starred, kind, conferenceId, body: body.trimEnd(),
    });
    expect(pick(back)).toEqual(pick(original));
  });

  it('updates a talk that is already here, keeping the text it replaces in history', async () => {
    await seedWithRealHash();
    const src = (await loadConferenceExport(LCA.id))!;
    const t = src.talks[1]!;
    const file = exportTalk({ ...t, body: 'from the file\n' }, src.conference, { flavour: 'none', markers: true, photoTypes: src.photoTypes });
    const summary = await importMarkdownFile(file.name, enc.encode(file.text));
    expect(summary).toMatchObject({ updated: 1, talks: 0 });
    expect((await db.talks.get(t.id))!.body).toBe('from the file');
    expect((await listVersions(t.id)).map((v) => (v.record as Talk).body)).toContain(t.body);
  });

  it.each([
    ['2016-06-01-post-pycon_jekyll.md', 'Post Pycon'],
    ['2024-02-05-surviving-fosdem-24_hugo-bundle.md', "Surviving FOSDEM '24"],
    ['2014-10-02-nordicjs-2014_swedish.md', 'Nordic.JS, 18-19 september 2014'],
    ['2025-12-04-research-software-engineering-day_jekyll.md', 'Research Software Engineering Day 2025'],
  ])('imports a blog post from elsewhere (%s) as a free note in the Inbox', async (name, title) => {
    const bytes = readFileSync(new URL(name, NOTES));
    const summary = await importMarkdownFile(name, bytes);
    expect(summary).toMatchObject({ notes: 1, talks: 0 });
    const [note] = await db.talks.toArray();
    expect(note).toMatchObject({ kind: 'note', conferenceId: INBOX_ID, title });
    expect(note!.body).not.toMatch(/^---/);
    expect(note!.body).not.toContain('\r');
  });

  it.each<[string, () => Promise<[string, Uint8Array]>, RegExp]>([
    ['a photo', async () => ['slide.jpg', PHOTO_BYTES], /“slide\.jpg” is not a Markdown file/],
    ['a binary file named .md', async () => ['notes.md', new Uint8Array([0x41, 0, 0x42])], /“notes\.md” is not a Markdown file/],
    ['text that is not UTF-8', async () => ['notes.md', new Uint8Array([0x41, 0xff, 0xfe, 0x42])], /“notes\.md” is not a Markdown file/],
    ['a truncated zip', async () => ['lca.zip', (await conferenceZip()).bytes.slice(0, 200)], /“lca\.zip” is not a complete zip file/],
    [
      'a day file whose photo is not here',
      async () => {
        const src = (await loadConferenceExport(LCA.id))!;
        const day = exportDay(src.conference, src.talks, '2015-01-12', { flavour: 'none', markers: true, leaveOutEmpty: false, photoTypes: src.photoTypes });
        await db.blobs.clear();
        return [day.name, enc.encode(day.text)];
      },
      /The note “Note at 09:05” shows a photo that is not in the file \(attachments\/[0-9a-f]{64}…\)/,
    ],
    [
      'a damaged marker',
      async () => ['day.md', enc.encode('# Day\n\n<!-- lectern:talk {"id":"x","kind":"talk"} -->\n\n## X\n')],
      /“day\.md”, line 3: the talk's Lectern marker has bad title, speakers/,
    ],
    ['a zip with nothing to import', async () => ['empty.zip', await makeZip([{ name: 'a.pdf', data: enc.encode('%PDF') }], MTIME)], /“empty\.zip” holds nothing to import/],
  ])('refuses %s with a clear message and changes nothing', async (_, make, message) => {
    await seedWithRealHash();
    const [name, bytes] = await make();
    const before = await snapshot();
    await expect(importMarkdownFile(name, bytes)).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
  });
});

describe('makeZipBlob', () => {
  it('makes the same bytes as makeZip, copying at most about 1 MB into any one Blob', async () => {
    const big = new Uint8Array(3 * 1024 * 1024 + 123).map((_, i) => (i * 2_654_435_761) >>> 24);
    const entries = [
      { name: 'notes.md', data: enc.encode('# Day 1\n\n'.repeat(20_000)) },
      { name: 'attachments/a.jpg', data: big, store: true },
    ];
    const copied: number[] = [];
    const RealBlob = globalThis.Blob;
    class CountingBlob extends RealBlob {
      constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
        super(parts, options);
        copied.push((parts ?? []).reduce((n, p) => n + (p instanceof Uint8Array ? p.byteLength : 0), 0));
      }
    }
    vi.stubGlobal('Blob', CountingBlob);
    let blob: Blob;
    try {
      blob = await makeZipBlob(entries, MTIME);
    } finally {
      vi.unstubAllGlobals();
    }
    // Buffer.equals: toEqual walks megabytes element by element.
    expect(Buffer.from(await blob.arrayBuffer()).equals(Buffer.from(await makeZip(entries, MTIME)))).toBe(true);
    expect(blob.type).toBe('application/zip');
    expect(copied.filter((n) => n > 0).length).toBeGreaterThan(2);
    expect(Math.max(...copied)).toBeLessThanOrEqual(1024 * 1024 + 256 * 1024 + 1024);
  });
});
