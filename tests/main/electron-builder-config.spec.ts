/**
 * The installer config: it loads, electron-builder's own schema accepts it, what it names
 * exists, and it ships build output only (no sources, tests, scripts or configs).
 *
 * js-yaml, app-builder-lib and minimatch are electron-builder's own dependencies, loaded
 * through createRequire with the small types declared here (the project does not list them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { minimatch } = require('minimatch') as {
  minimatch(file: string, pattern: string, options?: { dot?: boolean }): boolean;
};

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHIPPED_ROOTS = ['dist-electron/', 'dist/renderer/'];

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  electronFuses: Record<string, boolean>;
}

function loadConfig(): BuilderConfig {
  return yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

/** Every file of the working tree outside node_modules and build output, repo-relative. */
function sourceFiles(dir = ROOT): string[] {
  const skip = new Set(['node_modules', '.git', 'dist', 'dist-electron', 'release']);
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : [path.relative(ROOT, full)];
  });
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    const validation = validateConfiguration(loadConfig(), new DebugLogger(false));

    await expect(validation).resolves.toBeUndefined();
    // Loading app-builder-lib takes seconds when the whole suite runs in parallel.
  }, 30_000);

  it('names an app id, a product name and the installers of every platform', () => {
    const config = loadConfig();

    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Market Heatmap');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
  });

  it('points at icons and resources that exist', () => {
    const config = loadConfig();

    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) {
      expect(existsSync(path.join(ROOT, icon)), icon).toBe(true);
    }
    for (const { from } of config.extraResources) {
      expect(existsSync(path.join(ROOT, from)), from).toBe(true);
    }
    expect(config.extraResources).toContainEqual(
      expect.objectContaining({ from: 'resources', to: 'resources' }),
    );
  });

  it('ships only build output and package.json', () => {
    const included = loadConfig().files.filter((pattern) => !pattern.startsWith('!'));

    for (const pattern of included) {
      const isBuildOutput = SHIPPED_ROOTS.some((root) => pattern.startsWith(root));
      expect(isBuildOutput || pattern === 'package.json', pattern).toBe(true);
    }
  });

  it('matches no source, test, script or config file of the repository', () => {
    const included = loadConfig().files.filter((pattern) => !pattern.startsWith('!'));
    const shipped = sourceFiles().filter((file) =>
      included.some((pattern) => minimatch(file, pattern, { dot: true })),
    );

    expect(shipped).toEqual(['package.json']);
  });

  it('names the main entry package.json points at inside what it ships', () => {
    const text = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const pkg = JSON.parse(text) as { main: string };

    expect(SHIPPED_ROOTS.some((root) => pkg.main.startsWith(root))).toBe(true);
  });

  it('turns off the Electron fuses that let the app run as plain Node', () => {
    expect(loadConfig().electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});
