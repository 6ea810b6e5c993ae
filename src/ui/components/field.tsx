/** A labelled form field with its error message beside it, wired for screen readers. */
import type { ComponentChildren, InputHTMLAttributes, JSX } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ComponentChildren;
}

export function Field({ id, label, error, hint, children }: FieldProps): JSX.Element {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': Boolean(error), ...(described ? { 'aria-describedby': described } : {}) })}
      {error && (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The input attributes the app's text fields use; Preact's own input types are a union too strict to spread. */
export interface InputAttrs {
  type?: 'text' | 'date' | 'time' | 'url';
  list?: string;
  min?: string;
  placeholder?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'url';
  spellcheck?: boolean;
  required?: boolean;
}

interface TextFieldProps extends InputAttrs {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  onValue: (value: string) => void;
}

/** A text-like input (text, date, time, url) inside a Field. */
export function TextField({ id, label, value, error, hint, onValue, ...rest }: TextFieldProps): JSX.Element {
  return (
    <Field id={id} label={label} error={error} {...(hint ? { hint } : {})}>
      {(aria) => <input {...(rest as InputHTMLAttributes<HTMLInputElement>)} {...aria} value={value} onInput={(e) => onValue(e.currentTarget.value)} />}
    </Field>
  );
}
