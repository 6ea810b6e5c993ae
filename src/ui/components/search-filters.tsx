/** The search's filters: one conference, starred talks, talks with photos, a range of days. */
import type { JSX } from 'preact';
import type { Conference } from '../../model/types';
import { INBOX_ID } from '../../model/inbox';
import type { SearchFilters } from '../../search/search-index';

interface Props {
  filters: SearchFilters;
  conferences: readonly Conference[];
  onChange: (filters: SearchFilters) => void;
}

export function SearchFiltersForm({ filters, conferences, onChange }: Props): JSX.Element {
  const set = (patch: Partial<SearchFilters>): void => {
    const next: SearchFilters = { ...filters, ...patch };
    // Unset filters are left out entirely, so "any" really means any.
    for (const k of Object.keys(next) as Array<keyof SearchFilters>) if (!next[k]) delete next[k];
    onChange(next);
  };
  return (
    <fieldset class="search-filters">
      <legend>Filters</legend>
      <label class="search-filters__field">
        <span>Conference</span>
        <select value={filters.conferenceId ?? ''} onChange={(e) => set({ conferenceId: e.currentTarget.value })}>
          <option value="">All conferences</option>
          {conferences.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value={INBOX_ID}>Inbox</option>
        </select>
      </label>
      <label class="search-filters__check">
        <input type="checkbox" checked={Boolean(filters.starred)} onChange={(e) => set({ starred: e.currentTarget.checked })} />
        Starred
      </label>
      <label class="search-filters__check">
        <input type="checkbox" checked={Boolean(filters.hasPhotos)} onChange={(e) => set({ hasPhotos: e.currentTarget.checked })} />
        Has photos
      </label>
      <label class="search-filters__field">
        <span>From</span>
        <input type="date" value={filters.from ?? ''} onInput={(e) => set({ from: e.currentTarget.value })} />
      </label>
      <label class="search-filters__field">
        <span>To</span>
        <input type="date" value={filters.to ?? ''} onInput={(e) => set({ to: e.currentTarget.value })} />
      </label>
    </fieldset>
  );
}
