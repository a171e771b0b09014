import { describe, expect, it } from 'vitest';

import {
  createProvider,
  isProviderId,
  listProviders,
  PROVIDER_IDS,
} from '../../../src-main/core/providers/index.js';

describe('provider registry', () => {
  it('registers an adapter for every provider id', () => {
    expect(listProviders().map((entry) => entry.id)).toEqual([...PROVIDER_IDS]);
  });

  it('creates adapters whose id matches the registry id', () => {
    for (const id of PROVIDER_IDS) {
      const provider = createProvider(id, {
        apiKey: 'test-key',
        apiSecret: 'test-secret',
        baseUrl: 'http://127.0.0.1:9/',
      });
      expect(provider.id).toBe(id);
    }
  });

  it('refuses an empty key and Alpaca without its secret, naming the field', () => {
    expect(() => createProvider('finnhub', { apiKey: ' ' })).toThrow(/apiKey/);
    expect(() => createProvider('alpaca', { apiKey: 'id' })).toThrow(/apiSecret/);
  });

  it('narrows provider ids', () => {
    expect(isProviderId('polygon')).toBe(true);
    expect(isProviderId('yahoo')).toBe(false);
  });
});
