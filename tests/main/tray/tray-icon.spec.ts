/**
 * The tray icon as a tiny heatmap: its pixels follow the data, its PNG decodes back to them,
 * and the live tray redraws (throttled) when the market changes.
 */
import { inflateSync } from 'node:zlib';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { summarizeMarket } from '../../../src-main/core/market/market-summary.js';
import { crc32, encodePng } from '../../../src-main/tray/png.js';
import { MIN_REDRAW_MS, setupTray, type TrayDependencies } from '../../../src-main/tray/tray.js';
import { renderTrayPixels } from '../../../src-main/tray/tray-pixels.js';
import { trayTooltip } from '../../../src-main/tray/tray-text.js';
import { stockRow, TestMarket } from '../../core/alerts/market-fixture.js';
import { Menu, type MockNativeImage, Tray } from '../../mocks/electron.js';

function pixelAt(rgba: Uint8Array, size: number, x: number, y: number): number[] {
  return [...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
}

describe('tray pixels', () => {
  it('colours sector cells by their change and the bar by breadth', () => {
    const up = renderTrayPixels(summarizeMarket([stockRow('A', 'Tech', 1e12, 3)]));
    const down = renderTrayPixels(summarizeMarket([stockRow('A', 'Tech', 1e12, -3)]));

    const [r1, g1] = pixelAt(up.rgba, 32, 2, 2);
    const [r2, g2] = pixelAt(down.rgba, 32, 2, 2);
    expect(g1!).toBeGreaterThan(r1!);
    expect(r2!).toBeGreaterThan(g2!);
    // Bar: all advancers → green across; all decliners → red across.
    expect(pixelAt(up.rgba, 32, 30, 30)).toEqual(pixelAt(up.rgba, 32, 1, 30));
    expect(pixelAt(down.rgba, 32, 1, 30)).not.toEqual(pixelAt(up.rgba, 32, 1, 30));
  });

  it('encodes a PNG that decodes back to the same pixels', () => {
    const { width, height, rgba } = renderTrayPixels(summarizeMarket([]));
    const png = encodePng(width, height, rgba);

    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const idatLength = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe((width * 4 + 1) * height);
    expect([...raw.subarray(1, 5)]).toEqual([...rgba.subarray(0, 4)]);
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
  });

  it('says the summary in a tooltip short enough for Windows', () => {
    const text = trayTooltip({
      summary: summarizeMarket([stockRow('A', 'Tech', 1e12, 1.5), stockRow('B', 'Tech', 1e9, -1)]),
      source: { provider: 'replay', mode: 'replay', label: 'Replay of 2026-08-07 closes' },
      lastUpdate: '2026-08-07T15:00:00Z',
      paused: false,
      formatTime: () => '15:00',
    });

    expect(text).toBe(
      'Map +1.50% (cap-weighted)\n1 up · 1 down\nReplay of 2026-08-07 closes\nUpdated 15:00',
    );
    expect(text.length).toBeLessThanOrEqual(127);
  });
});

describe('setupTray', () => {
  let market: TestMarket;
  let deps: TrayDependencies;
  let paused: boolean;

  beforeEach(() => {
    vi.useFakeTimers();
    market = new TestMarket();
    paused = false;
    deps = {
      engine: {
        stocks: market.stocks,
        onChanges: market.onChanges,
        health: () =>
          ({
            source: { provider: 'replay', mode: 'replay', label: 'Replay' },
            lastUpdate: null,
            providerState: { message: 'ok' },
          }) as never,
      },
      updates: {
        pause: vi.fn(async () => {
          paused = true;
        }),
        resume: vi.fn(() => {
          paused = false;
        }),
        isPaused: () => paused,
      },
      alerts: {
        list: () => ({ rules: [], history: [], criteriaAvailable: false }),
        onAlert: () => () => undefined,
      },
      window: { isVisible: () => true, show: vi.fn(), hide: vi.fn() },
      loginItem: { get: () => false, set: vi.fn() },
      actions: { openSettings: vi.fn(), openLogFolder: vi.fn(), quit: vi.fn(), openAlert: vi.fn() },
      iconDir: '/icons',
      platform: 'linux',
      now: () => Date.now(),
    };
  });

  afterEach(() => vi.useRealTimers());

  const iconBytes = (tray: Tray): Buffer => (tray.image as unknown as MockNativeImage).buffer;

  it('redraws its icon from live data, at most every few seconds', () => {
    setupTray(deps);
    const tray = Tray.instances[0]!;
    const before = iconBytes(tray);

    market.set('AAPL', { changePercent: -4 });
    market.set('MSFT', { changePercent: -4 });
    market.emit();
    market.emit();
    expect(iconBytes(tray)).toEqual(before);

    vi.advanceTimersByTime(MIN_REDRAW_MS);
    expect(iconBytes(tray)).not.toEqual(before);
    expect(tray.setImage).toHaveBeenCalledTimes(2);
  });

  it('has the menu the issue asks for, and its items act', () => {
    setupTray(deps);
    const menu = () => Tray.instances[0]!.contextMenu as unknown as Menu;

    expect(menu().labels()).toEqual([
      'Hide window',
      'Pause updates',
      'Replay — ok',
      'Last alerts',
      'No alerts yet',
      'Launch at login',
      'Settings…',
      'Open log folder',
      'Quit Market Heatmap',
    ]);
    menu().simulateClick('Pause updates');
    expect(deps.updates.pause).toHaveBeenCalled();
    expect(menu().labels()).toContain('Resume updates');
    menu().simulateClick('Settings…');
    menu().simulateClick('Open log folder');
    menu().simulateClick('Quit Market Heatmap');
    expect(deps.actions.openSettings).toHaveBeenCalled();
    expect(deps.actions.openLogFolder).toHaveBeenCalled();
    expect(deps.actions.quit).toHaveBeenCalled();
  });
});
