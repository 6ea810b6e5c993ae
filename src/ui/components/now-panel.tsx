/** Home's top: the conference under way with what is on now and next per room, or the latest notes. */
import type { JSX } from 'preact';
import { routes } from '../../app/routes';
import type { RoomNow } from '../../model/now';
import { formatTalkTime } from '../../model/time';
import type { Conference, Talk } from '../../model/types';

export interface NowData {
  conference?: Conference;
  rooms: RoomNow[];
  recent: Array<Talk & { conferenceName: string }>;
}

function TalkLink({ talk, zone, label }: { talk: Talk; zone: string; label: string }): JSX.Element {
  return (
    <a class="card" href={routes.talk(talk.id)}>
      <span class="card__time">
        {label} · {formatTalkTime(talk.starts, talk.ends, zone)}
      </span>
      <span class="card__title">{talk.title}</span>
      {talk.speakers.length > 0 && <span class="card__meta">{talk.speakers.map((s) => s.name).join(', ')}</span>}
    </a>
  );
}

export function NowPanel({ data }: { data: NowData }): JSX.Element | null {
  const { conference: c, rooms, recent } = data;
  if (c)
    return (
      <section class="now" aria-labelledby="now-heading">
        <h2 id="now-heading">
          Now at <a href={routes.conference(c.id)}>{c.name}</a>
        </h2>
        {rooms.length === 0 ? (
          <p class="muted">Nothing on the schedule right now. “New note” keeps a note for today.</p>
        ) : (
          <ul class="card-list" aria-label="On now and next, by room">
            {rooms.map((r) => (
              <li key={r.room} class="now__room">
                <h3>{r.room || 'No room'}</h3>
                {r.current && <TalkLink talk={r.current} zone={c.timeZone} label="On now" />}
                {r.next && <TalkLink talk={r.next} zone={c.timeZone} label="Next" />}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  if (recent.length === 0) return null;
  return (
    <section class="now" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent notes</h2>
      <ul class="card-list">
        {recent.map((t) => (
          <li key={t.id}>
            <a class="card" href={routes.talk(t.id)}>
              <span class="card__title">{t.title}</span>
              <span class="card__meta">{t.conferenceName}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
