/** The app's URLs, in one place so links and routes agree. */
export const routes = {
  home: '/',
  newConference: '/conferences/new',
  conference: (id: string) => `/c/${id}`,
  editConference: (id: string) => `/c/${id}/edit`,
  newTalk: (conferenceId: string) => `/c/${conferenceId}/talks/new`,
  talk: (id: string) => `/t/${id}`,
  editTalk: (id: string) => `/t/${id}/edit`,
  trash: '/trash',
  settings: '/settings',
} as const;
