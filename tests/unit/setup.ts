// IndexedDB for Dexie under Node; each test file gets its own in-memory databases.
import 'fake-indexeddb/auto';
