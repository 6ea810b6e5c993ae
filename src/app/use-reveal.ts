/** Long lists shown a screenful first: the rest follows in small steps once that has been painted. */
import { useEffect, useState } from 'preact/hooks';

/** About a tall phone's screenful of cards: what the first paint has to show. */
export const FIRST_STEP = 12;
/** Items added per later step: small enough that a tap is never kept waiting for long on a slow phone. */
export const LATER_STEP = 40;

/**
 * How many of `total` items to render now. A component's first render gets `first`; after each paint, `step` more
 * are added in a task of their own, until all are shown. Once everything has been shown, a longer list (an item
 * added) is shown whole at once.
 */
export function useReveal(total: number, first = FIRST_STEP, step = LATER_STEP): number {
  const [shown, setShown] = useState(first);
  const done = shown >= total;
  useEffect(() => {
    // Everything has been shown once: from now on the list renders whole (Infinity), whatever it grows to.
    if (done) return void (shown !== Infinity && setShown(Infinity));
    // After the frame that shows what is there (effects run after paint), then one more task: input comes first.
    const timer = setTimeout(() => setShown((n) => n + step), 0);
    return () => clearTimeout(timer);
  }, [shown, done, step]);
  return done ? total : shown;
}
