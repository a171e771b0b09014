#!/usr/bin/env node
/**
 * `npm start`: builds the app and opens it in Electron. Where the Electron binary was never
 * downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on our CI and dev machines), it says so and
 * runs the same engine headless instead (`npm run serve`), so the map opens in a browser.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const IS_WINDOWS = process.platform === 'win32';

/** The Electron executable, or undefined when the package is installed without its binary. */
function findElectronBinary() {
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  // electron's install script writes path.txt once the binary is unpacked; without it,
  // require('electron') throws instead of returning the path.
  if (!existsSync(path.join(electronDir, 'path.txt'))) return undefined;
  return require('electron');
}

/** Runs a command with inherited stdio; resolves with its exit code. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    // npm and the .bin shims are .cmd files on Windows, which only a shell can start.
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', shell: IS_WINDOWS });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  const electron = findElectronBinary();
  if (!electron) {
    console.log(
      'npm start: the Electron binary is not installed here (node_modules/electron/path.txt is\n' +
        'missing, e.g. because ELECTRON_SKIP_BINARY_DOWNLOAD=1), so no app window can open.\n' +
        'Running the headless server instead (npm run serve): open the URL it prints\n' +
        'in a browser.\n',
    );
    return run('npm', ['run', 'serve']);
  }

  const viteBin = path.join(ROOT, 'node_modules', '.bin', IS_WINDOWS ? 'vite.cmd' : 'vite');
  const built = await run(viteBin, ['build']);
  if (built !== 0) return built;
  return run(electron, ['.']);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
