/** The app's IndexedDB database: its name, in a module of its own so a reader without Dexie can share it. */
export const DB_NAME = 'lectern';
