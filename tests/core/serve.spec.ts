/**
 * `npm run serve`'s entry, run as a child process the way a user runs it: refused
 * configurations exit 1 with a plain message, a taken port is named, a good start prints the
 * URL, answers on it and stops cleanly on SIGTERM, and a live provider is fetched from the
 * configured base URL (a local mock, never the real host) without the key ever printed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startFinnhubMock } from '../mocks/providers/finnhub-mock.js';
import { send } from './http/helpers.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(REPO, 'node_modules/.bin/tsx');
const ENTRY = join(REPO, 'src-main/core/serve.ts');
const URL_LINE = /^Market heatmap \(replay\) at http:\/\/127\.0\.0\.1:(\d+)\/$/m;
const LIVE_URL_LINE = /^Market heatmap \(finnhub\) at http:\/\/127\.0\.0\.1:(\d+)\/$/m;
const POLL_MS = 50;

async function waitUntil(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('waitUntil: timed out');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
const RUN_TIMEOUT_MS = 30_000;
/** A refused start exits in about a second (tsx start-up); far longer means a hang. */
const REFUSE_TIMEOUT_MS = 10_000;

interface Run {
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
  /** Resolves when stdout matches `pattern`. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
}

let dataDir: string;
const children: ReturnType<typeof spawn>[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'heatmap-serve-'));
});

afterEach(async () => {
  // A failed assertion must not leave a server running.
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

function runServe(env: Record<string, string>): Run {
  const child = spawn(TSX, [ENTRY], {
    // A temp cwd so a developer's own .env does not leak into the test.
    cwd: dataDir,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env },
  });
  children.push(child);
  const run: Run = {
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    kill: (signal) => child.kill(signal),
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = run.stdout.match(pattern);
          if (match) resolve(match);
        };
        child.stdout.on('data', check);
        child.on('exit', () => reject(new Error(`exited before ${pattern}: ${run.stderr}`)));
        check();
      }),
  };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return run;
}

describe('npm run serve entry', { timeout: RUN_TIMEOUT_MS }, () => {
  it('refuses a bad PORT with exit 1 and a message without a stack', async () => {
    const run = runServe({ PORT: 'abc' });

    expect(await run.exited).toBe(1);
    expect(run.stderr).toContain('PORT: "abc" is not accepted; expected an integer from 0');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
  });

  it.each([
    ['/proc/nope', 'does not exist and cannot be created: ENOENT'],
    ['/etc/passwd', 'is a file, not a folder'],
    ['/etc/passwd/sub', 'goes through a file where a folder should be'],
  ])('refuses DATA_DIR=%s at once, naming it, with exit 1', async (dir, problem) => {
    const run = runServe({ DATA_DIR: dir });

    // Node's recursive mkdir spins forever under /proc: a hang must fail, not stall the suite.
    const code = await Promise.race([
      run.exited,
      new Promise<string>((resolve) => setTimeout(() => resolve('hung'), REFUSE_TIMEOUT_MS)),
    ]);
    expect(code).toBe(1);
    expect(run.stderr).toContain(`DATA_DIR: "${dir}" ${problem}; expected a writable folder`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
  });

  it('creates a missing DATA_DIR, several levels deep, and starts', async () => {
    const deep = join(dataDir, 'a', 'b');
    const run = runServe({ PORT: '0', DATA_DIR: deep });

    await run.waitFor(URL_LINE);
    expect((await stat(deep)).isDirectory()).toBe(true);
    run.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('refuses alpaca without its secret, without echoing the key', async () => {
    const run = runServe({ STOCK_PROVIDER: 'alpaca', STOCK_API_KEY: 'sk-serve-secret' });

    expect(await run.exited).toBe(1);
    expect(run.stderr).toContain('provider alpaca needs STOCK_API_SECRET');
    expect(run.stderr).not.toContain('sk-serve-secret');
  });

  it('starts on a live provider at the configured base URL, never printing the key', async () => {
    const mock = await startFinnhubMock();
    try {
      const run = runServe({
        PORT: '0',
        LOG_LEVEL: 'info',
        STOCK_PROVIDER: 'finnhub',
        STOCK_API_KEY: 'sk-serve-secret',
        STOCK_API_BASE_URL: mock.url,
      });
      const [, port] = await run.waitFor(LIVE_URL_LINE);
      await waitUntil(() => mock.requestsTo('/quote').length > 0);

      const health = await send(Number(port), '/api/health');
      expect(health.json()).toMatchObject({ provider: 'finnhub', mode: 'live' });
      expect(mock.requests[0]?.query.token).toBe('sk-serve-secret');

      run.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(health.text).not.toContain('sk-serve-secret');
      expect(run.stdout + run.stderr).not.toContain('sk-serve-secret');
    } finally {
      await mock.close();
    }
  });

  describe('with a port taken', () => {
    let blocker: Server;

    beforeEach(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    });

    afterEach(async () => {
      await new Promise((resolve) => blocker.close(resolve));
    });

    it('says the port is in use and exits 1', async () => {
      const port = (blocker.address() as AddressInfo).port;
      const run = runServe({ PORT: String(port) });

      expect(await run.exited).toBe(1);
      expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    });
  });

  it('prints the URL, answers on it and stops on SIGTERM', async () => {
    const run = runServe({ PORT: '0' });
    const [, port] = await run.waitFor(URL_LINE);

    const health = await send(Number(port), '/api/health');
    expect(health.status).toBe(200);

    run.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
