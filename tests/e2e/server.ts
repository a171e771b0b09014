import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY = /Market heatmap \([^)]*\) at (http:\/\/127\.0\.0\.1:\d+\/)/;
/** The server entry; overridable only to try the tests against a stand-in during development. */
const ENTRY = process.env.HEATMAP_E2E_ENTRY ?? 'src-main/core/serve.ts';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** A port that was free a moment ago: listen on 0 on loopback, read it, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Extra environment (provider, key, base URL). */
  env?: Record<string, string>;
  /** A data directory to reuse (and keep on stop); default: a throw-away one. */
  dataDir?: string;
}

/**
 * Starts the headless server (`npx tsx src-main/core/serve.ts`) on a free loopback port with a
 * throw-away data directory, and resolves with its URL once it prints it. The child gets its own
 * process group so stopping it also ends the tsx/node processes npx starts.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'heatmap-e2e-'));
  const child = spawn('npx', ['tsx', ENTRY], {
    cwd: ROOT,
    // The replay unless a test says otherwise: a developer's shell or .env naming a live
    // provider must never send a test's server to a real provider host.
    env: {
      ...process.env,
      STOCK_PROVIDER: 'replay',
      ...options.env,
      PORT: String(port),
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });

  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`start server: no URL after ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = READY.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start server: exited with ${code}:\n${output}`));
    });
  });

  // The listeners above keep collecting after the start: `output()` is the whole log so far.
  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= stopProcessGroup(child).finally(() => {
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
    });
    return stopped;
  };
  return { url, output: () => output, stop };
}

/**
 * SIGTERM to the whole group, then waits until no process of it is left (npx exits before the
 * server has saved its snapshot); SIGKILL after STOP_TIMEOUT_MS.
 */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const pid = child.pid;
  signalGroup(pid, 'SIGTERM');

  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) {
      signalGroup(pid, 'SIGKILL');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}
