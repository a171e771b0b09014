import { app, BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';

import { setupSingleInstance } from '../../src-main/single-instance.js';
import { app as fakeApp, type MockBrowserWindow } from '../mocks/electron.js';

describe('setupSingleInstance', () => {
  it('focuses, shows and restores the first window when a second instance starts', () => {
    const win = new BrowserWindow() as unknown as MockBrowserWindow;
    win.minimize();

    expect(setupSingleInstance(() => win as unknown as BrowserWindow)).toBe(true);
    fakeApp.simulateSecondInstance(['heatmap']);

    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('ignores a second instance that arrives before any window exists', () => {
    setupSingleInstance(() => undefined);

    expect(() => fakeApp.simulateSecondInstance()).not.toThrow();
  });

  it('quits and reports false when another instance holds the lock', () => {
    fakeApp.configure({ lockAvailable: false });

    expect(setupSingleInstance(() => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(fakeApp.listenerCount('second-instance')).toBe(0);
  });
});
