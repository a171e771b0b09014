/**
 * The slice of electron-store (and conf) the shell's stores use, so they can be tested on an
 * in-memory map or a conf file in a temp folder.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** A store kept in memory only (tests, and a fallback when the settings file is unreadable). */
export function createMemoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key),
    set: (key, value) => {
      values.set(key, value);
    },
    delete: (key) => {
      values.delete(key);
    },
  };
}
