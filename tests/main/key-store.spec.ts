import { describe, expect, it } from 'vitest';

import { createLogger, setLogLevel, setLogSink } from '../../src-main/core/log.js';
import { createKeyStore, maskKey } from '../../src-main/key-store.js';
import { createMemoryStore } from '../../src-main/key-value-store.js';
import { safeStorage } from '../mocks/electron.js';

const KEY = 'fh-0123456789-abcd';
const SECRET = 'alpaca-secret-5678-wxyz';

describe('createKeyStore', () => {
  it('stores the key encrypted, never in clear, and reads it back', () => {
    const kv = createMemoryStore();
    const keys = createKeyStore(kv, safeStorage, 'linux');

    keys.save('alpaca', { apiKey: KEY, apiSecret: SECRET });

    const stored = kv.get('credentials.alpaca');
    expect(typeof stored).toBe('string');
    expect(stored).not.toContain(KEY);
    expect(Buffer.from(String(stored), 'base64').toString('utf8')).not.toContain(KEY);
    expect(safeStorage.encryptString).toHaveBeenCalledTimes(1);
    expect(keys.storage()).toBe('os-keychain');
    expect(createKeyStore(kv, safeStorage, 'linux').load('alpaca')).toEqual({
      apiKey: KEY,
      apiSecret: SECRET,
    });
  });

  it('shows only the last 4 characters, or none for a short key', () => {
    const keys = createKeyStore(createMemoryStore(), safeStorage, 'darwin');
    keys.save('finnhub', { apiKey: KEY });

    expect(keys.info('finnhub')).toEqual({ hint: '••••abcd', hasSecret: false });
    expect(maskKey('short-key')).toBe('••••');
    expect(keys.info('polygon')).toBeUndefined();
  });

  it.each([
    ['encryption is unavailable', () => safeStorage.isEncryptionAvailable.mockReturnValue(false)],
    [
      'Linux offers only the basic_text backend',
      () => safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text'),
    ],
  ])('keeps the key in memory only when %s, writing nothing', (_label, arrange) => {
    arrange();
    const kv = createMemoryStore({ 'credentials.finnhub': 'an-older-encrypted-key' });
    const keys = createKeyStore(kv, safeStorage, 'linux');

    keys.save('finnhub', { apiKey: KEY });

    expect(keys.storage()).toBe('memory-only');
    expect(keys.load('finnhub')).toEqual({ apiKey: KEY });
    expect(kv.get('credentials.finnhub')).toBeUndefined();
    expect(createKeyStore(kv, safeStorage, 'linux').load('finnhub')).toBeUndefined();
  });

  it('forgets a key that no longer decrypts instead of failing', () => {
    const kv = createMemoryStore({ 'credentials.fmp': Buffer.from('garbage').toString('base64') });

    expect(createKeyStore(kv, safeStorage, 'linux').load('fmp')).toBeUndefined();
  });

  it('registers keys for redaction, so no log line can carry them', () => {
    const lines: string[] = [];
    setLogSink((_level, _module, line) => lines.push(line));
    setLogLevel('debug');
    try {
      createKeyStore(createMemoryStore(), safeStorage, 'linux').save('finnhub', { apiKey: KEY });
      createLogger('test').info(`request https://127.0.0.1/quote?token=${KEY}`);
    } finally {
      setLogSink(undefined);
      setLogLevel('error');
    }

    expect(lines.join('\n')).not.toContain(KEY);
    expect(lines.at(-1)).toContain('token=***');
  });

  it('removes a stored key', () => {
    const keys = createKeyStore(createMemoryStore(), safeStorage, 'linux');
    keys.save('twelvedata', { apiKey: KEY });

    keys.remove('twelvedata');

    expect(keys.load('twelvedata')).toBeUndefined();
  });
});
