/** Puts a transform's result into a textarea as an edit the browser knows, so undo and the input event still work. */
import type { TextState } from './text-edit';

/** The textarea's current text and selection. */
export function readState(el: HTMLTextAreaElement): TextState {
  return { text: el.value, start: el.selectionStart, end: el.selectionEnd };
}

/**
 * Replaces only the part of the text that changed, through the browser's own editing command where it
 * exists (keeps the undo history, fires `input`), else by setting the value and firing `input` ourselves.
 */
export function applyEdit(el: HTMLTextAreaElement, next: TextState): void {
  const old = el.value;
  let head = 0;
  while (head < old.length && head < next.text.length && old[head] === next.text[head]) head++;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < next.text.length - head &&
    old[old.length - 1 - tail] === next.text[next.text.length - 1 - tail]
  )
    tail++;
  const replacement = next.text.slice(head, next.text.length - tail);
  el.focus();
  el.setSelectionRange(head, old.length - tail);
  const done =
    typeof document.execCommand === 'function' &&
    document.execCommand(replacement ? 'insertText' : 'delete', false, replacement) &&
    el.value === next.text;
  if (!done) {
    el.value = next.text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
  el.setSelectionRange(next.start, next.end);
}
