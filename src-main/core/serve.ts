/**
 * The headless entry (`npm run serve`): loads the configuration, starts the engine with its
 * conf-backed snapshot store, serves the API and the built renderer on 127.0.0.1, prints the
 * URL to open, and shuts down cleanly on SIGINT/SIGTERM (the engine saves its snapshot).
 * Failures at start print one plain message, never a stack, and exit non-zero.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createAlertMonitor } from './alerts/alert-monitor.js';
import { openConfAlertStore } from './alerts/conf-alert-store.js';
import { evaluateCriteria } from './alerts/criteria-evaluator.js';
import { type AppConfig, isConfigError, loadConfig, providerSettingsOf } from './config.js';
import { ensureDataDir } from './data-dir.js';
import { clockStartingAt } from './demo-clock.js';
import { type Clock, SYSTEM_CLOCK } from './domain/types.js';
import { createEngine, defaultResourcesDir, type RunningEngine } from './engine.js';
import type { Engine } from './engine-types.js';
import { DailyCloseCache } from './history/daily-close-cache.js';
import { isPortInUse } from './http/errors.js';
import { createHttpServer, type HttpServer } from './http/server.js';
import { createLogger, formatError, redact } from './log.js';
import { ConfSnapshotStore } from './store/conf-snapshot-store.js';
import { createViewEngine } from './views/view-engine.js';
import { openConfViewStore } from './views/view-store.js';

const log = createLogger('serve');

/** Where `vite build --mode web` puts the renderer, from this file's place in the repo. */
const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
/** Past this, a stuck shutdown gives up and exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;
const EXIT_FAILURE = 1;

async function startEngine(config: AppConfig, clock: Clock): Promise<RunningEngine> {
  const storeOptions = config.dataDir === undefined ? {} : { cwd: config.dataDir };
  const store = new ConfSnapshotStore(storeOptions);
  const engine = await createEngine({
    resourcesDir: defaultResourcesDir(),
    store,
    clock,
    // Beside the snapshot (DATA_DIR, or the OS config folder), in its own file.
    dailyCloses: new DailyCloseCache(clock, dirname(store.path)),
    ...(config.replaySpeed === undefined ? {} : { replay: { speed: config.replaySpeed } }),
    // Starting on the configured provider (rather than switching from the replay after
    // start) keeps a restored live snapshot labelled as the live data it is.
    providerSettings: providerSettingsOf(config),
  });
  await engine.start();
  return engine;
}

async function main(): Promise<void> {
  const config = loadConfig();
  redact(config.apiKey);
  redact(config.apiSecret);
  // Before any store touches it: conf would loop or throw a stack on a bad folder.
  if (config.dataDir !== undefined) ensureDataDir(config.dataDir);

  const clock = demoClock(config);
  const engine = await startEngine(config, clock);
  const storeFolder = config.dataDir === undefined ? {} : { cwd: config.dataDir };
  const alerts = createAlertMonitor({
    engine,
    store: openConfAlertStore(storeFolder),
    evaluateCriteria,
    clock,
  });
  alerts.start();
  // Universes, filters, watchlists, time frames and history wrap the engine for the API.
  const views = createViewEngine(engine, {
    resourcesDir: defaultResourcesDir(),
    store: openConfViewStore(storeFolder),
    clock,
  });
  const server = createHttpServer({
    engine: views,
    alerts,
    staticDir: RENDERER_DIR,
    port: config.port,
  });

  let port: number;
  try {
    port = await server.start();
  } catch (error) {
    await engine.stop().catch((stopError: unknown) => log.warn('start: engine stop', stopError));
    throw error;
  }

  const { provider } = engine.health();
  process.stdout.write(`Market heatmap (${provider}) at http://${config.host}:${port}/\n`);
  setupShutdown(server, engine);
}

/** The system clock, or the demo clock `DEMO_CLOCK_START` asks for (said loudly in the log). */
function demoClock(config: AppConfig): Clock {
  if (config.clockStart === undefined) return SYSTEM_CLOCK;
  log.warn(
    `demo clock: the engine's clock starts at ${new Date(config.clockStart).toISOString()} ` +
      '(DEMO_CLOCK_START, for demos and tests)',
  );
  return clockStartingAt(config.clockStart);
}

/** Stops the server (ending streams) and then the engine on the first SIGINT or SIGTERM. */
function setupShutdown(server: HttpServer, engine: Engine): void {
  let stopping = false;

  const shutdown = (signal: NodeJS.Signals): void => {
    // A second signal while stopping means "now": give up on a clean stop.
    if (stopping) process.exit(EXIT_FAILURE);
    stopping = true;
    log.info(`shutdown: ${signal} received, saving the snapshot`);
    setTimeout(() => {
      log.error('shutdown: timed out, exiting without a clean stop');
      process.exit(EXIT_FAILURE);
    }, SHUTDOWN_TIMEOUT_MS).unref();

    server
      .stop()
      .then(() => engine.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('shutdown: failed', formatError(error));
          process.exit(EXIT_FAILURE);
        },
      );
  };

  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** The one message a user reads when the server cannot start. */
function describeStartFailure(error: unknown): string {
  if (isConfigError(error)) {
    return `Configuration refused (environment or .env):\n${error.message}\n`;
  }
  if (isPortInUse(error)) {
    return (
      `Port ${error.port} on 127.0.0.1 is already in use (another server, or this one ` +
      'running twice). Stop it, or set PORT to a free port (PORT=0 picks one).\n'
    );
  }
  return `Could not start the market heatmap: ${formatError(error)}\n`;
}

main().catch((error: unknown) => {
  process.stderr.write(describeStartFailure(error));
  process.exit(EXIT_FAILURE);
});
