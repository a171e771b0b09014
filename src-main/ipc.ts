/**
 * The IPC handlers, one per channel of the contract. Every handler first checks that the
 * sender is one of our windows, then validates its arguments (they arrive as `unknown`), and
 * refuses with a short Error naming the channel.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';

import { createLogger } from './core/log.js';
import type { SenderCheck } from './sender-check.js';
import {
  keyTestRequestSchema,
  liveProviderSchema,
  settingsPatchSchema,
} from './settings-schemas.js';
import type { SettingsService } from './settings-service.js';
import type {
  AppInfo,
  EventChannel,
  EventContract,
  InvokeChannel,
  InvokeReply,
  InvokeRequest,
} from './shared/ipc-contract.js';
import { viewStateSchema, type ViewStateStore } from './view-state-store.js';

const log = createLogger('ipc');

export interface IpcDependencies {
  isTrustedSender: SenderCheck;
  appInfo: () => AppInfo;
  settings: SettingsService;
  /** Pushes an event to every app window. */
  broadcast: <C extends EventChannel>(channel: C, payload: EventContract[C]) => void;
  /** Launch at login; absent (tests, platforms without it): reads false, refuses to set. */
  loginItem?: { get(): boolean; set(enabled: boolean): void };
  /** Where the renderer's view (a URL query string) is kept between starts. */
  viewState: ViewStateStore;
}

type ArgsSchema<C extends InvokeChannel> = z.ZodType<InvokeRequest<C>>;
type Handler<C extends InvokeChannel> = (
  ...args: InvokeRequest<C>
) => InvokeReply<C> | Promise<InvokeReply<C>>;

const NO_ARGS = z.tuple([]);

/** Registers every handler; returns a function that removes them again. */
export function setupIpc(deps: IpcDependencies): () => void {
  const channels: InvokeChannel[] = [];
  const handle = <C extends InvokeChannel>(
    channel: C,
    schema: ArgsSchema<C>,
    handler: Handler<C>,
  ): void => {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!deps.isTrustedSender(event)) {
        log.warn('ipc: refused a call from an unknown sender', channel);
        throw new Error(`${channel}: refused, the sender is not an app window`);
      }
      return handler(...parseArgs(channel, schema, args));
    });
    channels.push(channel);
  };

  handle('app:get-info', NO_ARGS, () => deps.appInfo());
  handle('settings:get', NO_ARGS, () => deps.settings.get());
  handle('settings:set', z.tuple([settingsPatchSchema]), (patch) => deps.settings.set(patch));
  handle('settings:test-key', z.tuple([keyTestRequestSchema]), (request) =>
    deps.settings.testKey(request),
  );
  handle('settings:remove-key', z.tuple([liveProviderSchema]), (provider) =>
    deps.settings.removeKey(provider),
  );
  handle('desktop:get-launch-at-login', NO_ARGS, () => deps.loginItem?.get() ?? false);
  handle('desktop:set-launch-at-login', z.tuple([z.boolean()]), (enabled) => {
    if (!deps.loginItem) throw new Error('desktop:set-launch-at-login: not available here');
    deps.loginItem.set(enabled);
    return deps.loginItem.get();
  });
  handle('view:get-state', NO_ARGS, () => deps.viewState.get());
  handle('view:set-state', z.tuple([viewStateSchema]), (query) => deps.viewState.set(query));

  const unsubscribe = deps.settings.onChange((settings) =>
    deps.broadcast('settings:changed', settings),
  );

  return () => {
    unsubscribe();
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

function parseArgs<C extends InvokeChannel>(
  channel: C,
  schema: ArgsSchema<C>,
  args: unknown[],
): InvokeRequest<C> {
  const result = schema.safeParse(args);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new Error(`${channel}: invalid arguments${where}: ${issue?.message ?? 'rejected'}`);
}
