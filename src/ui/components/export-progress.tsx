/** Progress for slow work (exports, backups, imports): shown only once the work has taken over 200 ms. */
import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** Work shorter than this finishes before a progress bar would be noticed; showing one would only flicker. */
export const SHOW_PROGRESS_AFTER_MS = 200;

export interface SlowTask {
  /** What is being done, e.g. "Building the zip", while it runs; '' when idle. */
  label: string;
  /** 0–1, or null when the share is not known yet. */
  fraction: number | null;
  /** Whether the bar is shown (the work has run over 200 ms). */
  visible: boolean;
  busy: boolean;
  run<T>(label: string, work: (onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T>;
}

export function useSlowTask(): SlowTask {
  const [label, setLabel] = useState('');
  const [fraction, setFraction] = useState<number | null>(null);
  const [visible, setVisible] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const run = useCallback(async <T,>(what: string, work: (onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T> => {
    setLabel(what);
    setFraction(null);
    timer.current = setTimeout(() => setVisible(true), SHOW_PROGRESS_AFTER_MS);
    try {
      return await work((done, total) => setFraction(total > 0 ? done / total : null));
    } finally {
      clearTimeout(timer.current);
      setVisible(false);
      setLabel('');
    }
  }, []);
  return { label, fraction, visible, busy: label !== '', run };
}

export function ExportProgress({ task }: { task: SlowTask }): JSX.Element | null {
  if (!task.visible) return null;
  return (
    <div class="export-progress" role="status">
      <label>
        {task.label}…
        <progress max={1} value={task.fraction ?? undefined} />
      </label>
    </div>
  );
}
