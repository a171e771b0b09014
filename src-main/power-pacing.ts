/**
 * Feeds the update control's idle flag from the OS: the app idles when its window is hidden
 * and the machine is idle, locked or on battery; it wakes at once when the window is shown, the
 * machine resumes from sleep, unlocks or goes back on mains power.
 */
import { powerMonitor } from 'electron';

import type { UpdateControl } from './update-control.js';

/** Seconds without input after which the OS counts the user as away. */
export const IDLE_THRESHOLD_S = 5 * 60;
/** How often the idle state is polled (the OS sends no event for it on every platform). */
export const IDLE_POLL_MS = 60_000;

export interface PowerInputs {
  windowVisible: boolean;
  idleState: 'active' | 'idle' | 'locked' | 'unknown';
  onBattery: boolean;
}

/** The policy, pure: idle only while nobody looks at the map and there is a reason to save. */
export function shouldIdle(inputs: PowerInputs): boolean {
  if (inputs.windowVisible) return false;
  const away = inputs.idleState === 'idle' || inputs.idleState === 'locked';
  return away || inputs.onBattery;
}

export interface PowerPacing {
  /** Re-reads window and power now (the window was shown or hidden). */
  update(): void;
  dispose(): void;
}

/** Watches window and power until disposed. */
export function setupPowerPacing(
  control: UpdateControl,
  isWindowVisible: () => boolean,
): PowerPacing {
  const update = (): void => {
    control.setIdle(
      shouldIdle({
        windowVisible: isWindowVisible(),
        idleState: powerMonitor.getSystemIdleState(IDLE_THRESHOLD_S),
        onBattery: powerMonitor.isOnBatteryPower(),
      }),
    );
  };

  const events = ['on-battery', 'on-ac', 'lock-screen', 'unlock-screen', 'resume'] as const;
  for (const name of events) powerMonitor.on(name as 'resume', update);
  const poll = setInterval(update, IDLE_POLL_MS);
  poll.unref?.();
  update();

  return {
    update,
    dispose: () => {
      clearInterval(poll);
      for (const name of events) powerMonitor.off(name as 'resume', update);
    },
  };
}
