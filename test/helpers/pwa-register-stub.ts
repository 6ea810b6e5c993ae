/** Stands in for vite-plugin-pwa's virtual module outside a build; tests drive the update flow through it. */
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

export const registered: { options?: RegisterSWOptions; updates: boolean[] } = { updates: [] };

export function registerSW(options: RegisterSWOptions = {}): (reload?: boolean) => Promise<void> {
  registered.options = options;
  return async (reload?: boolean) => {
    registered.updates.push(Boolean(reload));
  };
}
