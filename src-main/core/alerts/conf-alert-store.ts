/**
 * The headless AlertStore, on `conf`: `alerts.json` next to the snapshot store's file (the
 * user's config folder for `market-heatmap`, or DATA_DIR).
 */
import { openConfFile } from '../store/corrupt-tolerant.js';
import { type AlertStore, createAlertStore } from './alert-store.js';

export const ALERTS_CONFIG_NAME = 'alerts';

/** Opens (or creates) the alerts file; `cwd` overrides the folder. */
export function openConfAlertStore(options: { cwd?: string } = {}): AlertStore {
  // A corrupted file is kept beside it and the rules start empty, rather than stopping the
  // server or losing the user's rules without a trace.
  const conf = openConfFile(ALERTS_CONFIG_NAME, options);
  return createAlertStore(conf);
}
