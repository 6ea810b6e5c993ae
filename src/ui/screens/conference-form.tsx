/** Create or edit a conference. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { createConference, getConference, trashConference, updateConference } from '../../db/conferences';
import { describeStorageError } from '../../db/errors';
import type { ConferenceDraft } from '../../model/types';
import { deviceTimeZone, listTimeZones } from '../../model/time';
import { isValid, validateConference, type FieldErrors } from '../../model/validate';
import { routes } from '../../app/routes';
import { useTitle } from '../../app/use-title';
import { TextField } from '../components/field';
import { FormFooter } from '../components/form-footer';
import { NotFound } from '../components/not-found';

const blank = (): ConferenceDraft => ({
  name: '',
  place: '',
  timeZone: deviceTimeZone(),
  startDate: '',
  endDate: '',
  url: '',
});

export function ConferenceForm(): JSX.Element {
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id;
  const [draft, setDraft] = useState<ConferenceDraft | null | undefined>(id ? undefined : blank());
  const [errors, setErrors] = useState<FieldErrors<keyof ConferenceDraft>>({});
  const [failure, setFailure] = useState('');
  useTitle(id ? 'Edit conference' : 'New conference');

  useEffect(() => {
    if (!id) return;
    getConference(id).then(
      (c) => setDraft(c && c.deletedAt === null ? { name: c.name, place: c.place, timeZone: c.timeZone, startDate: c.startDate, endDate: c.endDate, url: c.url } : null),
      (err: unknown) => setFailure(describeStorageError(err)),
    );
  }, [id]);

  if (draft === null) return <NotFound what="conference" />;
  if (draft === undefined) return <p class="muted">{failure || 'Loading…'}</p>;

  const set = <K extends keyof ConferenceDraft>(key: K) => (value: ConferenceDraft[K]) => {
    const next = { ...draft, [key]: value };
    // When the first day is set and the last is empty or earlier, a one-day conference is the likely answer.
    if (key === 'startDate' && typeof value === 'string' && (!draft.endDate || draft.endDate < value)) next.endDate = value;
    setDraft(next);
    if (errors[key]) setErrors({ ...errors, [key]: undefined });
  };

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const found = validateConference(draft);
    setErrors(found);
    if (!isValid(found)) {
      const first = Object.keys(found)[0];
      document.getElementById(`conf-${first}`)?.focus();
      return;
    }
    try {
      const saved = id ? (await updateConference(id, draft), id) : await createConference(draft);
      route(routes.conference(saved));
    } catch (err) {
      setFailure(describeStorageError(err));
    }
  };

  const remove = async (): Promise<void> => {
    if (!id) return;
    try {
      await trashConference(id);
      route(routes.home);
    } catch (err) {
      setFailure(describeStorageError(err));
    }
  };

  return (
    <section class="screen">
      <h1>{id ? 'Edit conference' : 'New conference'}</h1>
      <form onSubmit={submit} noValidate>
        <TextField id="conf-name" label="Name" value={draft.name} error={errors.name} onValue={set('name')} autoComplete="off" required />
        <TextField id="conf-place" label="Place" value={draft.place} onValue={set('place')} autoComplete="off" hint="City or venue" />
        <div class="field-row">
          <TextField id="conf-startDate" label="First day" type="date" value={draft.startDate} error={errors.startDate} onValue={set('startDate')} required />
          <TextField id="conf-endDate" label="Last day" type="date" value={draft.endDate} error={errors.endDate} onValue={set('endDate')} min={draft.startDate} required />
        </div>
        <TextField
          id="conf-timeZone"
          label="Time zone"
          value={draft.timeZone}
          error={errors.timeZone}
          onValue={set('timeZone')}
          list="time-zones"
          autoComplete="off"
          spellcheck={false}
          hint="The venue's zone: talk times are entered and shown in it. Type to search, e.g. Brussels."
        />
        <datalist id="time-zones">
          {listTimeZones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <TextField id="conf-url" label="Website" type="url" inputMode="url" value={draft.url} error={errors.url} onValue={set('url')} placeholder="https://" autoComplete="off" />
        <FormFooter
          failure={failure}
          submitLabel={id ? 'Save changes' : 'Add conference'}
          cancelHref={id ? routes.conference(id) : routes.home}
          onTrash={id ? remove : undefined}
        />
      </form>
    </section>
  );
}
