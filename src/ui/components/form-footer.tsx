/** The end of an edit form: what went wrong, save and cancel, and for an existing record, Move to Trash. */
import type { JSX } from 'preact';

interface FormFooterProps {
  failure: string;
  submitLabel: string;
  cancelHref: string;
  /** Given for a record that exists, to move it to the Trash. */
  onTrash?: (() => void) | undefined;
}

export function FormFooter({ failure, submitLabel, cancelHref, onTrash }: FormFooterProps): JSX.Element {
  return (
    <>
      {failure && (
        <p role="alert" class="error-box">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button button--primary">
          {submitLabel}
        </button>
        <a class="button" href={cancelHref}>
          Cancel
        </a>
      </div>
      {onTrash && (
        <div class="actions actions--danger">
          <button type="button" class="button button--danger" onClick={onTrash}>
            Move to Trash
          </button>
        </div>
      )}
    </>
  );
}
