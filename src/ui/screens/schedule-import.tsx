/** Import a schedule from a file or a URL: read it, preview it, then store it in a new or chosen conference. */
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { describeStorageError } from '../../db/errors';
import { useLiveQuery } from '../../db/live';
import { importSchedule, listImportTargets, type ImportSummary } from '../../db/schedule-import';
import { nowIso } from '../../model/ids';
import { deviceTimeZone, formatDateSpan, isValidTimeZone, listTimeZones } from '../../model/time';
import type { ScheduleSource } from '../../model/types';
import { fetchSchedule } from '../../schedule/fetch-schedule';
import { placeSchedule } from '../../schedule/place';
import { readSchedule } from '../../schedule/read-schedule';
import { FORMAT_NAMES, ScheduleError, type Schedule } from '../../schedule/types';
import { routes } from '../../app/routes';
import { useTitle } from '../../app/use-title';
import { LiveView } from '../components/live-view';
import { TextField } from '../components/field';

type Target = Awaited<ReturnType<typeof listImportTargets>>[number];

interface Loaded {
  schedule: Schedule;
  /** Where it came from, remembered on the conference for re-import. */
  origin: { fileName: string } | { url: string; etag?: string };
}

type Phase =
  | { step: 'choose'; error?: string }
  | { step: 'reading'; what: string }
  | { step: 'preview'; loaded: Loaded }
  | { step: 'done'; summary: ImportSummary; name: string };

const NEW = '';

/** The bytes of a picked or dropped file. */
async function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

function message(err: unknown): string {
  if (err instanceof ScheduleError) return err.message;
  return err instanceof Error && err.message ? err.message : String(err);
}

export function ScheduleImport(): JSX.Element {
  const { params } = useRoute();
  useTitle('Import schedule');
  const targets = useLiveQuery(listImportTargets, []);
  return (
    <section class="screen schedule-import">
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href={params.id ? routes.conference(params.id) : routes.home}>{params.id ? 'Conference' : 'Conferences'}</a>
      </nav>
      <h1>Import schedule</h1>
      <LiveView result={targets}>{(list) => <ImportFlow targets={list} preselected={params.id ?? NEW} />}</LiveView>
    </section>
  );
}

function ImportFlow({ targets, preselected }: { targets: Target[]; preselected: string }): JSX.Element {
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [url, setUrl] = useState('');
  const [dragging, setDragging] = useState(false);
  const remembered = targets.find((t) => t.id === preselected)?.schedule?.url;

  const load = async (what: string, get: () => Promise<Omit<Loaded, 'schedule'> & { bytes: Uint8Array }>): Promise<void> => {
    setPhase({ step: 'reading', what });
    try {
      const { bytes, origin } = await get();
      setPhase({ step: 'preview', loaded: { schedule: await readSchedule(bytes), origin } });
    } catch (err) {
      setPhase({ step: 'choose', error: message(err) });
    }
  };
  const loadFile = (file: File | undefined): void => {
    if (file) void load(`Reading ${file.name}…`, async () => ({ bytes: await fileBytes(file), origin: { fileName: file.name } }));
  };
  const loadUrl = (address: string): void => {
    void load(`Fetching ${address}…`, async () => {
      const r = await fetchSchedule(address);
      return { bytes: r.bytes, origin: r.etag ? { url: r.url, etag: r.etag } : { url: r.url } };
    });
  };

  if (phase.step === 'reading')
    return (
      <div role="status" class="import-progress">
        <p>{phase.what}</p>
        <progress aria-label="Reading the schedule" />
      </div>
    );
  if (phase.step === 'preview')
    return <Preview loaded={phase.loaded} targets={targets} preselected={preselected} onCancel={() => setPhase({ step: 'choose' })} onDone={(summary, name) => setPhase({ step: 'done', summary, name })} />;
  if (phase.step === 'done') return <Done summary={phase.summary} name={phase.name} />;

  return (
    <>
      <p class="muted">
        iCalendar (.ics), Pentabarf/frab XML, frab/pretalx JSON or Sessionize "All" JSON. Nothing is stored until you confirm the preview. Re-importing
        updates the talks and never touches your notes.
      </p>
      {phase.error && (
        <p role="alert" class="error-box">
          {phase.error}
        </p>
      )}
      <div
        class={dragging ? 'drop-zone drop-zone--over' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          loadFile(e.dataTransfer?.files[0]);
        }}
      >
        <label for="schedule-file">Schedule file</label>
        <input id="schedule-file" type="file" accept=".ics,.ical,.xml,.json,text/calendar,application/xml,text/xml,application/json" onChange={(e) => loadFile(e.currentTarget.files?.[0])} />
        <p class="field__hint">or drop the file here</p>
      </div>
      <form
        class="import-url"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) loadUrl(url.trim());
        }}
      >
        <TextField id="schedule-url" label="Or the schedule's address" type="url" inputMode="url" value={url} onValue={setUrl} placeholder="https://…/schedule.xml" />
        <button type="submit" class="button" disabled={!url.trim()}>
          Fetch
        </button>
      </form>
      {remembered && (
        <p class="actions">
          <button type="button" class="button button--primary" onClick={() => loadUrl(remembered)}>
            Fetch again from {remembered.replace(/^https?:\/\//, '')}
          </button>
        </p>
      )}
    </>
  );
}

function Preview(props: {
  loaded: Loaded;
  targets: Target[];
  preselected: string;
  onCancel: () => void;
  onDone: (s: ImportSummary, name: string) => void;
}): JSX.Element {
  const { schedule: s, origin } = props.loaded;
  const [target, setTarget] = useState(props.targets.some((t) => t.id === props.preselected) ? props.preselected : NEW);
  const chosen = props.targets.find((t) => t.id === target);
  const fallbackName = 'fileName' in origin ? origin.fileName.replace(/\.[^.]+$/, '') : '';
  const [name, setName] = useState(s.title || fallbackName);
  const [zone, setZone] = useState(s.timeZone || deviceTimeZone());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const effectiveZone = chosen ? chosen.timeZone : isValidTimeZone(zone) ? zone : deviceTimeZone();
  const placed = useMemo(() => placeSchedule(s, effectiveZone), [s, effectiveZone]);
  const zoneError = !chosen && !isValidTimeZone(zone) ? 'Choose a time zone from the list, e.g. Europe/Brussels.' : undefined;
  const nameError = !chosen && !name.trim() ? 'Give the conference a name.' : undefined;

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (zoneError || nameError || busy) return;
    setBusy(true);
    setError('');
    const source: ScheduleSource = { format: s.format, fetched: nowIso(), ...origin };
    try {
      const summary = await importSchedule({
        ...(chosen
          ? { conferenceId: chosen.id }
          : {
              newConference: { name, place: '', timeZone: zone, startDate: placed.startDate, endDate: placed.endDate, url: s.url },
            }),
        sourceKey: `${s.format}:${s.sourceId}`,
        source,
        talks: placed.talks,
      });
      props.onDone(summary, chosen ? chosen.name : name.trim());
    } catch (err) {
      setError(describeStorageError(err));
      setBusy(false);
    }
  };

  return (
    <form class="import-preview" onSubmit={(e) => void submit(e)} noValidate>
      <h2>Preview</h2>
      <dl class="talk__details" aria-label="What the file holds">
        <dt>Format</dt>
        <dd>{FORMAT_NAMES[s.format]}</dd>
        {s.title && (
          <>
            <dt>Conference</dt>
            <dd>{s.title}</dd>
          </>
        )}
        <dt>Dates</dt>
        <dd>{placed.startDate ? formatDateSpan(placed.startDate, placed.endDate) : 'None given'}</dd>
        <dt>Contents</dt>
        <dd>
          {count(placed.talks.length, 'talk')} · {count(placed.days, 'day')} · {count(placed.rooms, 'room')}
        </dd>
      </dl>
      {placed.warnings.length > 0 && (
        <div class="import-warnings">
          <h3>Warnings</h3>
          <ul>
            {placed.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="field">
        <label for="import-target">Import into</label>
        <select id="import-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
          <option value={NEW}>A new conference</option>
          {props.targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {chosen ? (
        <p class="muted">Times are read in {chosen.timeZone}, the conference's time zone. Talks already imported from this schedule are updated; your notes stay as they are.</p>
      ) : (
        <>
          <TextField id="import-name" label="Conference name" value={name} error={nameError} onValue={setName} />
          <TextField
            id="import-zone"
            label="Time zone"
            value={zone}
            error={zoneError}
            onValue={setZone}
            list="import-zones"
            autoComplete="off"
            spellcheck={false}
            hint={
              s.timeZone
                ? `The file says ${s.timeZone}.`
                : placed.zoneMatters
                  ? 'The file names no time zone: its times are read as the venue time in the zone you choose.'
                  : 'The file names no time zone; its times are exact, and are shown in the zone you choose.'
            }
          />
          <datalist id="import-zones">
            {listTimeZones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>
      )}
      {error && (
        <p role="alert" class="error-box">
          {error}
        </p>
      )}
      {busy && (
        <div role="status" class="import-progress">
          <p>Storing {count(placed.talks.length, 'talk')}…</p>
          <progress aria-label="Storing the talks" />
        </div>
      )}
      <p class="actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Import {count(placed.talks.length, 'talk')}
        </button>
        <button type="button" class="button" onClick={props.onCancel} disabled={busy}>
          Choose another file
        </button>
      </p>
    </form>
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function Done({ summary: s, name }: { summary: ImportSummary; name: string }): JSX.Element {
  const parts = [
    s.added && `${count(s.added, 'talk')} added`,
    s.updated && `${s.updated} updated`,
    s.moved && `${s.moved} moved`,
    s.cancelled && `${s.cancelled} cancelled`,
    s.unchanged && `${s.unchanged} unchanged`,
  ].filter(Boolean);
  return (
    <div role="status" class="import-done">
      <p>
        Imported into {name}: {parts.length ? parts.join(', ') : 'nothing to change'}.
      </p>
      <p class="actions">
        <a class="button button--primary" href={routes.conference(s.conferenceId)}>
          Open {name}
        </a>
      </p>
    </div>
  );
}
