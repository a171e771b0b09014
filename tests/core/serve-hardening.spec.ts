/**
 * Hardening of the headless server, checked against the real entry in a child process on
 * 127.0.0.1: a foreign Host (DNS rebinding) or Origin is refused, and after a session that
 * used an API key (a live provider pointed at the local Finnhub mock, with failures logged),
 * the key appears in no response, no log line and no file the server wrote.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startFinnhubMock } from '../mocks/providers/finnhub-mock.js';
import { type ServeProcess, startServe } from './helpers/serve-process.js';
import { send, type TestResponse } from './http/helpers.js';
import { openSse } from './http/sse-client.js';

const KEY = 'sk-hardening-7f3a9c2e51';
const RUN_TIMEOUT_MS = 40_000;

let dataDir: string;
let logFile: string;
let serve: ServeProcess | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'heatmap-hardening-'));
  logFile = join(dataDir, 'serve.log');
});

afterEach(async () => {
  // A failed assertion must not leave a server running.
  if (serve && serve.child.exitCode === null) serve.child.kill('SIGKILL');
  serve = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('waitUntil: timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every file under `dir`, recursively, as text. */
async function filesUnder(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path, await readFile(path, 'utf8'));
  }
  return out;
}

describe('serve hardening', { timeout: RUN_TIMEOUT_MS }, () => {
  it('refuses a foreign Host or Origin and answers its own', async () => {
    serve = await startServe({ LOG_LEVEL: 'error' }, dataDir, logFile);
    const { port } = serve;

    expect((await send(port, '/api/health')).status).toBe(200);
    const localhost = { host: `localhost:${port}` };
    const viaLocalhost = await send(port, '/api/health', { headers: localhost });
    expect(viaLocalhost.status).toBe(200);
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`]) {
      const res = await send(port, '/api/health', { headers: { host } });
      expect(res.status, host).toBe(403);
      expect(res.json<{ error: string }>().error).toMatch(/Host header not accepted/);
    }
    expect((await send(port, '/', { headers: { host: 'rebind.example' } })).status).toBe(403);

    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${port + 1}`]) {
      const res = await send(port, '/api/stocks', { headers: { origin } });
      expect(res.status, origin).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    const csrf = await send(port, '/api/alerts', {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'breadth', direction: 'above', share: 0.6 }),
    });
    expect(csrf.status).toBe(403);
    // serve.ts wires the filter compiler into criteria alerts.
    expect((await send(port, '/api/alerts')).json()).toMatchObject({
      rules: [],
      criteriaAvailable: true,
    });

    expect(await serve.stop()).toBe(0);
  });

  it('never returns or logs the key after a session that used it', async () => {
    const mock = await startFinnhubMock();
    try {
      // The first calls fail (logged with details), then the provider recovers.
      mock.useCase('html-page');
      serve = await startServe(
        {
          LOG_LEVEL: 'debug',
          STOCK_PROVIDER: 'finnhub',
          STOCK_API_KEY: KEY,
          STOCK_API_BASE_URL: mock.url,
        },
        dataDir,
        logFile,
      );
      const { port } = serve;
      await waitUntil(() => mock.requests.length > 0);
      mock.useCase('success');
      await waitUntil(() => mock.requests.length > 3);
      expect(mock.requests.some((r) => r.query.token === KEY)).toBe(true);

      const responses: TestResponse[] = [];
      for (const path of ['/', '/api/health', '/api/stocks', '/api/alerts', '/api/nope', '/x']) {
        responses.push(await send(port, path));
      }
      responses.push(
        await send(port, '/api/alerts', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'price', symbol: 'AAPL', direction: 'above', level: KEY }),
        }),
      );
      const stream = await openSse(port, '/api/stream');
      const snapshot = await stream.next('snapshot', 10_000);
      stream.close();

      expect(await serve.stop()).toBe(0);
      for (const res of responses) expect(res.text).not.toContain(KEY);
      expect(snapshot.data).not.toContain(KEY);
      const files = await filesUnder(dataDir);
      expect(files.get(logFile)).toMatch(/\[serve\]|\[scheduler\]|\[http\]/);
      for (const [path, text] of files) expect(text, path).not.toContain(KEY);
    } finally {
      await mock.close();
    }
  });
});
