/** Export a talk, a day or a conference as Markdown: choose the shape, preview it, then download, copy or share. */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { loadConferenceExport, loadPhotoBytes, loadTalkExport, type ExportSource } from '../../db/export-data';
import { describeStorageError } from '../../db/errors';
import { exportConference, photosOf, type PhotoFile } from '../../markdown/export-conference';
import { defaultDayTitle, exportDay } from '../../markdown/export-day';
import { exportTalk, type ExportedFile } from '../../markdown/export-talk';
import type { Flavour } from '../../markdown/front-matter';
import { slugify } from '../../markdown/slug';
import { routes } from '../../app/routes';
import { useTitle } from '../../app/use-title';
import { NotFound } from '../components/not-found';
import { canShare, copyToClipboard, downloadFile, shareExport } from '../components/export-deliver';
import { ExportProgress, useSlowTask } from '../components/export-progress';

type Scope = { kind: 'talk'; id: string } | { kind: 'day'; id: string; day: string } | { kind: 'conference'; id: string };

export function ExportTalkScreen(): JSX.Element {
  return <ExportScreen scope={{ kind: 'talk', id: useRoute().params.id! }} />;
}

export function ExportDayScreen(): JSX.Element {
  const { params } = useRoute();
  return <ExportScreen scope={{ kind: 'day', id: params.id!, day: params.day! }} />;
}

export function ExportConferenceScreen(): JSX.Element {
  return <ExportScreen scope={{ kind: 'conference', id: useRoute().params.id! }} />;
}

function ExportScreen({ scope }: { scope: Scope }): JSX.Element {
  const [source, setSource] = useState<ExportSource | null | undefined>(undefined);
  const [failure, setFailure] = useState('');
  useTitle('Export');
  useEffect(() => {
    // A snapshot, not a live query: the preview must not change under the person while they export it.
    (scope.kind === 'talk' ? loadTalkExport(scope.id) : loadConferenceExport(scope.id)).then(setSource, (err: unknown) => setFailure(describeStorageError(err)));
  }, [scope.kind, scope.id]);
  if (failure) return <p role="alert" class="error-box">{failure}</p>;
  if (source === undefined) return <p class="muted" aria-busy="true">Loading…</p>;
  if (source === null || (scope.kind === 'talk' && !source.talks[0])) return <NotFound what={scope.kind === 'talk' ? 'talk' : 'conference'} />;
  return <ExportForm scope={scope} source={source} />;
}

const FLAVOURS: Array<{ value: Flavour; label: string; hint: string }> = [
  { value: 'none', label: 'Plain Markdown', hint: 'No front matter; the title is a heading.' },
  { value: 'hugo', label: 'Hugo', hint: 'YAML front matter: title, date, tags, conference.' },
  { value: 'jekyll', label: 'Jekyll', hint: 'YAML with layout and date; file named YYYY-MM-DD-title.md.' },
];

interface Built {
  /** The one Markdown file of a talk or day; null for a conference, which is always a zip. */
  single: ExportedFile | null;
  files: ExportedFile[];
  photos: PhotoFile[];
  zipName: string;
  heading: string;
}

/** The User Timing measure around each export the screen makes (for the bench). */
export const EXPORT_MEASURE = 'lectern:export';

interface Choices {
  flavour: Flavour;
  markers: boolean;
  leaveOutEmpty: boolean;
  perTalk: boolean;
  title: string;
}

/** The export the screen previews and delivers, for the chosen scope and options. */
function buildExport(scope: Scope, { conference: c, talks, photoTypes }: ExportSource, ch: Choices): Built {
  const o = { flavour: ch.flavour, markers: ch.markers, photoTypes };
  if (scope.kind === 'talk') {
    const file = exportTalk(talks[0]!, c, o);
    return { single: file, files: [file], photos: photosOf(talks, photoTypes), zipName: file.name.replace(/\.md$/, '.zip'), heading: `Export “${talks[0]!.title}”` };
  }
  if (scope.kind === 'day') {
    const day = exportDay(c, talks, scope.day, { ...o, title: ch.title, leaveOutEmpty: ch.leaveOutEmpty });
    const file = { name: day.name, text: day.text };
    return { single: file, files: [file], photos: photosOf(day.talks, photoTypes), zipName: day.name.replace(/\.md$/, '.zip'), heading: `Export ${defaultDayTitle(c, scope.day)}` };
  }
  const out = exportConference(c, talks, { ...o, leaveOutEmpty: ch.leaveOutEmpty, perTalk: ch.perTalk });
  return { single: null, files: out.files, photos: out.photos, zipName: `${slugify(c.name)}.zip`, heading: `Export ${c.name}` };
}

function ExportForm({ scope, source }: { scope: Scope; source: ExportSource }): JSX.Element {
  const { conference: c, talks } = source;
  const [flavour, setFlavour] = useState<Flavour>('none');
  const [markers, setMarkers] = useState(true);
  const [leaveOutEmpty, setLeaveOutEmpty] = useState(false);
  const [perTalk, setPerTalk] = useState(false);
  const [title, setTitle] = useState(scope.kind === 'day' ? defaultDayTitle(c, scope.day) : '');
  const [shown, setShown] = useState(0);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const task = useSlowTask();

  const built = useMemo((): Built => {
    const started = performance.now();
    const made = buildExport(scope, source, { flavour, markers, leaveOutEmpty, perTalk, title });
    // The bench reads this measure: the export itself, in the app's own chunk, without rendering the preview.
    performance.measure(EXPORT_MEASURE, { start: started });
    return made;
  }, [flavour, markers, leaveOutEmpty, perTalk, title, scope, source]);
  const preview = built.files[Math.min(shown, built.files.length - 1)]!;

  const act = async (work: () => Promise<string>): Promise<void> => {
    setMessage(null);
    try {
      setMessage({ text: await work(), error: false });
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    }
  };

  const zip = (): Promise<{ blob: Blob; note: string }> =>
    task.run('Building the zip', async (onProgress) => {
      const { buildExportZip } = await import('../../backup/export-zip');
      const made = await buildExportZip(built.files, built.photos, loadPhotoBytes, new Date(), onProgress);
      const n = made.missing.length;
      const note = n ? ` ${n} ${n === 1 ? 'photo is' : 'photos are'} not stored on this device and ${n === 1 ? 'was' : 'were'} left out.` : '';
      return { blob: made.blob, note };
    });

  const markdownBlob = (f: ExportedFile): Blob => new Blob([f.text], { type: 'text/markdown;charset=utf-8' });
  const back = scope.kind === 'talk' ? routes.talk(scope.id) : scope.kind === 'day' ? routes.day(c.id, scope.day) : routes.conference(c.id);

  return (
    <section class="screen export">
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href={back}>{scope.kind === 'talk' ? talks[0]!.title : c.name}</a>
      </nav>
      <h1>{built.heading}</h1>
      <fieldset>
        <legend>Front matter</legend>
        <div class="choices">
          {FLAVOURS.map((f) => (
            <label key={f.value} class="choice">
              <input type="radio" name="flavour" value={f.value} checked={flavour === f.value} onChange={() => setFlavour(f.value)} />
              <span>
                {f.label} <span class="muted">{f.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {scope.kind === 'day' && (
        <div class="field">
          <label for="export-title">Title</label>
          <input id="export-title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} autoComplete="off" />
        </div>
      )}
      {scope.kind === 'conference' && (
        <fieldset>
          <legend>Files</legend>
          <div class="choices">
            <label class="choice">
              <input type="radio" name="per" checked={!perTalk} onChange={() => setPerTalk(false)} /> One file per day
            </label>
            <label class="choice">
              <input type="radio" name="per" checked={perTalk} onChange={() => setPerTalk(true)} /> One file per talk
            </label>
          </div>
        </fieldset>
      )}
      {scope.kind !== 'talk' && (
        <label class="choice">
          <input type="checkbox" checked={leaveOutEmpty} onChange={(e) => setLeaveOutEmpty(e.currentTarget.checked)} /> Leave out talks with no notes
        </label>
      )}
      <label class="choice">
        <input type="checkbox" checked={markers} onChange={(e) => setMarkers(e.currentTarget.checked)} /> Lectern markers, so the file can be imported back
        with every field (invisible comments)
      </label>
      {scope.kind !== 'talk' && talks.some((t) => t.private) && <p class="muted">Talks you keep private are left out.</p>}

      <h2>Preview</h2>
      {built.single === null && (
        <div class="field">
          <label for="export-file">File</label>
          <select id="export-file" value={String(Math.min(shown, built.files.length - 1))} onChange={(e) => setShown(Number(e.currentTarget.value))}>
            {built.files.map((f, i) => (
              <option key={f.name} value={String(i)}>
                {f.name}
              </option>
            ))}
          </select>
          <p class="field__hint">
            {built.files.length} Markdown {built.files.length === 1 ? 'file' : 'files'} and {built.photos.length}{' '}
            {built.photos.length === 1 ? 'photo' : 'photos'} in {built.zipName}
          </p>
        </div>
      )}
      {built.single && <p class="muted">{preview.name}</p>}
      <pre class="export__preview" tabIndex={0} aria-label={`Preview of ${preview.name}`}>
        {preview.text}
      </pre>

      <ExportProgress task={task} />
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error-box' : 'export__done'}>
          {message.text}
        </p>
      )}
      <div class="actions export__actions">
        {built.single ? (
          <>
            <button type="button" class="button button--primary" disabled={task.busy} onClick={() => act(async () => (downloadFile(built.single!.name, markdownBlob(built.single!)), `Downloaded ${built.single!.name}.`))}>
              Download .md
            </button>
            <button type="button" class="button" disabled={task.busy} onClick={() => act(async () => (await copyToClipboard(built.single!.text), 'Copied the Markdown to the clipboard.'))}>
              Copy Markdown
            </button>
            {built.photos.length > 0 && (
              <button type="button" class="button" disabled={task.busy} onClick={() => act(async () => {
                const z = await zip();
                downloadFile(built.zipName, z.blob);
                return `Downloaded ${built.zipName} with the photos.${z.note}`;
              })}>
                Download .zip with photos
              </button>
            )}
          </>
        ) : (
          <button type="button" class="button button--primary" disabled={task.busy} onClick={() => act(async () => {
            const z = await zip();
            downloadFile(built.zipName, z.blob);
            return `Downloaded ${built.zipName}.${z.note}`;
          })}>
            Download .zip
          </button>
        )}
        {canShare() && (
          <button type="button" class="button" disabled={task.busy} onClick={() => act(async () => {
            const single = built.single;
            const file = single && built.photos.length === 0
              ? new File([single.text], single.name, { type: 'text/markdown' })
              : new File([(await zip()).blob], built.zipName, { type: 'application/zip' });
            const outcome = await shareExport(file, single ? (scope.kind === 'day' ? title : talks[0]!.title) : c.name, single?.text ?? null);
            return outcome === 'cancelled' ? 'Sharing was cancelled.' : outcome === 'shared-file' ? `Shared ${file.name}.` : 'Shared the Markdown as text.';
          })}>
            Share…
          </button>
        )}
      </div>
    </section>
  );
}
