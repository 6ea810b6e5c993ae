/** Renders the whole app at an address, as a person arriving there would see it. */
import { render, type RenderResult } from '@testing-library/preact';
import { App } from '../../src/app/app';

export function renderAppAt(path: string): RenderResult {
  // preact-iso's LocationProvider reads the address from window.location when it mounts.
  window.history.replaceState(null, '', path);
  return render(<App />);
}
