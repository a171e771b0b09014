/**
 * A fake of electron-store's default export: an in-memory key-value store. Each store is kept
 * in `savedStores` under its `name`, so a test can read what the app saved.
 */
export const savedStores = new Map<string, Map<string, unknown>>();

export default class MemoryElectronStore {
  private readonly values = new Map<string, unknown>();
  /** Where the real store's file would be: `<userData>/<name>.json`. Nothing is written. */
  readonly path: string;

  constructor(options: { name?: string } = {}) {
    if (options.name) savedStores.set(options.name, this.values);
    this.path = `/tmp/electron-mock/userData/${options.name ?? 'config'}.json`;
  }

  get = (key: string) => this.values.get(key);
  set = (key: string, value: unknown) => this.values.set(key, value);
  delete = (key: string) => this.values.delete(key);
}
