/** The app shell: routes, navigation and the update prompt. */
import type { JSX } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { ConferenceList } from '../ui/screens/conference-list';
import { NotFound } from '../ui/components/not-found';
import { BottomNav } from './bottom-nav';
import { QuickNoteButton } from './quick-note-button';
import { UpdateBanner } from './update-banner';

// Everything past the first screen loads on demand; the service worker precaches it all for offline use.
const ConferenceForm = lazy(() => import('../ui/screens/conference-form').then((m) => m.ConferenceForm));
const ConferencePage = lazy(() => import('../ui/screens/conference-page').then((m) => m.ConferencePage));
const TalkForm = lazy(() => import('../ui/screens/talk-form').then((m) => m.TalkForm));
const TalkPage = lazy(() => import('../ui/screens/talk-page').then((m) => m.TalkPage));
const DayReading = lazy(() => import('../ui/screens/day-reading').then((m) => m.DayReading));
const HistoryScreen = lazy(() => import('../ui/screens/history').then((m) => m.HistoryScreen));
const TrashScreen = lazy(() => import('../ui/screens/trash').then((m) => m.TrashScreen));
const SettingsScreen = lazy(() => import('../ui/screens/settings').then((m) => m.SettingsScreen));

export function App(): JSX.Element {
  return (
    <LocationProvider>
      <div class="shell">
        <UpdateBanner />
        <main class="shell__main">
          <ErrorBoundary>
            <Router>
              <Route path="/" component={ConferenceList} />
              <Route path="/conferences/new" component={ConferenceForm} />
              <Route path="/c/:id" component={ConferencePage} />
              <Route path="/c/:id/edit" component={ConferenceForm} />
              <Route path="/c/:id/talks/new" component={TalkForm} />
              <Route path="/c/:id/day/:day" component={DayReading} />
              <Route path="/t/:id" component={TalkPage} />
              <Route path="/t/:talkId/edit" component={TalkForm} />
              <Route path="/t/:id/history" component={HistoryScreen} />
              <Route path="/trash" component={TrashScreen} />
              <Route path="/settings" component={SettingsScreen} />
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
