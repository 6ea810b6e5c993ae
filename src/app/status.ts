/** Small observable values for app state that is not user data (update ready, online). */
import { useEffect, useState } from 'preact/hooks';

export interface Observable<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

/** A value that notifies its subscribers when it changes. */
export function observable<T>(initial: T): Observable<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const l of listeners) l(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The current value of an observable, re-rendering on change. */
export function useObservable<T>(o: Observable<T>): T;
/** What `select` makes of an observable's value, re-rendering only when that changes (it must not be a function). */
export function useObservable<T, S>(o: Observable<T>, select: (value: T) => S): S;
export function useObservable<T, S>(o: Observable<T>, select?: (value: T) => S): T | S {
  const pick = (v: T): T | S => (select ? select(v) : v);
  const [value, setValue] = useState(() => pick(o.get()));
  useEffect(() => {
    setValue(pick(o.get()));
    return o.subscribe((v) => setValue(pick(v)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [o]);
  return value;
}
