/** The colour theme: the system's, or one chosen in Settings for a dark lecture theatre. */
import type { Theme } from '../db/settings';

/** Applies a theme to the page; the stylesheet follows it through color-scheme. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
