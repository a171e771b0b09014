/**
 * The renderer needs no browser permissions (camera, notifications, geolocation, …): deny
 * every request and check. Desktop notifications come from main (issue 5), not the page.
 */
import { session } from 'electron';

export function setupPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}
