import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  ConfigError,
  type ConfigProblem,
  DEFAULT_PORT,
  loadConfig,
  parseConfig,
  providerSettingsOf,
} from '../../src-main/core/config.js';

/** The problems parseConfig refuses `env` with (fails the test if it accepts it). */
function problemsOf(env: Record<string, string>): readonly ConfigProblem[] {
  try {
    parseConfig(env, '/home/user');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe('parseConfig', () => {
  it('defaults to the replay on port 5174 at 127.0.0.1', () => {
    expect(parseConfig({})).toEqual({
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      provider: 'replay',
      replaySpeed: undefined,
      apiKey: undefined,
      apiSecret: undefined,
      rateLimitPerMinute: undefined,
      baseUrl: undefined,
      dataDir: undefined,
      clockStart: undefined,
    });
  });

  it('reads every variable, trimming values and resolving DATA_DIR', () => {
    const config = parseConfig(
      {
        PORT: ' 0 ',
        REPLAY_SPEED: '2.5',
        API_RATE_LIMIT: '30',
        STOCK_API_BASE_URL: 'http://127.0.0.1:9000/api/v1',
        DATA_DIR: 'data',
        HOST: '0.0.0.0',
      },
      '/home/user',
    );

    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      replaySpeed: 2.5,
      rateLimitPerMinute: 30,
      baseUrl: 'http://127.0.0.1:9000/api/v1',
      dataDir: '/home/user/data',
    });
  });

  it('reads DEMO_CLOCK_START as an instant, in UTC or with an offset', () => {
    expect(parseConfig({ DEMO_CLOCK_START: '2026-11-28T15:00:00Z' }).clockStart).toBe(
      Date.UTC(2026, 10, 28, 15),
    );
    expect(parseConfig({ DEMO_CLOCK_START: '2026-11-27T13:30-05:00' }).clockStart).toBe(
      Date.UTC(2026, 10, 27, 18, 30),
    );
  });

  it('treats an empty value as unset', () => {
    expect(parseConfig({ PORT: '', STOCK_PROVIDER: '' }).port).toBe(DEFAULT_PORT);
  });

  it.each([
    ['PORT', 'abc', 'an integer from 0 to 65535'],
    ['PORT', '65536', 'an integer from 0 to 65535'],
    ['PORT', '-1', 'an integer from 0 to 65535'],
    ['PORT', '80.5', 'an integer from 0 to 65535'],
    ['REPLAY_SPEED', '0', 'a positive number'],
    ['REPLAY_SPEED', 'fast', 'a positive number'],
    ['API_RATE_LIMIT', '1.5', 'a positive integer (calls per minute)'],
    ['API_RATE_LIMIT', '0', 'a positive integer (calls per minute)'],
    ['STOCK_API_BASE_URL', 'ftp://example.test', 'an http:// or https:// URL'],
    ['STOCK_API_BASE_URL', 'not a url', 'an http:// or https:// URL'],
    ['STOCK_PROVIDER', 'yahoo', 'one of replay, finnhub, alpaca, polygon, twelvedata, fmp'],
    ['DEMO_CLOCK_START', 'saturday', 'an ISO-8601 date and time with a zone'],
    ['DEMO_CLOCK_START', '2026-11-28T15:00:00', 'an ISO-8601 date and time with a zone'],
    ['DEMO_CLOCK_START', '2026-11-28', 'e.g. 2026-11-28T15:00:00Z'],
    ['DEMO_CLOCK_START', '2026-02-30T15:00:00Z', 'an ISO-8601 date and time with a zone'],
    ['DEMO_CLOCK_START', '2026-11-28T25:00:00Z', 'an ISO-8601 date and time with a zone'],
    ['DEMO_CLOCK_START', '9999-01-01T00:00:00Z', 'from 2025 to 2028'],
    ['DEMO_CLOCK_START', '1900-01-01T00:00:00Z', 'from 2025 to 2028'],
    ['DEMO_CLOCK_START', '2024-12-31T23:59:59Z', 'from 2025 to 2028'],
  ])('refuses %s=%s, saying what was given and what is accepted', (variable, value, accepted) => {
    const [problem, ...rest] = problemsOf({ [variable]: value });

    expect(rest).toEqual([]);
    expect(problem?.variable).toBe(variable);
    expect(problem?.message).toContain(`"${value}" is not accepted; expected`);
    expect(problem?.message).toContain(accepted);
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'x', REPLAY_SPEED: '-2' });

    expect(problems.map((p) => p.variable)).toEqual(['PORT', 'REPLAY_SPEED']);
  });

  it('refuses a live provider without a key', () => {
    expect(problemsOf({ STOCK_PROVIDER: 'finnhub' })).toEqual([
      {
        variable: 'STOCK_PROVIDER',
        message: 'provider finnhub needs an API key: set STOCK_API_KEY, or use replay',
      },
    ]);
  });

  it('refuses alpaca without its secret', () => {
    const [problem] = problemsOf({ STOCK_PROVIDER: 'alpaca', STOCK_API_KEY: 'key-id-1234' });

    expect(problem?.message).toBe(
      'provider alpaca needs STOCK_API_SECRET as well as STOCK_API_KEY',
    );
  });

  it.each(['finnhub', 'polygon', 'twelvedata', 'fmp', 'alphavantage'])(
    'accepts %s with a key, a base URL and a lower rate limit',
    (provider) => {
      const config = parseConfig({
        STOCK_PROVIDER: provider,
        STOCK_API_KEY: 'sk-very-secret',
        STOCK_API_BASE_URL: 'http://127.0.0.1:9000/api/v1',
        API_RATE_LIMIT: '30',
      });

      expect(providerSettingsOf(config)).toEqual({
        provider,
        apiKey: 'sk-very-secret',
        baseUrl: 'http://127.0.0.1:9000/api/v1',
        rateLimitPerMinute: 30,
      });
    },
  );

  it('accepts alpaca with its key id and secret', () => {
    const config = parseConfig({
      STOCK_PROVIDER: 'alpaca',
      STOCK_API_KEY: 'key-id-1234',
      STOCK_API_SECRET: 'secret-5678',
    });

    expect(providerSettingsOf(config)).toEqual({
      provider: 'alpaca',
      apiKey: 'key-id-1234',
      apiSecret: 'secret-5678',
    });
  });

  it('refuses a key without a provider instead of silently playing the replay', () => {
    const [problem, ...rest] = problemsOf({ STOCK_API_KEY: 'sk-forgotten-provider' });

    expect(rest).toEqual([]);
    expect(problem?.variable).toBe('STOCK_PROVIDER');
    expect(problem?.message).toContain('STOCK_API_KEY is set but STOCK_PROVIDER is not');
    expect(problem?.message).toContain('finnhub, alpaca, polygon, twelvedata, fmp, alphavantage');
    expect(problem?.message).not.toContain('sk-forgotten-provider');
  });

  it('keeps the replay when it is chosen explicitly, whatever key is set', () => {
    const config = parseConfig({ STOCK_PROVIDER: 'replay', STOCK_API_KEY: 'unused-key' });

    expect(providerSettingsOf(config).provider).toBe('replay');
  });

  it('never echoes a refused secret', () => {
    const problems = problemsOf({
      STOCK_PROVIDER: 'alpaca',
      STOCK_API_KEY: 'sk-very-secret',
      STOCK_API_BASE_URL: 'nope',
    });

    const variables = problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['STOCK_API_BASE_URL', 'STOCK_PROVIDER']);
    expect(JSON.stringify(problems)).not.toContain('sk-very-secret');
  });
});

describe('loadConfig', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'heatmap-config-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads .env, with the environment taking precedence', async () => {
    await writeFile(join(dir, '.env'), 'PORT=6000\nREPLAY_SPEED=4\n');

    const config = loadConfig({ PORT: '7000' }, dir);

    expect(config.port).toBe(7000);
    expect(config.replaySpeed).toBe(4);
  });

  it('works without a .env file', () => {
    expect(loadConfig({}, dir).port).toBe(DEFAULT_PORT);
  });

  it('refuses a bad value that comes from .env', async () => {
    await writeFile(join(dir, '.env'), 'API_RATE_LIMIT=lots\n');

    expect(() => loadConfig({}, dir)).toThrow('API_RATE_LIMIT: "lots" is not accepted');
  });
});
