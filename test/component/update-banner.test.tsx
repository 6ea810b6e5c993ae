import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerServiceWorker, updateReady } from '../../src/app/pwa';
import { UpdateBanner } from '../../src/app/update-banner';
import { trackWrite } from '../../src/db/pending';
import { registered } from '../helpers/pwa-register-stub';

beforeAll(() => {
  // jsdom has no service workers; registerServiceWorker only registers where they exist.
  Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
  registerServiceWorker();
});

afterEach(() => {
  updateReady.set(false);
  registered.updates.length = 0;
});

function newVersionWaiting(): void {
  void act(() => {
    registered.options!.onNeedRefresh!();
  });
}

/** A write that stays in flight until the test lets it finish. */
function slowWrite(): () => void {
  let finish!: () => void;
  void trackWrite(() => new Promise<void>((resolve) => (finish = resolve)));
  return finish;
}

describe('UpdateBanner', () => {
  it('registers the service worker with an update prompt', () => {
    expect(registered.options).toMatchObject({ immediate: true });
    expect(registered.options?.onNeedRefresh).toBeTypeOf('function');
  });

  it('stays hidden until a new version is waiting', async () => {
    render(<UpdateBanner />);
    expect(screen.queryByRole('button', { name: 'Update now' })).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    newVersionWaiting();
    expect((await screen.findByRole('status')).textContent).toContain('Update ready.');
    expect(screen.getByRole('button', { name: 'Update now' })).toBeTruthy();
  });

  it('applies the update, reloading, once no write is in flight', async () => {
    render(<UpdateBanner />);
    newVersionWaiting();
    fireEvent.click(await screen.findByRole('button', { name: 'Update now' }));
    await waitFor(() => expect(registered.updates).toEqual([true]));
  });

  it('waits for pending writes before applying the update', async () => {
    render(<UpdateBanner />);
    newVersionWaiting();
    const finishFirst = slowWrite();
    const finishSecond = slowWrite();
    fireEvent.click(await screen.findByRole('button', { name: 'Update now' }));

    const updating = await screen.findByRole('button', { name: 'Updating…' });
    expect((updating as HTMLButtonElement).disabled).toBe(true);
    finishFirst();
    await new Promise((r) => setTimeout(r, 20));
    expect(registered.updates).toEqual([]);

    finishSecond();
    await waitFor(() => expect(registered.updates).toEqual([true]));
  });

  it('takes focus out of the editor before the last check, so no keystroke slips in', async () => {
    render(
      <>
        <textarea aria-label="Note" />
        <UpdateBanner />
      </>,
    );
    newVersionWaiting();
    const note = screen.getByRole('textbox', { name: 'Note' });
    note.focus();
    const button = await screen.findByRole('button', { name: 'Update now' });
    // A click made by a script does not move focus, as a tap on a phone may not either.
    fireEvent.click(button);
    await waitFor(() => expect(registered.updates).toEqual([true]));
    expect(document.activeElement).not.toBe(note);
  });

  it('"Later" hides the banner without updating', async () => {
    render(<UpdateBanner />);
    newVersionWaiting();
    fireEvent.click(await screen.findByRole('button', { name: 'Later' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(registered.updates).toEqual([]);
  });
});
