/** On wide screens, the conference's talks beside the open note, to move between them in one tap. */
import type { JSX } from 'preact';
import { useLiveQuery } from '../../db/live';
import { listTalks } from '../../db/talks';
import { groupTalksByDay } from '../../model/order';
import { dayLabel, formatTalkTime } from '../../model/time';
import type { Conference } from '../../model/types';
import { routes } from '../../app/routes';

export function TalkSidebar({ conference: c, currentId, paused = false }: { conference: Conference; currentId: string; paused?: boolean }): JSX.Element {
  // Paused while the open note is typed into: its saves change nothing the list shows.
  const result = useLiveQuery(() => listTalks(c.id), [c.id], { paused });
  const groups = result.status === 'ready' ? groupTalksByDay(result.value) : [];
  return (
    <nav class="talk-sidebar" aria-label={`Talks at ${c.name}`}>
      {groups.map((g) => (
        <div key={g.day}>
          <h2 class="talk-sidebar__day">{dayLabel(g.day, c.startDate, c.endDate) || 'No day set'}</h2>
          <ul>
            {g.talks.map((t) => (
              <li key={t.id}>
                <a href={routes.talk(t.id)} aria-current={t.id === currentId ? 'page' : undefined}>
                  <span class="card__time">{t.kind === 'note' ? 'Note' : formatTalkTime(t.starts, t.ends, c.timeZone) || '—'}</span>
                  <span>{t.title}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
