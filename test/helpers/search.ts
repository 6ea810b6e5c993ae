/** Helpers for tests of the search service. */
import type { SearchService } from '../../src/search/search-service';

/**
 * The states the service reports to a new subscriber, as they come (a subscriber hears the current one at once),
 * a ready state named by where its index came from: 'built' or 'saved'.
 */
export function statesSeen(service: SearchService): string[] {
  const states: string[] = [];
  service.subscribe((s) => states.push(s.state === 'ready' ? s.from : s.state));
  return states;
}
