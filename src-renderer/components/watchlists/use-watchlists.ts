import { useCallback, useEffect, useState } from 'react';

import type {
  ApiError,
  UpdateWatchlistRequest,
  Watchlist,
  WatchlistImportResponse,
} from '../../../src-main/shared/api-types';
import type { ApiResult } from '../../api/http-json';
import * as api from '../../api/watchlists-client';

/** A finished operation: the watchlist it left, or the API's error (with its detail). */
export type WatchlistOutcome<T = Watchlist> =
  { ok: true; value: T } | { ok: false; error: ApiError };

export interface WatchlistsState {
  watchlists: Watchlist[];
  /** Loading the list failed (in words), or null. */
  loadError: string | null;
  create(name: string, symbols?: string[]): Promise<WatchlistOutcome>;
  update(id: string, request: UpdateWatchlistRequest): Promise<WatchlistOutcome>;
  remove(id: string): Promise<WatchlistOutcome<null>>;
  importCsv(
    id: string,
    csv: string,
    mode: api.ImportMode,
  ): Promise<WatchlistOutcome<WatchlistImportResponse>>;
  /** The server's CSV of a watchlist (with names from the whole universe). */
  exportCsv(id: string): Promise<WatchlistOutcome<string>>;
}

export type WatchlistsClient = Pick<
  typeof api,
  | 'listWatchlists'
  | 'createWatchlist'
  | 'updateWatchlist'
  | 'deleteWatchlist'
  | 'importWatchlistCsv'
  | 'exportWatchlistCsv'
>;

const outcome = <T>(r: ApiResult<T>): WatchlistOutcome<T> =>
  r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };

/** The user's watchlists from `/api/watchlists`, reloaded after every change. */
export function useWatchlists(client: WatchlistsClient = api): WatchlistsState {
  const [watchlists, setWatchlists] = useState<Watchlist[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await client.listWatchlists();
    if (!result.ok) return setLoadError(`Watchlists unavailable: ${result.error.error}`);
    setWatchlists(result.value.watchlists);
    return setLoadError(null);
  }, [client]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const after = async <T>(result: ApiResult<T>): Promise<WatchlistOutcome<T>> => {
    if (result.ok) await reload();
    return outcome(result);
  };

  return {
    watchlists,
    loadError,
    create: async (name, symbols) =>
      after(await client.createWatchlist(symbols ? { name, symbols } : { name })),
    update: async (id, request) => after(await client.updateWatchlist(id, request)),
    remove: async (id) => {
      const r = await after(await client.deleteWatchlist(id));
      return r.ok ? { ok: true, value: null } : r;
    },
    importCsv: async (id, csv, mode) => after(await client.importWatchlistCsv(id, csv, mode)),
    exportCsv: async (id) => outcome(await client.exportWatchlistCsv(id)),
  };
}

/** An API error in one sentence, naming unknown symbols and bad CSV lines when there are. */
export function describeWatchlistError(error: ApiError): string[] {
  const lines = [error.error];
  const unknown = error.unknownSymbols ?? [];
  if (unknown.length && !unknown.every((s) => error.error.includes(s))) {
    lines.push(`Unknown symbols: ${unknown.join(', ')}.`);
  }
  for (const row of error.rows ?? []) {
    lines.push(`Line ${row.line}${row.value ? ` (“${row.value}”)` : ''}: ${row.problem}`);
  }
  return lines;
}
