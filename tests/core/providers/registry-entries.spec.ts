import { describe, expect, it } from 'vitest';

import { createProvider, getProviderEntry } from '../../../src-main/core/providers/index.js';

describe('provider registry entries', () => {
  it.each([
    ['twelvedata', 'https://api.twelvedata.com'],
    ['fmp', 'https://financialmodelingprep.com/stable'],
    ['alphavantage', 'https://www.alphavantage.co'],
  ] as const)('registers %s with its real base URL', (id, url) => {
    expect(getProviderEntry(id)?.defaultBaseUrl).toBe(url);
  });

  it('creates the adapters without calling anything (base URL aimed at a local address)', () => {
    for (const id of ['twelvedata', 'fmp', 'alphavantage'] as const) {
      const provider = createProvider(id, { apiKey: 'k-1234', baseUrl: 'http://127.0.0.1:9' });
      expect(provider.id).toBe(id);
      expect(provider.source().provider).toBe(id);
    }
  });
});
