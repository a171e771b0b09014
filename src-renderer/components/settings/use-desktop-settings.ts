/**
 * The desktop settings through `window.heatmap`, kept current by `settings:changed`. In a
 * plain browser there is no preload API: `api` is null and the panel shows the read-only view.
 */
import { useEffect, useState } from 'react';

import type { HeatmapApi, Settings } from '../../../src-main/shared/ipc-contract';
import { createLogger } from '../../lib/log';

const log = createLogger('settings');

/** The part of `window.heatmap` Settings uses. */
export type SettingsApi = Pick<
  HeatmapApi,
  'getSettings' | 'setSettings' | 'testKey' | 'removeKey' | 'onSettingsChanged'
>;

export interface DesktopSettings {
  api: SettingsApi | null;
  /** Null until loaded (or in a browser). */
  settings: Settings | null;
  setSettings(settings: Settings): void;
}

export function useDesktopSettings(api: SettingsApi | undefined = window.heatmap): DesktopSettings {
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    if (!api) return;
    let live = true;
    api.getSettings().then(
      (loaded) => live && setSettings(loaded),
      (error: unknown) => log.warn('load settings: failed', error),
    );
    const unsubscribe = api.onSettingsChanged((next) => live && setSettings(next));
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);

  return { api: api ?? null, settings, setSettings };
}
