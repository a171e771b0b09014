/**
 * A native notification for each alert that fires; clicking it opens the map at that tile. A
 * burst (a market-wide move crossing many rules at once) is capped: past MAX_PER_MINUTE, one
 * notification says more fired and points at the Alerts panel.
 */
import { Notification } from 'electron';

import type { AlertService } from './core/alerts/alert-monitor.js';
import type { AlertEvent } from './shared/alert-types.js';

export const MAX_PER_MINUTE = 5;
const MINUTE_MS = 60_000;

export interface AlertNotificationOptions {
  alerts: Pick<AlertService, 'onAlert'>;
  /** The user clicked the notification of `event` (undefined: the "more alerts" one). */
  onClick(event: AlertEvent | undefined): void;
  now?: () => number;
}

/** Shows notifications for alerts from now on; returns the unsubscribe function. */
export function setupAlertNotifications(options: AlertNotificationOptions): () => void {
  const now = options.now ?? Date.now;
  let shownAt: number[] = [];
  let overflowNoticeShown = false;
  // Windows drops click handlers of notifications that were garbage-collected: keep them.
  const live = new Set<Notification>();

  const show = (init: Electron.NotificationConstructorOptions, event?: AlertEvent): void => {
    const notification = new Notification(init);
    live.add(notification);
    notification.on('click', () => options.onClick(event));
    notification.on('close', () => live.delete(notification));
    notification.show();
  };

  return options.alerts.onAlert((event) => {
    if (!Notification.isSupported()) return;
    const t = now();
    shownAt = shownAt.filter((at) => t - at < MINUTE_MS);
    if (shownAt.length < MAX_PER_MINUTE) {
      shownAt.push(t);
      overflowNoticeShown = false;
      show({ title: event.title, body: event.message }, event);
      return;
    }
    if (overflowNoticeShown) return;
    overflowNoticeShown = true;
    show({ title: 'More alerts fired', body: 'See the Alerts panel for all of them.' });
  });
}
