/** The note editor: a plain textarea that stores the whole text on every input. */
import type { JSX, TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeStorageError } from '../db/errors';
import { saveTalkBody } from '../db/talks';

type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };

interface NoteEditorProps {
  talkId: string;
  /** The stored text; later changes (from another tab) are shown while this editor is idle. */
  body: string;
  label: string;
}

export function NoteEditor({ talkId, body, label }: NoteEditorProps): JSX.Element {
  const area = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const started = useRef(0);
  const settled = useRef(0);

  // Uncontrolled: the textarea owns its text, so a stored echo never moves the caret.
  useEffect(() => {
    const el = area.current;
    if (!el || el.value === body) return;
    const idle = started.current === settled.current && document.activeElement !== el;
    if (idle) el.value = body;
  }, [body]);

  const onInput = (e: TargetedEvent<HTMLTextAreaElement>): void => {
    const seq = ++started.current;
    setState({ kind: 'saving' });
    // Only the newest save decides the status: it holds the whole text, so its success covers any earlier failure.
    saveTalkBody(talkId, e.currentTarget.value).then(
      () => {
        settled.current = Math.max(settled.current, seq);
        if (seq === started.current) setState({ kind: 'saved' });
      },
      (err: unknown) => {
        settled.current = Math.max(settled.current, seq);
        if (seq === started.current) setState({ kind: 'error', message: describeStorageError(err) });
      },
    );
  };

  return (
    <div class="note-editor">
      <label for="note-body" class="visually-hidden">
        {label}
      </label>
      <textarea
        id="note-body"
        ref={area}
        class="note-editor__text"
        defaultValue={body}
        onInput={onInput}
        placeholder="Type your notes here, in Markdown. Everything is saved as you type."
        spellcheck
        autoCapitalize="sentences"
        aria-describedby="note-status"
      />
      <p id="note-status" class={`note-editor__status note-editor__status--${state.kind}`} role={state.kind === 'error' ? 'alert' : undefined}>
        {state.kind === 'saved' ? 'Saved on this device' : state.kind === 'saving' ? 'Saving…' : state.message}
      </p>
    </div>
  );
}
