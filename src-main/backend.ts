/**
 * The engine and the local HTTP layer, run inside the app exactly as `npm run serve` runs them
 * headless. The window then loads the renderer from this server, so the app and a browser get
 * market data the same way.
 */
import { type AlertMonitor, createAlertMonitor } from './core/alerts/alert-monitor.js';
import type { AlertStore } from './core/alerts/alert-store.js';
import { evaluateCriteria } from './core/alerts/criteria-evaluator.js';
import { createEngine, type RunningEngine } from './core/engine.js';
import type { ProviderSettings } from './core/engine-types.js';
import type { DailyCloseCache } from './core/history/daily-close-cache.js';
import { createHttpServer, LOOPBACK_HOST } from './core/http/server.js';
import { createLogger, formatError } from './core/log.js';
import type { SnapshotStore } from './core/store/snapshot-store.js';
import { tryCreateViewEngine } from './core/views/view-engine.js';
import { openConfViewStore, type ViewStoreBackend } from './core/views/view-store.js';

const log = createLogger('backend');

export interface BackendOptions {
  resourcesDir: string;
  rendererDir: string;
  store: SnapshotStore;
  /** 0 picks a free port. */
  port: number;
  /** Origins besides our own allowed to call the API (the vite dev server in development). */
  extraOrigins?: string[];
  /** Where alert rules and history are kept; none: in memory only. */
  alertStore?: AlertStore;
  /**
   * Where saved filters and watchlists are kept (the app's electron-store fits). None: a conf
   * file `views.json` in the OS config folder.
   */
  viewStore?: ViewStoreBackend;
  /** The provider to start on (the user's saved choice); none: the replay. */
  providerSettings?: ProviderSettings;
  /** Live providers' daily closes (time frames); none: in memory only. */
  dailyCloses?: DailyCloseCache;
}

export interface Backend {
  engine: RunningEngine;
  /** Alert rules, evaluated after every change batch; also behind `/api/alerts`. */
  alerts: AlertMonitor;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  /** Stops the HTTP server, then the engine (which saves the snapshot). Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The engine on the saved provider, created with it (not switched to after a replay start) so a
 * restored live snapshot keeps its label; on the replay when the saved settings are refused.
 */
async function createStartedEngine(options: BackendOptions): Promise<RunningEngine> {
  const base = {
    resourcesDir: options.resourcesDir,
    store: options.store,
    ...(options.dailyCloses ? { dailyCloses: options.dailyCloses } : {}),
  };
  let engine: RunningEngine;
  try {
    engine = await createEngine({
      ...base,
      ...(options.providerSettings ? { providerSettings: options.providerSettings } : {}),
    });
  } catch (error: unknown) {
    if (!options.providerSettings) throw error;
    log.warn('start backend: the saved provider was refused; playing the replay', error);
    engine = await createEngine(base);
  }
  await engine.start();
  return engine;
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const engine = await createStartedEngine(options);
  const alerts = createAlertMonitor({
    engine,
    evaluateCriteria,
    ...(options.alertStore ? { store: options.alertStore } : {}),
  });
  alerts.start();

  const extraOrigins = options.extraOrigins ?? [];
  const views = tryCreateViewEngine(engine, {
    resourcesDir: options.resourcesDir,
    // The shell passes its electron-store (userData/views.json); conf's folder otherwise.
    store: options.viewStore ?? openConfViewStore(),
  });
  const server = createHttpServer({
    engine: views,
    alerts,
    staticDir: options.rendererDir,
    port: options.port,
    host: LOOPBACK_HOST,
    extraOrigins,
    extraHosts: extraOrigins.map((origin) => new URL(origin).host),
  });

  let port: number;
  try {
    port = await server.start();
  } catch (error) {
    await engine.stop();
    throw new Error(`start backend: the HTTP server did not start: ${formatError(error)}`, {
      cause: error,
    });
  }
  const origin = `http://${LOOPBACK_HOST}:${port}`;
  log.info('start backend: serving', origin);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // Streams first, so no client sees the engine stop mid-batch.
      await server.stop().catch((error: unknown) => log.warn('stop backend: http', error));
      alerts.stop();
      await engine.stop();
    })();
    return stopping;
  };
  return { engine, alerts, origin, stop };
}
