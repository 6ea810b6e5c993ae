/** Small DOM steps the component tests share. */
import { fireEvent, screen } from '@testing-library/preact';

/** Types a whole value into the field with this label, as one input event. */
export function fill(label: string, value: string): void {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

/** The text of the elements that describe a field (its hint and its error), as a screen reader reads them. */
export function descriptionOf(el: HTMLElement): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}
