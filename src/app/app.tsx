/** The app shell: routes, navigation and the update prompt. */
import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { ConferenceList } from '../ui/screens/conference-list';
import { NotFound } from '../ui/components/not-found';
import { BottomNav } from './bottom-nav';
import { QuickNoteButton } from './quick-note-button';
import { SyncStatusLine } from './sync-status-line';
import { UpdateBanner } from './update-banner';

// Everything past the first screen loads on demand; the service worker precaches it all for offline use.
const ConferenceForm = lazy(() => import('../ui/screens/conference-form').then((m) => m.ConferenceForm));
const ConferencePage = lazy(() => import('../ui/screens/conference-page').then((m) => m.ConferencePage));
const TalkForm = lazy(() => import('../ui/screens/talk-form').then((m) => m.TalkForm));
const TalkPage = lazy(() => import('../ui/screens/talk-page').then((m) => m.TalkPage));
const DayReading = lazy(() => import('../ui/screens/day-reading').then((m) => m.DayReading));
const HistoryScreen = lazy(() => import('../ui/screens/history').then((m) => m.HistoryScreen));
const ScheduleImport = lazy(() => import('../ui/screens/schedule-import').then((m) => m.ScheduleImport));
const TrashScreen = lazy(() => import('../ui/screens/trash').then((m) => m.TrashScreen));
const SettingsScreen = lazy(() => import('../ui/screens/settings').then((m) => m.SettingsScreen));
// Export screens share one chunk with the export code, so the first screen carries none of it.
const ExportTalkScreen = lazy(() => import('../ui/screens/export').then((m) => m.ExportTalkScreen));
const ExportDayScreen = lazy(() => import('../ui/screens/export').then((m) => m.ExportDayScreen));
const ExportConferenceScreen = lazy(() => import('../ui/screens/export').then((m) => m.ExportConferenceScreen));
const ConflictList = lazy(() => import('../ui/screens/conflicts').then((m) => m.ConflictList));
const ConflictScreen = lazy(() => import('../ui/screens/conflicts').then((m) => m.ConflictScreen));
const SearchScreen = lazy(() => import('../ui/screens/search').then((m) => m.SearchScreen));

/** `/` opens search from anywhere, as on many sites, unless it is being typed into a field. */
function SearchKey(): null {
  const { route, path } = useLocation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      e.preventDefault();
      if (path === '/search') document.getElementById('search-query')?.focus();
      else route('/search');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [route, path]);
  return null;
}

export function App(): JSX.Element {
  return (
    <LocationProvider>
      <SearchKey />
      <div class="shell">
        <UpdateBanner />
        <SyncStatusLine />
        <main class="shell__main">
          <ErrorBoundary>
            <Router>
              <Route path="/" component={ConferenceList} />
              <Route path="/conferences/new" component={ConferenceForm} />
              <Route path="/c/:id" component={ConferencePage} />
              <Route path="/c/:id/edit" component={ConferenceForm} />
              <Route path="/c/:id/talks/new" component={TalkForm} />
              <Route path="/c/:id/day/:day" component={DayReading} />
              <Route path="/c/:id/day/:day/export" component={ExportDayScreen} />
              <Route path="/c/:id/export" component={ExportConferenceScreen} />
              <Route path="/t/:id" component={TalkPage} />
              <Route path="/t/:talkId/edit" component={TalkForm} />
              <Route path="/t/:id/history" component={HistoryScreen} />
              <Route path="/t/:id/export" component={ExportTalkScreen} />
              <Route path="/import" component={ScheduleImport} />
              <Route path="/c/:id/import" component={ScheduleImport} />
              <Route path="/trash" component={TrashScreen} />
              <Route path="/settings" component={SettingsScreen} />
              <Route path="/search" component={SearchScreen} />
              <Route path="/conflicts" component={ConflictList} />
              <Route path="/conflicts/:id" component={ConflictScreen} />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </main>
        <QuickNoteButton />
        <BottomNav />
      </div>
    </LocationProvider>
  );
}
