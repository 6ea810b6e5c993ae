/** The note editor: a plain textarea that stores the whole text on every input. */
import type { JSX, TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeStorageError } from '../db/errors';
import { saveTalkBody } from '../db/talks';
import { routes } from '../app/routes';
import { requestPersistenceOnce } from '../app/storage';
import { applyEdit, readState } from './apply-edit';
import { EditorToolbar } from './editor-toolbar';
import { continueList, indent, outdent, type TextState } from './text-edit';
import { firstMatch } from '../search/first-match';

type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };
const SAVING: SaveState = { kind: 'saving' };
const SAVED: SaveState = { kind: 'saved' };

interface NoteEditorProps {
  talkId: string;
  /** The stored text; later changes (from another tab) are shown while this editor is idle. */
  body: string;
  /** The talk's localRev for that text, to tell changes made elsewhere from echoes of our own saves. */
  rev: number;
  label: string;
  /** Signs the user's remarks; empty until set in Settings. */
  initials?: string;
  /** When the talk started, for timestamps. */
  starts?: string | null;
  /** Words from a search result (space-separated, already folded): the first match is selected and shown. */
  find?: string;
}

/** Whether Tab should indent rather than move focus: in a list item, or with several lines selected. */
function tabIndents(s: TextState): boolean {
  const from = s.text.lastIndexOf('\n', s.start - 1) + 1;
  return s.text.slice(s.start, s.end).includes('\n') || /^[ \t]*([-*+]|\d{1,9}[.)])[ \t]/.test(s.text.slice(from));
}

export function NoteEditor({ talkId, body, rev, label, initials = '', starts = null, find = '' }: NoteEditorProps): JSX.Element {
  const area = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const started = useRef(0);
  const settled = useRef(0);
  const [askInitials, setAskInitials] = useState(false);

  const edit = (transform: (s: TextState) => TextState | null): boolean => {
    const el = area.current;
    if (!el) return false;
    const next = transform(readState(el));
    if (!next) return false;
    applyEdit(el, next);
    return true;
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter' && !e.shiftKey) {
      if (edit(continueList)) e.preventDefault();
    } else if (e.key === 'Tab' && area.current && tabIndents(readState(area.current))) {
      // Elsewhere Tab keeps moving focus, so the keyboard never traps anyone in the note.
      e.preventDefault();
      edit(e.shiftKey ? outdent : indent);
    }
  };

  // Uncontrolled: the textarea owns its text, so a stored echo never moves the caret. Stored changes are told
  // apart by revision: our own saves (and late echoes of earlier ones) are never newer than the last save we made.
  // A newer one was made elsewhere (a photo added, another tab) and is taken in when nothing typed here is unsaved.
  const lastSaved = useRef({ text: body, rev });
  useEffect(() => {
    const el = area.current;
    if (!el || rev <= lastSaved.current.rev) return;
    const idle = started.current === settled.current;
    const focused = document.activeElement === el;
    if (!idle || (focused && el.value !== lastSaved.current.text)) return;
    lastSaved.current = { text: body, rev };
    if (el.value === body) return;
    const { selectionStart, selectionEnd } = el;
    el.value = body;
    if (focused) el.setSelectionRange(Math.min(selectionStart, body.length), Math.min(selectionEnd, body.length));
  }, [body, rev]);

  // Opened from a search result: select the first match and scroll the note to it, once.
  useEffect(() => {
    const el = area.current;
    const range = el && find ? firstMatch(el.value, find.split(' ')) : null;
    if (!el || !range) return;
    // The note scrolls inside itself: measure how tall the text before the match is, and centre the match.
    const text = el.value;
    el.value = text.slice(0, range[0]);
    const above = el.scrollHeight;
    el.value = text;
    el.focus();
    el.setSelectionRange(range[0], range[1]);
    el.scrollTop = Math.max(0, above - el.clientHeight / 2);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onInput = (e: TargetedEvent<HTMLTextAreaElement>): void => {
    const seq = ++started.current;
    const text = e.currentTarget.value;
    // The status line changes only at the edges: a keystroke while a save is under way re-renders nothing.
    setState((s) => (s.kind === 'saving' ? s : SAVING));
    // Only the newest save decides the status: it holds the whole text, so its success covers any earlier failure.
    saveTalkBody(talkId, text).then(
      (savedRev) => {
        settled.current = Math.max(settled.current, seq);
        if (savedRev > lastSaved.current.rev) lastSaved.current = { text, rev: savedRev };
        if (seq === started.current) setState(SAVED);
        // The first real save is the moment to ask the browser to keep the data through clean-ups.
        requestPersistenceOnce().catch((err: unknown) => console.warn('Could not request persistent storage', err));
      },
      (err: unknown) => {
        settled.current = Math.max(settled.current, seq);
        if (seq === started.current) setState({ kind: 'error', message: describeStorageError(err) });
      },
    );
  };

  return (
    <div class="note-editor">
      <EditorToolbar onEdit={edit} initials={initials} starts={starts} onNeedInitials={() => setAskInitials(true)} />
      {askInitials && !initials && (
        <p class="note-editor__hint">
          Your remarks are signed with your initials, e.g. “-CSB”. <a href={routes.settings}>Set them in Settings</a>.
        </p>
      )}
      <label for="note-body" class="visually-hidden">
        {label}
      </label>
      <textarea
        id="note-body"
        ref={area}
        class="note-editor__text"
        defaultValue={body}
        onInput={onInput}
        onKeyDown={onKeyDown}
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
