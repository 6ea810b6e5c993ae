/** An editable list of two-part rows: speakers (name, affiliation) or links (label, address). */
import type { InputHTMLAttributes, JSX } from 'preact';

interface PairListFieldProps<T> {
  legend: string;
  idPrefix: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  empty: () => T;
  first: { key: keyof T & string; label: string; type?: 'text' | 'url'; autoComplete?: string };
  second: { key: keyof T & string; label: string; type?: 'text' | 'url'; autoComplete?: string };
  addLabel: string;
  removeLabel: (row: T, index: number) => string;
  errors?: Record<number, string | undefined>;
}

export function PairListField<T extends Record<string, string>>(props: PairListFieldProps<T>): JSX.Element {
  const { legend, idPrefix, rows, onChange, empty, first, second, addLabel, removeLabel, errors = {} } = props;
  const set = (i: number, key: keyof T, value: string): void =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <fieldset class="pair-list">
      <legend>{legend}</legend>
      {rows.map((row, i) => {
        const err = errors[i];
        const errId = `${idPrefix}-${i}-error`;
        return (
          <div class="pair-list__row" key={i}>
            {[first, second].map((col) => (
              <div class="field" key={col.key}>
                <label for={`${idPrefix}-${i}-${col.key}`}>{col.label}</label>
                <input
                  {...({ type: col.type ?? 'text' } as InputHTMLAttributes<HTMLInputElement>)}
                  id={`${idPrefix}-${i}-${col.key}`}
                  autoComplete={col.autoComplete ?? 'off'}
                  value={row[col.key]}
                  aria-invalid={Boolean(err) && col === second}
                  {...(err && col === second ? { 'aria-describedby': errId } : {})}
                  onInput={(e) => set(i, col.key, e.currentTarget.value)}
                />
              </div>
            ))}
            <button type="button" class="button button--quiet" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {removeLabel(row, i)}
            </button>
            {err && (
              <p id={errId} class="field__error">
                {err}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" class="button" onClick={() => onChange([...rows, empty()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
