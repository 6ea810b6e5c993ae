/** Create or edit a talk's schedule details; the note itself is edited on the talk's page. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { getConferenceOrInbox, listConferences } from '../../db/conferences';
import { describeStorageError } from '../../db/errors';
import { createTalk, getTalk, trashTalk, updateTalk } from '../../db/talks';
import { draftToTalkFields, emptyTalkDraft, talkToDraft } from '../../model/talk-draft';
import { datesBetween, deviceTimeZone, formatDay } from '../../model/time';
import type { Conference, Link, Speaker, TalkDraft, TalkKind } from '../../model/types';
import { inboxConference } from '../../model/inbox';
import { isValid, validateTalk, type FieldErrors } from '../../model/validate';
import { routes } from '../../app/routes';
import { useTitle } from '../../app/use-title';
import { Field, TextField } from '../components/field';
import { FormFooter } from '../components/form-footer';
import { NotFound } from '../components/not-found';
import { PairListField } from '../components/pair-list-field';

interface Loaded {
  conference: Conference;
  talkId?: string;
  draft: TalkDraft;
  kind: TalkKind;
  /** Where an existing talk can be moved: every conference and the Inbox. */
  destinations: Conference[];
}

async function load(params: Record<string, string>): Promise<Loaded | null> {
  if (params.talkId) {
    const talk = await getTalk(params.talkId);
    const conference = talk && (await getConferenceOrInbox(talk.conferenceId));
    if (!talk || !conference || talk.deletedAt !== null) return null;
    const destinations = [...(await listConferences()), inboxConference(deviceTimeZone())];
    return { conference, talkId: talk.id, draft: talkToDraft(talk, conference.timeZone), kind: talk.kind, destinations };
  }
  const conference = await getConferenceOrInbox(params.id ?? '');
  if (!conference || conference.deletedAt !== null) return null;
  const only = conference.startDate === conference.endDate ? conference.startDate : '';
  return { conference, draft: emptyTalkDraft(only), kind: 'talk', destinations: [] };
}

export function TalkForm(): JSX.Element {
  const { params } = useRoute();
  const [loaded, setLoaded] = useState<Loaded | null | undefined>(undefined);
  const [failure, setFailure] = useState('');
  useTitle(params.talkId ? 'Edit talk' : 'New talk');
  useEffect(() => {
    load(params).then(setLoaded, (err: unknown) => setFailure(describeStorageError(err)));
  }, [params.id, params.talkId]);
  if (loaded === null) return <NotFound what="talk" />;
  if (loaded === undefined) return <p class="muted">{failure || 'Loading…'}</p>;
  return <TalkFormView {...loaded} />;
}

type Errors = FieldErrors<keyof TalkDraft | `link-${number}`>;

function TalkFormView({ conference: original, talkId, draft: initial, kind: initialKind, destinations }: Loaded): JSX.Element {
  const { route } = useLocation();
  const [draft, setDraft] = useState(initial);
  const [conference, setConference] = useState(original);
  const [kind, setKind] = useState(initialKind);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState('');
  const days = datesBetween(conference.startDate, conference.endDate);
  // A day left outside the conference's dates (after they were edited) stays visible, so validation can name it.
  const stray = draft.day && !days.includes(draft.day) ? draft.day : '';

  const set = <K extends keyof TalkDraft>(key: K) => (value: TalkDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const found = validateTalk(draft, conference);
    setErrors(found);
    if (!isValid(found)) {
      const first = Object.keys(found)[0]!;
      document.getElementById(first.startsWith('link-') ? `${first}-url` : `talk-${first}`)?.focus();
      return;
    }
    try {
      const fields = draftToTalkFields(draft, conference.timeZone);
      const id = talkId ? (await updateTalk(talkId, { ...fields, conferenceId: conference.id, kind }), talkId) : await createTalk(conference.id, fields);
      route(routes.talk(id), Boolean(talkId));
    } catch (err) {
      setFailure(describeStorageError(err));
    }
  };

  const remove = async (): Promise<void> => {
    if (!talkId) return;
    try {
      await trashTalk(talkId);
      route(routes.conference(conference.id));
    } catch (err) {
      setFailure(describeStorageError(err));
    }
  };

  const linkErrors: Record<number, string | undefined> = {};
  draft.links.forEach((_, i) => (linkErrors[i] = errors[`link-${i}`]));

  return (
    <section class="screen">
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href={routes.conference(conference.id)}>{conference.name}</a>
      </nav>
      <h1>{talkId ? 'Edit talk' : 'New talk'}</h1>
      <form onSubmit={submit} noValidate>
 {talkId && (
          <div class="field-row">
            <Field id="talk-conference" label="Conference">
              {(aria) => (
                <select
                  {...aria}
                  value={conference.id}
                  onChange={(e) => {
                    const next = destinations.find((c) => c.id === e.currentTarget.value) ?? original;
                    setConference(next);
                    // Days belong to a conference: a day the new one does not have is cleared, not kept hidden.
                    if (!datesBetween(next.startDate, next.endDate).includes(draft.day)) setDraft((d) => ({ ...d, day: '', startTime: '', endTime: '' }));
                  }}
                >
                  {destinations.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="talk-kind" label="Kind">
              {(aria) => (
                <select {...aria} value={kind} onChange={(e) => setKind(e.currentTarget.value as TalkKind)}>
                  <option value="talk">Talk</option>
                  <option value="note">Free note</option>
                </select>
              )}
            </Field>
          </div>
        )}
        <TextField id="talk-title" label="Title" value={draft.title} error={errors.title} onValue={set('title')} autoComplete="off" required />
        <PairListField<Speaker & Record<string, string>>
          legend="Speakers"
          idPrefix="speaker"
          rows={draft.speakers as Array<Speaker & Record<string, string>>}
          onChange={set('speakers')}
          empty={() => ({ name: '', affiliation: '' })}
          first={{ key: 'name', label: 'Name' }}
          second={{ key: 'affiliation', label: 'Affiliation' }}
          addLabel={draft.speakers.length ? 'Add another speaker' : 'Add speaker'}
          removeLabel={(s, i) => `Remove speaker ${s.name || i + 1}`}
        />
        <Field id="talk-day" label="Day" error={errors.day}>
          {(aria) => (
            <select {...aria} value={draft.day} onChange={(e) => set('day')(e.currentTarget.value)}>
              <option value="">No day yet</option>
              {days.map((d, i) => (
                <option key={d} value={d}>
                  Day {i + 1} · {formatDay(d)}
                </option>
              ))}
              {stray && <option value={stray}>{formatDay(stray)} (outside the conference)</option>}
            </select>
          )}
        </Field>
        <div class="field-row">
          <TextField id="talk-startTime" label="Starts" type="time" value={draft.startTime} error={errors.startTime} onValue={set('startTime')} />
          <TextField id="talk-endTime" label="Ends" type="time" value={draft.endTime} error={errors.endTime} onValue={set('endTime')} />
        </div>
        <p class="field__hint">Times are at the venue ({conference.timeZone}).</p>
        <div class="field-row">
          <TextField id="talk-room" label="Room" value={draft.room} onValue={set('room')} autoComplete="off" />
          <TextField id="talk-track" label="Track or session" value={draft.track} onValue={set('track')} autoComplete="off" />
        </div>
        <PairListField<Link & Record<string, string>>
          legend="Links"
          idPrefix="link"
          rows={draft.links as Array<Link & Record<string, string>>}
          onChange={set('links')}
          empty={() => ({ label: '', url: '' })}
          first={{ key: 'label', label: 'Label (e.g. Slides)' }}
          second={{ key: 'url', label: 'Address', type: 'url' }}
          addLabel="Add link"
          removeLabel={(l, i) => `Remove link ${l.label || i + 1}`}
          errors={linkErrors}
        />
        <TextField
          id="talk-tags"
          label="Tags"
          value={draft.tags}
          onValue={set('tags')}
          autoComplete="off"
          hint="Separated by commas, e.g. crdt, sync"
        />
        <FormFooter
          failure={failure}
          submitLabel={talkId ? 'Save changes' : 'Add talk'}
          cancelHref={talkId ? routes.talk(talkId) : routes.conference(conference.id)}
          onTrash={talkId ? remove : undefined}
        />
      </form>
    </section>
  );
}
