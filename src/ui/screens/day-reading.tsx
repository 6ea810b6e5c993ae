/** A day's notes read as one document, like a day post on a blog: free notes first, then talks in order. */
import type { JSX } from 'preact';
import { useRoute } from 'preact-iso';
import { getConferenceOrInbox } from '../../db/conferences';
import { useLiveQuery } from '../../db/live';
import { listTalks } from '../../db/talks';
import { dayReadingOrder } from '../../model/order';
import { datesBetween, dayLabel, formatTalkTime } from '../../model/time';
import type { Conference, Talk } from '../../model/types';
import { routes } from '../../app/routes';
import { useTitle } from '../../app/use-title';
import { LiveView } from '../components/live-view';
import { MarkdownView } from '../components/markdown-view';
import { NotFound } from '../components/not-found';

export function DayReading(): JSX.Element {
  const { params } = useRoute();
  const result = useLiveQuery(async () => {
    const conference = await getConferenceOrInbox(params.id!);
    if (!conference || conference.deletedAt !== null) return null;
    return { conference, talks: dayReadingOrder(await listTalks(conference.id), params.day!) };
  }, [params.id, params.day]);
  const label = result.status === 'ready' && result.value ? `${result.value.conference.name} – ${dayLabel(params.day!, result.value.conference.startDate, result.value.conference.endDate).split(' · ')[0]}` : undefined;
  useTitle(label);
  return (
    <LiveView result={result}>
      {(data) => (data ? <DayView conference={data.conference} day={params.day!} talks={data.talks} /> : <NotFound what="conference" />)}
    </LiveView>
  );
}

function DayView({ conference: c, day, talks }: { conference: Conference; day: string; talks: Talk[] }): JSX.Element {
  const days = datesBetween(c.startDate, c.endDate);
  const i = days.indexOf(day);
  const [number, date] = dayLabel(day, c.startDate, c.endDate).split(' · ');
  return (
    <article class="screen day-reading">
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href={routes.conference(c.id)}>{c.name}</a>
      </nav>
      <h1>
        {c.name} – {number}
      </h1>
      {date && <p class="muted">{date}</p>}
      <p class="actions">
        <a class="button" href={`${routes.day(c.id, day)}/export`}>
          Export
        </a>
      </p>
      {talks.length === 0 && <p class="empty">No notes on this day.</p>}
      {talks.map((t) => (
        <section key={t.id} class="day-reading__talk" aria-labelledby={`h-${t.id}`}>
          <h2 id={`h-${t.id}`}>
            <a href={routes.talk(t.id)}>{t.title}</a>
          </h2>
          {t.speakers.length > 0 && <p class="meta">{t.speakers.map((s) => (s.affiliation ? `${s.name}, ${s.affiliation}` : s.name)).join('; ')}</p>}
          {(t.starts || t.room) && <p class="muted">{[formatTalkTime(t.starts, t.ends, c.timeZone), t.room].filter(Boolean).join(' · ')}</p>}
          <MarkdownView source={t.body} attachments={t.attachments} />
        </section>
      ))}
      <nav class="actions" aria-label="Other days">
        {i > 0 && (
          <a class="button" href={routes.day(c.id, days[i - 1]!)}>
            ‹ Day {i}
          </a>
        )}
        {i >= 0 && i < days.length - 1 && (
          <a class="button" href={routes.day(c.id, days[i + 1]!)}>
            Day {i + 2} ›
          </a>
        )}
      </nav>
    </article>
  );
}
