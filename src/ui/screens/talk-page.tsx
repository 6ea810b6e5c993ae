/** One talk: its details and its note, to write or to read. */
import type { JSX } from 'preact';
import { useRoute } from 'preact-iso';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { getConferenceOrInbox } from '../../db/conferences';
import { useLiveQuery } from '../../db/live';
import { getSettings } from '../../db/settings';
import { getTalk } from '../../db/talks';
import { NoteEditor } from '../../editor/note-editor';
import { dayLabel, formatTalkTime, isoToZoned } from '../../model/time';
import type { Conference, Talk } from '../../model/types';
import { isWebUrl } from '../../model/validate';
import { routes } from '../../app/routes';
import { useTitle } from '../../app/use-title';
import { LiveView } from '../components/live-view';
import { MarkdownView } from '../components/markdown-view';
import { NotFound } from '../components/not-found';
import { PhotoStrip } from '../components/photo-strip';
import { StarButton } from '../components/star-button';
import { TalkSidebar } from '../components/talk-sidebar';
import { useMediaQuery } from '../../app/use-media-query';
import { PrivateToggle } from '../components/export-private';
import { abstractParagraphs } from '../../schedule/abstract';

export function TalkPage(): JSX.Element {
  const { params, query } = useRoute();
  const id = params.id!;
  const [typing, onTyping] = useTypingPause(id);
  const result = useLiveQuery(
    async () => {
      const talk = await getTalk(id);
      const conference = talk && (await getConferenceOrInbox(talk.conferenceId));
      if (!talk || !conference || talk.deletedAt !== null) return null;
      return { talk, conference, initials: (await getSettings()).initials };
    },
    [id],
    // While the note is being typed into, the changes are its own saves: the editor already shows them.
    { paused: typing },
  );
  useTitle(result.status === 'ready' ? result.value?.talk.title : undefined);
  // Two panes from about 900 px: the conference's talks beside the note.
  const wide = useMediaQuery('(min-width: 900px)');
  return (
    <LiveView result={result}>
      {(data) =>
        data ? (
          <div class={wide ? 'two-pane' : undefined}>
            {wide && <TalkSidebar conference={data.conference} currentId={data.talk.id} paused={typing} />}
            <TalkView {...data} reading={query.view === 'read'} find={query.q} onTyping={onTyping} />
          </div>
        ) : (
          <NotFound what="talk" />
        )
      }
    </LiveView>
  );
}

interface TalkViewProps {
  talk: Talk;
  conference: Conference;
  reading: boolean;
  initials: string;
  find?: string | undefined;
  onTyping: (typing: boolean) => void;
}

function TalkView({ talk: t, conference: c, reading, initials, find, onTyping }: TalkViewProps): JSX.Element {
  const when = [dayLabel(t.day, c.startDate, c.endDate), formatTalkTime(t.starts, t.ends, c.timeZone)]
    .filter(Boolean)
    .join(', ');
  return (
    <article class="screen talk">
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href={routes.conference(c.id)}>{c.name}</a>
      </nav>
      <header class="screen__header">
        <h1>{t.title}</h1>
        <span class="screen__actions">
          <StarButton talk={t} />
          <a class="button" href={routes.editTalk(t.id)}>
            Edit
          </a>
        </span>
      </header>
      <dl class="talk__details">
        {t.speakers.length > 0 && (
          <>
            <dt>{t.speakers.length === 1 ? 'Speaker' : 'Speakers'}</dt>
            <dd>
              {t.speakers.map((s, i) => (
                <span key={i} class="talk__speaker">
                  {s.name}
                  {s.affiliation && <span class="muted">, {s.affiliation}</span>}
                </span>
              ))}
            </dd>
          </>
        )}
        {when && (
          <>
            <dt>When</dt>
            <dd>{when}</dd>
          </>
        )}
        {(t.room || t.track) && (
          <>
            <dt>Where</dt>
            <dd>{[t.room, t.track].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        {t.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>
              {t.tags.map((tag) => (
                <span key={tag} class="tag">
                  {tag}
                </span>
              ))}
            </dd>
          </>
        )}
        {t.links.length > 0 && (
          <>
            <dt>Links</dt>
            <dd>
              {t.links.map((l, i) =>
                // Links arrive from backups, imports and sync as well as the form: only web addresses become links.
                isWebUrl(l.url) ? (
                  <a key={i} class="talk__link" href={l.url} target="_blank" rel="noopener noreferrer">
                    {l.label}
                  </a>
                ) : (
                  <span key={i} class="talk__link">
                    {l.label ? `${l.label} (${l.url})` : l.url}
                  </span>
                ),
              )}
            </dd>
          </>
        )}
      </dl>
      <ScheduleNotice talk={t} conference={c} />
      {t.conflictOf && (
        // A copy shares its note's title: without this, it reads as a duplicate talk.
        <p class="schedule-notice schedule-notice--conflict" role="note">
          Conflict copy: this is your text that could not be merged with the synced note.{' '}
          <a href={routes.conflict(t.id)}>Compare and merge</a>
        </p>
      )}
      {t.abstract && !reading && (
        <details class="talk__abstract">
          <summary>Abstract (from the schedule)</summary>
          <p>{t.abstract}</p>
        </details>
      )}
      <div class="talk__modes">
      <div class="segmented" role="group" aria-label="Note view">
        <a href={routes.talk(t.id)} aria-current={reading ? undefined : 'page'} class="segmented__item">
          Write
        </a>
        <a href={`${routes.talk(t.id)}?view=read`} aria-current={reading ? 'page' : undefined} class="segmented__item">
          Read
        </a>
      </div>
      <a class="button button--quiet" href={routes.history(t.id)}>
        History
      </a>
      <a class="button button--quiet" href={`${routes.talk(t.id)}/export`}>
        Export
      </a>
      <PrivateToggle talk={t} />
      </div>
      {reading ? (
        <>
          {t.abstract && <ScheduleAbstract text={t.abstract} />}
          <MarkdownView source={t.body} attachments={t.attachments} />
        </>
      ) : (
        <>
          <NoteEditor key={t.id} talkId={t.id} body={t.body} rev={t.localRev} label={`Note on ${t.title}`} initials={initials} starts={t.starts} find={find} onTyping={onTyping} />
          <PhotoStrip talk={t} />
        </>
      )}
    </article>
  );
}

/** How long after the last keystroke the page reads the talk again (and sooner when the note loses focus). */
export const TYPING_QUIET_MS = 500;

/**
 * Whether the note of talk `id` is being typed into now, and the callback the editor reports typing with: true on
 * each save, false when it loses focus. Typing stops counting TYPING_QUIET_MS after the last save, so a star
 * tapped or a photo added a moment later shows at once.
 */
function useTypingPause(id: string): [boolean, (typing: boolean) => void] {
  const [typingIn, setTypingIn] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onTyping = useCallback(
    (typing: boolean) => {
      clearTimeout(timer.current);
      if (!typing) return setTypingIn(null);
      setTypingIn(id);
      timer.current = setTimeout(() => setTypingIn(null), TYPING_QUIET_MS);
    },
    [id],
  );
  // Keyed by talk, so moving to another talk never shows the previous one while a pause runs out.
  return [typingIn === id, onTyping];
}

/** The abstract a schedule import brought, in the Read view: plain text in paragraphs, http(s) addresses as links. */
function ScheduleAbstract({ text }: { text: string }): JSX.Element {
  return (
    <section class="talk__abstract" aria-labelledby="talk-abstract">
      <h2 id="talk-abstract">Abstract</h2>
      {abstractParagraphs(text).map((para, i) => (
        <p key={i}>
          {para.map((piece, j) =>
            'url' in piece ? (
              <a key={j} href={piece.url} target="_blank" rel="noopener noreferrer">
                {piece.url}
              </a>
            ) : (
              piece.text
            ),
          )}
        </p>
      ))}
    </section>
  );
}

/** What the last schedule import said about this talk: moved (from where) or cancelled. */
function ScheduleNotice({ talk: t, conference: c }: { talk: Talk; conference: Conference }): JSX.Element | null {
  if (t.scheduleStatus === 'cancelled')
    return (
      <p class="schedule-notice schedule-notice--cancelled" role="note">
        Cancelled: this talk is no longer on the schedule. Your note stays here.
      </p>
    );
  if (t.scheduleStatus !== 'moved') return null;
  const before = t.previousSlot;
  const was = before
    ? [before.starts ? `${dayLabel(isoToZoned(before.starts, c.timeZone).day, c.startDate, c.endDate)}, ${formatTalkTime(before.starts, before.ends, c.timeZone)}` : '', before.room]
        .filter(Boolean)
        .join(' · ')
    : '';
  return (
    <p class="schedule-notice schedule-notice--moved" role="note">
      Moved{was ? ` from ${was}` : ''}.
    </p>
  );
}
