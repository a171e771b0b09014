/**
 * Runs the headless entry (`src-main/core/serve.ts`, what `npm run serve` starts after building
 * the renderer) as a child process on 127.0.0.1, with its stderr (the headless log) written to
 * a file, as a user would redirect it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(REPO, 'node_modules/.bin/tsx');
const ENTRY = join(REPO, 'src-main/core/serve.ts');
const URL_LINE = /^Market heatmap \((\w+)\) at http:\/\/127\.0\.0\.1:(\d+)\/$/m;

export interface ServeProcess {
  port: number;
  child: ChildProcess;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the entry with `env` (plus PATH) in `dataDir`; its log goes to `logFile`. */
export function startServe(
  env: Record<string, string>,
  dataDir: string,
  logFile: string,
): Promise<ServeProcess> {
  const log = openSync(logFile, 'a');
  const child = spawn(TSX, [ENTRY], {
    // A temp cwd so a developer's own .env does not leak into the test.
    cwd: dataDir,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = stdout.match(URL_LINE);
      if (!match) return;
      resolve({
        port: Number(match[2]),
        child,
        stop: () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before printing its URL`)));
  });
}
