/** The two ways to add a photo: the camera, or pictures already on the device. */
import type { JSX, TargetedEvent } from 'preact';

export function PhotoAdd({ onFiles }: { onFiles: (files: File[]) => void }): JSX.Element {
  const picked = (e: TargetedEvent<HTMLInputElement>): void => {
    const input = e.currentTarget;
    const files = Array.from(input.files ?? []);
    // Cleared so that picking the same file again (after an error, say) is still a change.
    input.value = '';
    if (files.length > 0) onFiles(files);
  };
  // Each button is a label around its file input, which lies invisible over the whole button: one tap opens the
  // camera or the picker, and the input keeps its own keyboard focus, accessible name and 44 px target.
  return (
    <div class="photo-add">
      <label class="button button--primary photo-add__button">
        <input type="file" accept="image/*" capture="environment" class="photo-add__input" onChange={picked} />
        Take photo
      </label>
      <label class="button photo-add__button">
        <input type="file" accept="image/*" multiple class="photo-add__input" onChange={picked} />
        Choose photos
      </label>
    </div>
  );
}
