/** Search across every conference: words as you type, filters, results that open the note at the match. */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { useTitle } from '../../app/use-title';
import { listConferences } from '../../db/conferences';
import { useLiveQuery } from '../../db/live';
import type { Conference } from '../../model/types';
import type { SearchFilters, SearchResponse } from '../../search/search-index';
import type { SearchService, SearchStatus } from '../../search/search-service';
import { SearchFiltersForm } from '../components/search-filters';
import { SearchResult } from '../components/search-result';

/** The index, loaded and started the first time a search screen opens. */
function useSearchService(): { service: SearchService | null; status: SearchStatus | null; version: number; failure: string } {
  const [service, setService] = useState<SearchService | null>(null);
  const [state, setState] = useState<{ status: SearchStatus | null; version: number }>({ status: null, version: 0 });
  const [failure, setFailure] = useState('');
  useEffect(() => {
    let unsubscribe = (): void => undefined;
    let gone = false;
    import('../../search/search-service')
      .then((m) => m.openSearch())
      .then((s) => {
        if (gone) return;
        setService(s);
        unsubscribe = s.subscribe((status, version) => setState({ status, version }));
      })
      .catch((err: unknown) => setFailure(`Search could not start: ${err instanceof Error ? err.message : String(err)}`));
    return () => {
      gone = true;
      unsubscribe();
    };
  }, []);
  return { service, ...state, failure };
}

function statusText(status: SearchStatus | null): string {
  if (!status) return 'Preparing search…';
  if (status.state === 'building' && !status.total) return 'Preparing search…';
  // A share rather than counts: the first toLocaleString() on a page sets up number formatting, 30–50 ms of one
  // task, and the Search screen opened on its own would pay it in the middle of the build.
  if (status.state === 'building') return `Preparing search: ${Math.floor((100 * status.done) / status.total)}% of the talks read…`;
  if (status.state === 'error') return status.message;
  return '';
}

export function SearchScreen(): JSX.Element {
  const { query: params } = useRoute();
  useTitle('Search');
  const [query, setQuery] = useState(params.q ?? '');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [results, setResults] = useState<{ query: string; response: SearchResponse } | null>(null);
  const [error, setError] = useState('');
  const { service, status, version, failure } = useSearchService();
  const conferences = useLiveQuery(listConferences, []);
  const confList: Conference[] = conferences.status === 'ready' ? conferences.value : [];
  const byId = new Map(confList.map((c) => [c.id, c]));
  const latest = useRef(0);

  // Every keystroke asks the index; only the newest question's answer is shown.
  useEffect(() => {
    if (!service) return;
    const seq = ++latest.current;
    service.search(query, filters).then(
      ({ response }) => {
        if (seq !== latest.current) return;
        setResults({ query, response });
        setError('');
      },
      (err: unknown) => {
        if (seq === latest.current) setError(`Search failed: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  }, [service, query, filters, version, status?.state]);

  const words = query.trim();
  const shown = results?.response;
  const filtering = Object.keys(filters).length > 0;
  const summary = !shown
    ? ''
    : words.length < 2 && !filtering
      ? 'Type at least two letters of a word, a name or a room.'
      : shown.total === 0
        ? words
          ? `Nothing found for “${words}”.`
          : 'No talks match these filters.'
        : `${shown.total.toLocaleString()} ${shown.total === 1 ? 'result' : 'results'}${shown.total > shown.hits.length ? `, best ${shown.hits.length} shown` : ''}.`;

  return (
    <section class="screen search">
      <header class="screen__header">
        <h1>Search</h1>
      </header>
      <form role="search" class="search__form" onSubmit={(e) => e.preventDefault()}>
        <label for="search-query" class="visually-hidden">
          Search talks and notes
        </label>
        <input
          id="search-query"
          class="search__input"
          type="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          placeholder="Words, speakers, rooms, tags…"
          autoComplete="off"
          autoFocus
          enterKeyHint="search"
        />
        <SearchFiltersForm filters={filters} conferences={confList} onChange={setFilters} />
      </form>
      <p class="search__status" role="status">
        {failure || error || statusText(status) || summary}
      </p>
      {shown && shown.hits.length > 0 && (
        <ol class="search__results" aria-label="Results">
          {shown.hits.map((hit) => (
            <SearchResult key={hit.id} hit={hit} conference={byId.get(hit.conferenceId)} />
          ))}
        </ol>
      )}
    </section>
  );
}
