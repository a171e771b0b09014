/**
 * The desktop helpers on their own: window bounds clamped to connected displays, the update
 * control's user pause and idle duty cycle, the power policy, the login item (off by default;
 * an XDG autostart entry on Linux), and the cap on alert notifications.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { MAX_PER_MINUTE, setupAlertNotifications } from '../../src-main/alert-notifications.js';
import { createDesktopPrefs } from '../../src-main/desktop-prefs.js';
import { createMemoryStore } from '../../src-main/key-value-store.js';
import { HIDDEN_ARG, setupLoginItem } from '../../src-main/login-item.js';
import { shouldIdle } from '../../src-main/power-pacing.js';
import type { AlertEvent } from '../../src-main/shared/alert-types.js';
import {
  createUpdateControl,
  IDLE_REFRESH_MS,
  IDLE_WAKE_MS,
} from '../../src-main/update-control.js';
import { clampToDisplays } from '../../src-main/window-bounds.js';
import { app, Notification } from '../mocks/electron.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('clampToDisplays', () => {
  const main = { x: 0, y: 0, width: 1920, height: 1040 };
  const right = { x: 1920, y: 0, width: 1280, height: 1000 };

  it('keeps bounds that are on a display', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 700 };
    expect(clampToDisplays(saved, [main, right])).toEqual(saved);
  });

  it('drops bounds on a display that is gone, and shrinks what does not fit', () => {
    expect(clampToDisplays({ x: 2000, y: 100, width: 1000, height: 700 }, [main])).toBeUndefined();
    expect(clampToDisplays({ x: 1500, y: -50, width: 3000, height: 900 }, [main])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 900,
    });
    expect(clampToDisplays(null, [main])).toBeUndefined();
  });
});

describe('update control', () => {
  function engine() {
    let paused = false;
    return {
      pause: vi.fn(async () => {
        paused = true;
      }),
      resume: vi.fn(() => {
        paused = false;
      }),
      isPaused: () => paused,
    };
  }

  it('pauses for the user, whatever the idle state', async () => {
    const e = engine();
    const control = createUpdateControl(e);

    await control.pause();
    control.setIdle(true);
    control.setIdle(false);
    await vi.waitFor(() => expect(e.isPaused()).toBe(true));
    control.resume();
    await vi.waitFor(() => expect(e.isPaused()).toBe(false));
  });

  it('idles with a short wake-up every few minutes, and catches up when active', async () => {
    vi.useFakeTimers();
    const e = engine();
    const control = createUpdateControl(e);

    control.setIdle(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(e.isPaused()).toBe(true);
    await vi.advanceTimersByTimeAsync(IDLE_REFRESH_MS);
    expect(e.isPaused()).toBe(false);
    await vi.advanceTimersByTimeAsync(IDLE_WAKE_MS);
    expect(e.isPaused()).toBe(true);

    control.setIdle(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(e.isPaused()).toBe(false);
    control.dispose();
  });

  it('idles only while the window is hidden and the machine is away or on battery', () => {
    const hidden = { windowVisible: false, idleState: 'active', onBattery: false } as const;
    expect(shouldIdle(hidden)).toBe(false);
    expect(shouldIdle({ ...hidden, idleState: 'idle' })).toBe(true);
    expect(shouldIdle({ ...hidden, idleState: 'locked' })).toBe(true);
    expect(shouldIdle({ ...hidden, onBattery: true })).toBe(true);
    expect(shouldIdle({ ...hidden, onBattery: true, windowVisible: true })).toBe(false);
  });
});

describe('login item', () => {
  it('is off by default and registers nothing with the OS', () => {
    const item = setupLoginItem(createDesktopPrefs(createMemoryStore()), 'win32');

    expect(item.get()).toBe(false);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('opens hidden at login once turned on (macOS, Windows)', () => {
    const item = setupLoginItem(createDesktopPrefs(createMemoryStore()), 'darwin');

    item.set(true);

    expect(item.get()).toBe(true);
    expect(app.getLoginItemSettings()).toMatchObject({ openAtLogin: true, openAsHidden: true });
    expect(app.setLoginItemSettings).toHaveBeenCalledWith(
      expect.objectContaining({ args: [HIDDEN_ARG] }),
    );
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const config = mkdtempSync(path.join(tmpdir(), 'heatmap-xdg-'));
    vi.stubEnv('XDG_CONFIG_HOME', config);
    const item = setupLoginItem(createDesktopPrefs(createMemoryStore()), 'linux');
    const entry = path.join(config, 'autostart', 'market-heatmap.desktop');

    item.set(true);
    expect(readFileSync(entry, 'utf8')).toContain(`${HIDDEN_ARG}\n`);
    item.set(false);
    expect(existsSync(entry)).toBe(false);
  });
});

describe('alert notifications', () => {
  const event = (n: number): AlertEvent => ({
    id: `e${n}`,
    ruleId: 'r',
    kind: 'price',
    firedAt: '2026-08-07T15:00:00Z',
    title: `Alert ${n}`,
    message: 'm',
    symbol: 'AAPL',
    value: 1,
  });

  it('shows one per alert, caps a burst with one summary, and reports clicks', () => {
    let emit: (e: AlertEvent) => void = () => undefined;
    const onClick = vi.fn();
    setupAlertNotifications({
      alerts: { onAlert: (listener) => ((emit = listener), () => undefined) },
      onClick,
      now: () => 0,
    });

    for (let n = 0; n < MAX_PER_MINUTE + 3; n += 1) emit(event(n));

    expect(Notification.instances.map((n) => n.options.title)).toEqual([
      ...Array.from({ length: MAX_PER_MINUTE }, (_, n) => `Alert ${n}`),
      'More alerts fired',
    ]);
    Notification.instances[0]!.simulateClick();
    expect(onClick).toHaveBeenCalledWith(event(0));
  });
});
