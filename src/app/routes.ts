/** The app's URLs, in one place so links and routes agree. */
export const routes = {
  home: '/',
  newConference: '/conferences/new',
  conference: (id: string) => `/c/${id}`,
  editConference: (id: string) => `/c/${id}/edit`,
  newTalk: (conferenceId: string) => `/c/${conferenceId}/talks/new`,
  day: (conferenceId: string, day: string) => `/c/${conferenceId}/day/${day}`,
  talk: (id: string) => `/t/${id}`,
  history: (id: string) => `/t/${id}/history`,
  editTalk: (id: string) => `/t/${id}/edit`,
  importSchedule: '/import',
  importInto: (conferenceId: string) => `/c/${conferenceId}/import`,
  trash: '/trash',
  settings: '/settings',
  conflicts: '/conflicts',
  conflict: (copyId: string) => `/conflicts/${copyId}`,
} as const;
