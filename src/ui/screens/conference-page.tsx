/** One conference: its details and its talks grouped by day, in schedule order. */
import type { JSX } from 'preact';
import { useLocation, useRoute } from 'preact-iso';
import { getConferenceOrInbox } from '../../db/conferences';
import { useLiveQuery } from '../../db/live';
import { listTalks } from '../../db/talks';
import { INBOX_ID } from '../../model/inbox';
import { groupTalksByDay } from '../../model/order';
import { dayLabel, formatDateSpan, formatTalkTime } from '../../model/time';
import type { Conference, Talk } from '../../model/types';
import { isWebUrl } from '../../model/validate';
import { routes } from '../../app/routes';
import { useTitle } from '../../app/use-title';
import { LiveView } from '../components/live-view';
import { NotFound } from '../components/not-found';

export function ConferencePage(): JSX.Element {
  const { params, query } = useRoute();
  const id = params.id!;
  const result = useLiveQuery(async () => {
    const conference = await getConferenceOrInbox(id);
    if (!conference || conference.deletedAt !== null) return null;
    return { conference, talks: await listTalks(id) };
  }, [id]);
  useTitle(result.status === 'ready' ? result.value?.conference.name : undefined);
  return (
    <LiveView result={result}>
      {(data) =>
        data ? (
          <ConferenceView conference={data.conference} talks={data.talks} starredOnly={query.starred === '1'} mineOnly={query.mine === '1'} />
        ) : (
          <NotFound what="conference" />
        )
      }
    </LiveView>
  );
}

function ConferenceView({ conference: c, talks, starredOnly, mineOnly }: { conference: Conference; talks: Talk[]; starredOnly: boolean; mineOnly: boolean }): JSX.Element {
  if (c.id === INBOX_ID) return <InboxView notes={talks} />;
  return (
    <section class="screen">
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href={routes.home}>Conferences</a>
      </nav>
      <header class="screen__header">
        <h1>{c.name}</h1>
        <a class="button" href={routes.editConference(c.id)}>
          Edit
        </a>
      </header>
      <p class="meta">
        {formatDateSpan(c.startDate, c.endDate)}
        {c.place && ` · ${c.place}`}
        <br />
        <span class="muted">Times in {c.timeZone}</span>
        {c.url && (
          <>
            <br />
            {isWebUrl(c.url) ? (
              <a href={c.url} target="_blank" rel="noopener noreferrer">
                {c.url.replace(/^https?:\/\//, '')}
              </a>
            ) : (
              // A backup, import or sync may carry any text here: what is not a web address stays text.
              <span>{c.url}</span>
            )}
          </>
        )}
      </p>
      <p class="actions">
        <a class="button button--primary" href={routes.newTalk(c.id)}>
          Add talk
        </a>
        <a class="button" href={`${routes.conference(c.id)}/export`}>
          Export
        </a>
        <a class="button" href={routes.importInto(c.id)}>
          Import schedule
        </a>
      </p>
      {talks.length === 0 ? (
        <p class="empty">No talks yet. Add the talk you are in and start taking notes.</p>
      ) : (
        <TalkList conference={c} talks={talks} starredOnly={starredOnly} mineOnly={mineOnly} />
      )}
    </section>
  );
}

/** "My talks": the ones the user did something with (a note, a photo, a star), and free notes; the rest is schedule. */
function isMine(t: Talk): boolean {
  return t.kind === 'note' || t.starred || t.body.trim() !== '' || t.attachments.length > 0;
}

function TalkList({ conference: c, talks, starredOnly, mineOnly }: { conference: Conference; talks: Talk[]; starredOnly: boolean; mineOnly: boolean }): JSX.Element {
  const { path, route } = useLocation();
  const groups = groupTalksByDay(talks.filter((t) => (!starredOnly || t.starred) && (!mineOnly || isMine(t))));
  const hasSchedule = talks.some((t) => t.scheduleRef);
  const filterUrl = (starred: boolean, mine: boolean): string => {
    const q = [starred && 'starred=1', mine && 'mine=1'].filter(Boolean).join('&');
    return q ? `${path}?${q}` : path;
  };
  const dayGroups = groups.filter((g) => g.day);
  return (
    <>
      <div class="day__header">
        <label class="filter">
          <input type="checkbox" checked={starredOnly} onChange={(e) => route(filterUrl(e.currentTarget.checked, mineOnly), true)} />
          Starred only
        </label>
        {hasSchedule && (
          <label class="filter">
            <input type="checkbox" checked={mineOnly} onChange={(e) => route(filterUrl(starredOnly, e.currentTarget.checked), true)} />
            My talks only
          </label>
        )}
      </div>
      {dayGroups.length > 1 && (
        <nav class="day-jump" aria-label="Jump to a day">
          {dayGroups.map((g) => (
            <button
              key={g.day}
              type="button"
              class="button"
              onClick={() => document.getElementById(`day-${g.day}`)?.scrollIntoView({ block: 'start' })}
            >
              {dayLabel(g.day, c.startDate, c.endDate).split(' · ')[0]}
            </button>
          ))}
        </nav>
      )}
      {groups.length === 0 &&
        (mineOnly && !starredOnly ? (
          <p class="empty">None of your talks yet: star a talk or write a note in it, and it shows here.</p>
        ) : (
          <p class="empty">No starred talks yet: open a talk and tap ☆ to star it.</p>
        ))}
      {groups.map((g) => {
        const heading = dayLabel(g.day, c.startDate, c.endDate) || 'No day set';
        return (
          <section key={g.day} id={g.day ? `day-${g.day}` : undefined} class="day" aria-label={heading}>
            <div class="day__header">
              <h2>{heading}</h2>
              {g.day && (
                <a class="button button--quiet" href={routes.day(c.id, g.day)}>
                  Read the day
                </a>
              )}
            </div>
            <ul class="card-list">
              {g.talks.map((t) => (
                <li key={t.id}>
                  <a class="card" href={routes.talk(t.id)}>
                    <span class="card__time">
                      {t.kind === 'note' ? 'Note' : formatTalkTime(t.starts, t.ends, c.timeZone) || 'No time set'}
                      {t.starred && <span aria-label="starred"> ★</span>}
                      {t.scheduleStatus && <span class={`schedule-status schedule-status--${t.scheduleStatus}`}>{t.scheduleStatus === 'moved' ? 'Moved' : 'Cancelled'}</span>}
                      {t.conflictOf && <span class="schedule-status schedule-status--conflict">Conflict copy</span>}
                    </span>
                    <span class="card__title">{t.title}</span>
                    {(t.speakers.length > 0 || t.room) && (
                      <span class="card__meta">{[t.speakers.map((s) => s.name).join(', '), t.room].filter(Boolean).join(' · ')}</span>
                    )}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** The Inbox: quick notes made while no conference was under way. */
function InboxView({ notes }: { notes: Talk[] }): JSX.Element {
  return (
    <section class="screen">
      <h1>Inbox</h1>
      <p class="muted">Quick notes made while no conference was under way. Open one and choose Edit to move it to a conference.</p>
      {notes.length > 0 && (
        <p class="actions">
          {/* The Inbox exports as a conference does (INBOX_ID is a conference id): a zip of its notes and their photos. */}
          <a class="button" href={`${routes.conference(INBOX_ID)}/export`}>
            Export
          </a>
        </p>
      )}
      {notes.length === 0 ? (
        <p class="empty">The Inbox is empty.</p>
      ) : (
        <ul class="card-list">
          {notes.map((t) => (
            <li key={t.id}>
              <a class="card" href={routes.talk(t.id)}>
                <span class="card__title">{t.title}</span>
                {t.body.trim() && <span class="card__meta">{t.body.trim().split('\n')[0]!.slice(0, 80)}</span>}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
