/** Home: what is on now (or the latest notes), the Inbox, and every conference, newest first. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { countTalksByConference, listConferences } from '../../db/conferences';
import { useLiveQuery } from '../../db/live';
import { listRecentNotes, listTalks } from '../../db/talks';
import { INBOX_ID } from '../../model/inbox';
import { currentConference, nowAndNext, todayIn } from '../../model/now';
import { formatDateSpan } from '../../model/time';
import { routes } from '../../app/routes';
import { useClock } from '../../app/use-clock';
import { useTitle } from '../../app/use-title';
import { useReveal } from '../../app/use-reveal';
import { LiveView } from '../components/live-view';
import { NowPanel, type NowData } from '../components/now-panel';
import { BackupNudge } from '../components/backup-nudge';

type Conferences = Awaited<ReturnType<typeof listConferences>>;

type Home = { now: NowData; conferences: Conferences; inbox: number };

/** What the first screen needs at once: the conferences, now and next (or the latest notes), and the Inbox's count. */
async function loadHome(now: number): Promise<Home> {
  // Read side by side: on a slow phone each read waits its turn for the main thread, so three in a row cost three turns.
  const [conferences, inboxCounts, latest] = await Promise.all([listConferences(), countTalksByConference([INBOX_ID]), listRecentNotes(5)]);
  const inbox = inboxCounts.get(INBOX_ID) ?? 0;
  const conference = currentConference(conferences, now);
  if (conference) {
    const rooms = nowAndNext(await listTalks(conference.id), now, todayIn(conference.timeZone, now));
    return { now: { conference, rooms, recent: [] }, conferences, inbox };
  }
  const names = new Map(conferences.map((c) => [c.id, c.name]));
  names.set(INBOX_ID, 'Inbox');
  const recent = latest.map((t) => ({ ...t, conferenceName: names.get(t.conferenceId) ?? '' }));
  return { now: { rooms: [], recent }, conferences, inbox };
}

let preloaded: Home | undefined;

/**
 * Reads the home screen's data while the app is still starting, so its first render shows the list rather than
 * "Loading…" (a live query starts only after a first paint). Never rejects: on failure the screen reads as usual.
 */
export async function preloadHome(): Promise<void> {
  try {
    preloaded = await loadHome(Date.now());
  } catch {
    preloaded = undefined;
  }
}

/** The preloaded data, once: later visits to the home screen read afresh. */
function takePreloaded(): Home | undefined {
  const home = preloaded;
  preloaded = undefined;
  return home;
}

/**
 * Talks per conference, read once the list is on screen: counting hundreds of conferences is a query each, and the
 * list is usable (a tap opens the conference) before its counts are in.
 */
function useTalkCounts(conferences: Conferences | null): Map<string, number> | null {
  // Hundreds of count requests cost the main thread a noticeable moment on a slow phone: they wait until the list
  // has been painted and the page is idle.
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!conferences || idle) return;
    if (typeof requestIdleCallback !== 'function') return setIdle(true);
    const handle = requestIdleCallback(() => setIdle(true), { timeout: 1_000 });
    return () => cancelIdleCallback(handle);
  }, [conferences, idle]);
  const ids = conferences && idle ? conferences.map((c) => c.id).join(' ') : null;
  const counts = useLiveQuery(async () => (ids === null ? null : countTalksByConference(ids ? ids.split(' ') : [])), [ids], { keepWhileRerun: true });
  return counts.status === 'ready' ? counts.value : null;
}

function talksText(n: number | undefined): string {
  // A no-break space holds the line until the count is in, so nothing below moves when it arrives.
  if (n === undefined) return '\u00a0';
  return n === 1 ? '1 talk' : `${n} talks`;
}

export function ConferenceList(): JSX.Element {
  useTitle(undefined);
  const now = useClock();
  // The clock only moves "now and next" on: the list stays on screen (and in place) while that is read again.
  const [initial] = useState(takePreloaded);
  const result = useLiveQuery(() => loadHome(now), [now], { keepWhileRerun: true, initial });
  const counts = useTalkCounts(result.status === 'ready' ? result.value.conferences : null);
  return (
    <section class="screen">
      <h1>Lectern</h1>
      <BackupNudge now={now} />
      <LiveView result={result}>
        {({ now: nowData, conferences, inbox }) => {
          return (
            <>
              <NowPanel data={nowData} />
              {inbox > 0 && (
                <p>
                  <a class="card" href={routes.conference(INBOX_ID)}>
                    <span class="card__title">Inbox</span>
                    <span class="card__meta">{inbox === 1 ? '1 note' : `${inbox} notes`} not in a conference yet</span>
                  </a>
                </p>
              )}
              <h2>Conferences</h2>
              <p class="actions">
                <a class="button" href={routes.newConference}>
                  New conference
                </a>
                <a class="button" href={routes.importSchedule}>
                  Import schedule
                </a>
              </p>
              {conferences.length === 0 ? (
                <div class="empty">
                  <p>No conferences yet.</p>
                  <p>Add the conference you are at, then a talk, and start typing: every keystroke is kept on this device, with or without a network.</p>
                </div>
              ) : (
                <ConferenceCards conferences={conferences} counts={counts} />
              )}
            </>
          );
        }}
      </LiveView>
    </section>
  );
}

/** The conferences as cards, a screenful first: with hundreds of them, the first paint need not wait for all. */
function ConferenceCards({ conferences, counts }: { conferences: Conferences; counts: Map<string, number> | null }): JSX.Element {
  const shown = useReveal(conferences.length);
  return (
    <ul class="card-list" aria-label="Conferences">
      {conferences.slice(0, shown).map((c) => {
        const n = counts ? (counts.get(c.id) ?? 0) : undefined;
        return (
          <li key={c.id}>
            <a class="card" href={routes.conference(c.id)}>
              <span class="card__title">{c.name}</span>
              <span class="card__meta">
                {formatDateSpan(c.startDate, c.endDate)}
                {c.place && ` · ${c.place}`}
              </span>
              <span class="card__meta">{talksText(n)}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
