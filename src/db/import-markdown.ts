/** Markdown import: Lectern's own exports come back as conferences and talks, other Markdown as free notes; one transaction. */
import type { Conference, Talk } from '../model/types';
import { nowIso } from '../model/ids';
import { newTalk } from '../model/records';
import { INBOX_ID } from '../model/inbox';
import { ImportError, planImport, type ImportPlan } from '../markdown/parse-export';
import { looksLikeZip, readZip, type Progress } from '../backup/zip';
import { quoteForMessage } from '../model/quote';
import { keepInHistory } from './backup';
import { db } from './database';
import { trackWrite } from './pending';

export interface ImportSummary {
  conferences: number;
  talks: number;
  /** Talks that were already here and whose text or fields the import changed (the old text is in history). */
  updated: number;
  notes: number;
  photos: number;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Writes an import plan. Photos the talks show must be in the plan or already stored, or nothing is written. */
export function applyImport(plan: ImportPlan): Promise<ImportSummary> {
  return trackWrite(() =>
    db.transaction('rw', [db.conferences, db.talks, db.blobs, db.versions], async () => {
      const now = nowIso();
      const sum: ImportSummary = { conferences: 0, talks: 0, updated: 0, notes: 0, photos: 0 };
      for (const [sha, where] of plan.needed) {
        if (plan.photos.has(sha) || (await db.blobs.get(sha))) continue;
        throw new ImportError(`The note “${quoteForMessage(where.talk)}” shows a photo that is not in the file (${where.path}…). Import the zip exported with it. Nothing was changed.`);
      }
      for (const { fields, body } of plan.conferences.values()) {
        if (fields.id === INBOX_ID) continue;
        const here = await db.conferences.get(fields.id);
        if (!here) {
          await db.conferences.add({ ...fields, body: body ?? '', created: now, updated: now, localRev: 1, deletedAt: null });
          sum.conferences++;
          continue;
        }
        const next: Conference = { ...here, ...fields, body: body ?? here.body, deletedAt: null };
        if (sameJson({ ...here, deletedAt: null }, next)) continue;
        await keepInHistory('conferences', here);
        await db.conferences.put({ ...next, updated: now, localRev: here.localRev + 1 });
      }
      for (const t of plan.talks) {
        const { photos, ...fields } = t.fields;
        const here = await db.talks.get(fields.id);
        const conferenceId = t.conferenceId || here?.conferenceId || INBOX_ID;
        if (!here) {
          await db.talks.add({ ...fields, conferenceId, attachments: photos, body: t.body, created: now, updated: now, localRev: 1, deletedAt: null });
          sum.talks++;
          continue;
        }
        const next: Talk = { ...here, ...fields, conferenceId, attachments: photos, body: t.body, deletedAt: null };
        if (!fields.private) delete next.private;
        if (sameJson({ ...here, deletedAt: null }, next)) continue;
        // The import wins, as the person chose it; what was here stays in the note's history.
        await keepInHistory('talks', here);
        await db.talks.put({ ...next, updated: now, localRev: here.localRev + 1 });
        sum.updated++;
      }
      for (const n of plan.notes) {
        const talk = newTalk(INBOX_ID, 'note', { title: n.title, body: n.body, tags: n.tags }, now);
        await db.talks.add(talk);
        sum.notes++;
      }
      for (const [sha, p] of plan.photos) {
        if (await db.blobs.get(sha)) continue;
        await db.blobs.add({ sha256: sha, type: p.type, size: p.bytes.length, blob: new Blob([p.bytes as Uint8Array<ArrayBuffer>], { type: p.type }) });
        sum.photos++;
      }
      return sum;
    }),
  );
}

/** Imports one chosen file: a .md, or a zip of Lectern's Markdown export. */
export async function importMarkdownFile(name: string, bytes: Uint8Array, onProgress?: Progress): Promise<ImportSummary> {
  const zip = /\.zip$/i.test(name) || looksLikeZip(bytes);
  const files = zip ? await readZip(bytes, name, onProgress) : new Map([[name, bytes]]);
  return applyImport(await planImport(files, zip ? name : null));
}
