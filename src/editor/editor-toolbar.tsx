/** Formatting buttons above the note, for phones that have no Tab key and no Markdown shortcuts. */
import type { JSX } from 'preact';
import type { TextState } from './text-edit';
import { elapsedStamp, indent, insertLink, insertText, outdent, remarkSignature, toggleCode, toggleLinePrefix } from './text-edit';

interface ToolbarProps {
  /** Applies a transform to the note's current text and selection. */
  onEdit: (transform: (s: TextState) => TextState) => void;
  initials: string;
  /** When the talk started, for "[+12:30]" stamps; null when it has no time. */
  starts: string | null;
  onNeedInitials: () => void;
}

interface Action {
  label: string;
  text: string;
  run: () => void;
  disabled?: boolean;
}

export function EditorToolbar({ onEdit, initials, starts, onNeedInitials }: ToolbarProps): JSX.Element {
  const actions: Action[] = [
    { label: 'Bullet list', text: '•', run: () => onEdit((s) => toggleLinePrefix(s, '- ')) },
    { label: 'Indent', text: '⇥', run: () => onEdit(indent) },
    { label: 'Outdent', text: '⇤', run: () => onEdit(outdent) },
    { label: 'Heading', text: 'H', run: () => onEdit((s) => toggleLinePrefix(s, '## ')) },
    { label: 'Quote', text: '❝', run: () => onEdit((s) => toggleLinePrefix(s, '> ')) },
    { label: 'Code', text: '</>', run: () => onEdit(toggleCode) },
    { label: 'Link', text: 'Link', run: () => onEdit(insertLink) },
    {
      // Accessible names start with the visible text, so voice control users can say what they see.
      label: initials ? `-${initials}: sign my remark` : '-Me: sign my remark (set your initials first)',
      text: initials ? `-${initials}` : '-Me',
      run: () => (initials ? onEdit((s) => insertText({ ...s, start: s.end }, remarkSignature(initials))) : onNeedInitials()),
    },
    {
      label: starts ? '+m:ss: time since the talk began' : '+m:ss: time since the talk began (the talk has no start time)',
      text: '+m:ss',
      disabled: !starts,
      run: () => {
        const stamp = elapsedStamp(starts, Date.now());
        if (stamp) onEdit((s) => insertText(s, `${stamp} `));
      },
    },
  ];
  return (
    <div class="editor-toolbar" role="toolbar" aria-label="Formatting" aria-controls="note-body">
      {actions.map((a) => (
        <button
          key={a.label}
          type="button"
          class="editor-toolbar__button"
          aria-label={a.label}
          title={a.label}
          disabled={a.disabled}
          // Keeping focus in the note keeps the phone's keyboard open and the selection intact.
          onPointerDown={(e) => e.preventDefault()}
          onClick={a.run}
        >
          {a.text}
        </button>
      ))}
    </div>
  );
}
