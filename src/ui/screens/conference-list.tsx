/** Home: every conference, newest first. */
import type { JSX } from 'preact';
import { countTalksByConference, listConferences } from '../../db/conferences';
import { useLiveQuery } from '../../db/live';
import { formatDateSpan } from '../../model/time';
import { routes } from '../../app/routes';
import { useTitle } from '../../app/use-title';
import { LiveView } from '../components/live-view';

export function ConferenceList(): JSX.Element {
  useTitle(undefined);
  const result = useLiveQuery(async () => {
    const [conferences, counts] = await Promise.all([listConferences(), countTalksByConference()]);
    return { conferences, counts };
  }, []);
  return (
    <section class="screen">
      <header class="screen__header">
        <h1>Conferences</h1>
        <a class="button button--primary" href={routes.newConference}>
          New conference
        </a>
      </header>
      <LiveView result={result}>
        {({ conferences, counts }) =>
          conferences.length === 0 ? (
            <div class="empty">
              <p>No conferences yet.</p>
              <p>Add the conference you are at, then a talk, and start typing: every keystroke is kept on this device, with or without a network.</p>
            </div>
          ) : (
            <ul class="card-list" aria-label="Conferences">
              {conferences.map((c) => {
                const n = counts.get(c.id) ?? 0;
                return (
                  <li key={c.id}>
                    <a class="card" href={routes.conference(c.id)}>
                      <span class="card__title">{c.name}</span>
                      <span class="card__meta">
                        {formatDateSpan(c.startDate, c.endDate)}
                        {c.place && ` · ${c.place}`}
                      </span>
                      <span class="card__meta">{n === 1 ? '1 talk' : `${n} talks`}</span>
                    </a>
                  </li>
                );
              })}
            </ul>
          )
        }
      </LiveView>
    </section>
  );
}
