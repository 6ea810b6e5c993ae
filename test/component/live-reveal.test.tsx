import { act, render, screen, waitFor } from '@testing-library/preact';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { useReveal } from '../../src/app/use-reveal';
import { useLiveQuery } from '../../src/db/live';
import { createTalk, getTalk, saveTalkBody } from '../../src/db/talks';
import { resetDb } from '../helpers/db';
import { talkFields } from '../helpers/factories';

describe('useLiveQuery with a pause', () => {
  let id: string;
  let reads = 0;
  let pause: (paused: boolean) => void = () => {};

  function Body(): JSX.Element {
    const [paused, setPaused] = useState(false);
    pause = setPaused;
    const talk = useLiveQuery(
      async () => {
        reads++;
        return (await getTalk(id))?.body ?? '';
      },
      [id],
      { paused },
    );
    return <p data-testid="body">{talk.status === 'ready' ? `[${talk.value}]` : 'loading'}</p>;
  }

  beforeEach(async () => {
    await resetDb();
    reads = 0;
    id = await createTalk('conf', talkFields({ title: 'CRDTs' }));
  });

  it('neither reads nor shows changes while paused, keeps what it showed, and reads afresh when resumed', async () => {
    render(<Body />);
    await screen.findByText('[]');
    await saveTalkBody(id, 'one');
    await screen.findByText('[one]');
    act(() => pause(true));
    const before = reads;
    await saveTalkBody(id, 'two');
    await saveTalkBody(id, 'three');
    // Long enough for a followed query to have re-run twice.
    await new Promise((r) => setTimeout(r, 100));
    expect(reads).toBe(before);
    expect(screen.getByTestId('body').textContent).toBe('[one]');
    act(() => pause(false));
    // Resuming never goes back to "loading": the old value stays until the fresh read.
    expect(screen.getByTestId('body').textContent).toBe('[one]');
    await screen.findByText('[three]');
    await saveTalkBody(id, 'four');
    await screen.findByText('[four]');
  });
});

describe('useReveal', () => {
  function List({ total }: { total: number }): JSX.Element {
    const shown = useReveal(total, 3, 4);
    return (
      <ul>
        {Array.from({ length: shown }, (_, i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    );
  }

  it('renders the first items at once and the rest in steps after it', async () => {
    const { rerender } = render(<List total={10} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(10));
    // Once all were shown, a longer list is shown whole.
    rerender(<List total={14} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(14);
  });

  it('renders a short list whole at once', () => {
    render(<List total={2} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });
});
