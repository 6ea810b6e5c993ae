// A fresh in-memory IndexedDB for each test file; Dexie picks up the globals it installs.
import 'fake-indexeddb/auto';
