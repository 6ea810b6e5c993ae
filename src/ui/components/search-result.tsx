/** One search result: the talk's title, where and when it was, and a snippet around the match. */
import type { JSX } from 'preact';
import { routes } from '../../app/routes';
import { dayLabel } from '../../model/time';
import type { Conference } from '../../model/types';
import type { SearchHit } from '../../search/search-index';
import { Highlighted } from './search-highlight';

const FIELD_LABEL: Record<string, string> = {
  abstract: 'Abstract: ',
  speakers: 'Speakers: ',
  tags: 'Tags: ',
  room: 'Room: ',
  conference: '',
  body: '',
};

/** The talk's address, asking its note to select the first of the matched words. */
export function resultHref(hit: SearchHit): string {
  return hit.noteTerms.length ? `${routes.talk(hit.id)}?q=${encodeURIComponent(hit.noteTerms.join(' '))}` : routes.talk(hit.id);
}

export function SearchResult({ hit, conference }: { hit: SearchHit; conference: Conference | undefined }): JSX.Element {
  const day = conference ? dayLabel(hit.day, conference.startDate, conference.endDate) : hit.day;
  const where = [conference?.name ?? hit.conference, day].filter(Boolean).join(' · ');
  const text = hit.snippet.some((s) => s.text.trim());
  return (
    <li class="search-result">
      <a class="search-result__link" href={resultHref(hit)}>
        <span class="search-result__title">
          <Highlighted segments={hit.title} />
          {hit.starred && <span class="search-result__star" aria-label=", starred"> ★</span>}
        </span>
        <span class="search-result__where">{where}</span>
        {text && (
          <span class="search-result__snippet">
            {hit.field && FIELD_LABEL[hit.field]}
            <Highlighted segments={hit.snippet} />
          </span>
        )}
      </a>
    </li>
  );
}
