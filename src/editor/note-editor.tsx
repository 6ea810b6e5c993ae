/** The note editor: a plain textarea that stores the whole text on every input. */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeStorageError, storageErrorName } from '../db/errors';
import { slugify } from '../markdown/slug';
import { copyToClipboard, downloadFile } from '../ui/components/export-deliver';
import { saveTalkBody } from '../db/talks';
import { keptAsReplaced } from '../db/versions';
import { routes } from '../app/routes';
import { requestPersistenceOnce } from '../app/storage';
import { applyEdit, readState } from './apply-edit';
import { EditorToolbar } from './editor-toolbar';
import { continueList, indent, outdent, type TextState } from './text-edit';
import { firstMatch } from '../search/first-match';

type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string; retry: boolean };
const SAVING: SaveState = { kind: 'saving' };
const SAVED: SaveState = { kind: 'saved' };

/** After a failed save, the text on screen is stored again this often until it succeeds (space freed, say). */
export const RETRY_SAVE_MS = 3_000;

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
  /** Told of each save of typed text (true), and when the note loses focus (false). */
  onTyping?: (typing: boolean) => void;
}

/** Whether Tab should indent rather than move focus: in a list item, or with several lines selected. */
function tabIndents(s: TextState): boolean {
  const from = s.text.lastIndexOf('\n', s.start - 1) + 1;
  return s.text.slice(s.start, s.end).includes('\n') || /^[ \t]*([-*+]|\d{1,9}[.)])[ \t]/.test(s.text.slice(from));
}

export function NoteEditor({ talkId, body, rev, label, initials = '', starts = null, find = '', onTyping }: NoteEditorProps): JSX.Element {
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
  // The text the textarea starts with, fixed: a textarea nobody has typed into follows a changed defaultValue,
  // which would show another tab's text without lastSaved knowing, and make the next save look like a conflict.
  const [initialBody] = useState(body);
  // Whether anything typed here was stored, so a text replaced from elsewhere may have been ours.
  const typedHere = useRef(false);
  useEffect(() => {
    const el = area.current;
    if (!el || rev <= lastSaved.current.rev) return;
    const idle = started.current === settled.current;
    // Text not stored yet (a save failed, storage full) is never swapped out, focused or not: its next save
    // keeps the other text in the history instead.
    if (!idle || el.value !== lastSaved.current.text) return;
    const focused = document.activeElement === el;
    const ours = lastSaved.current.text;
    lastSaved.current = { text: body, rev };
    if (el.value === body) return;
    // Another tab saved over text typed here, keeping ours in the history: say so rather than swap it silently.
    if (typedHere.current)
      keptAsReplaced(talkId, ours).then(
        (replaced) => replaced && setNotice('replaced-here'),
        (err: unknown) => console.warn('Could not read the note history', err),
      );
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

  // Two tabs typed into this note at once: this one saved over the other's text, or the other over ours.
  // Either way both texts are kept (the replaced one in the history), and the person is told until they dismiss it.
  const [notice, setNotice] = useState<'' | 'kept-other' | 'replaced-here'>('');
  const [rescue, setRescue] = useState('');

  /** Stores the text now on screen; every input calls it, and so does the retry after a failure. */
  const save = (): void => {
    const el = area.current;
    if (!el) return;
    const seq = ++started.current;
    const text = el.value;
    onTyping?.(true);
    // The status line changes only at the edges: a keystroke while a save is under way re-renders nothing.
    setState((s) => (s.kind === 'saving' ? s : SAVING));
    // Only the newest save decides the status: it holds the whole text, so its success covers any earlier failure.
    saveTalkBody(talkId, text, lastSaved.current.text).then(
      ({ rev: savedRev, body: stored, keptOther: replaced }) => {
        settled.current = Math.max(settled.current, seq);
        // Saves made while another was under way are stored together, as the newest text: `stored` may be newer than `text`.
        if (savedRev > lastSaved.current.rev) lastSaved.current = { text: stored, rev: savedRev };
        typedHere.current = true;
        if (replaced) setNotice('kept-other');
        if (seq === started.current) setState(SAVED);
        // The first real save is the moment to ask the browser to keep the data through clean-ups.
        requestPersistenceOnce().catch((err: unknown) => console.warn('Could not request persistent storage', err));
      },
      (err: unknown) => {
        settled.current = Math.max(settled.current, seq);
        // The app's own errors (the talk was deleted) are plain Errors and will not go away by waiting.
        if (seq === started.current) setState({ kind: 'error', message: describeStorageError(err), retry: storageErrorName(err) !== 'Error' });
      },
    );
  };

  // A failed save is tried again with whatever is on screen, so freeing space saves the text without retyping it.
  const failed = state.kind === 'error' && state.retry;
  useEffect(() => {
    if (!failed) return;
    const timer = setInterval(() => {
      if (started.current === settled.current) save();
    }, RETRY_SAVE_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [failed]);

  const onInput = (): void => save();

  const copyText = (): void => {
    setRescue('');
    copyToClipboard(area.current?.value ?? '').then(
      () => setRescue('The text is on the clipboard.'),
      (err: unknown) => setRescue((err as Error).message),
    );
  };
  const downloadText = (): void => {
    downloadFile(`${slugify(label)}.md`, new Blob([area.current?.value ?? ''], { type: 'text/markdown' }));
    setRescue('The text is downloaded as a file.');
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
        defaultValue={initialBody}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => onTyping?.(false)}
        placeholder="Type your notes here, in Markdown. Everything is saved as you type."
        spellcheck
        autoCapitalize="sentences"
        aria-describedby="note-status"
      />
      <p id="note-status" class={`note-editor__status note-editor__status--${state.kind}`} role={state.kind === 'error' ? 'alert' : undefined}>
        {state.kind === 'saved' ? 'Saved on this device' : state.kind === 'saving' ? 'Saving…' : state.message}
      </p>
      {state.kind === 'error' && (
        // The text is only on screen now: two ways to keep it that need no storage.
        <p class="actions note-editor__rescue">
          <button type="button" class="button" onClick={copyText}>
            Copy the text
          </button>
          <button type="button" class="button" onClick={downloadText}>
            Download the text
          </button>
          {rescue && <span role="status">{rescue}</span>}
        </p>
      )}
      {notice && (
        <div role="alert" class="note-editor__conflict">
          <p>
            {notice === 'kept-other'
              ? 'This note was also changed in another tab while you typed here. Your text is saved; the other text is kept in the note’s history.'
              : 'Another tab saved its text over what you typed here, so the note now shows that text. What you typed is kept in the note’s history.'}
          </p>
          <p class="actions">
            <a class="button" href={routes.history(talkId)}>
              {notice === 'kept-other' ? 'View the other text' : 'View your text'}
            </a>
            <button type="button" class="button" onClick={() => setNotice('')}>
              Dismiss
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
