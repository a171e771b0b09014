/** Client of `/api/watchlists`: list, create, update (rename, add, remove), delete, CSV import. */
import type {
  CreateWatchlistRequest,
  UpdateWatchlistRequest,
  Watchlist,
  WatchlistImportResponse,
  WatchlistsResponse,
} from '../../src-main/shared/api-types';
import {
  type ApiResult,
  type FetchLike,
  requestJson,
  requestText,
  requestWithText,
  segment,
} from './http-json';

export function listWatchlists(fetchImpl?: FetchLike): Promise<ApiResult<WatchlistsResponse>> {
  return requestJson('GET', '/api/watchlists', undefined, fetchImpl);
}

export function createWatchlist(
  request: CreateWatchlistRequest,
  fetchImpl?: FetchLike,
): Promise<ApiResult<Watchlist>> {
  return requestJson('POST', '/api/watchlists', request, fetchImpl);
}

export function updateWatchlist(
  id: string,
  request: UpdateWatchlistRequest,
  fetchImpl?: FetchLike,
): Promise<ApiResult<Watchlist>> {
  return requestJson('PUT', `/api/watchlists/${segment(id)}`, request, fetchImpl);
}

export function deleteWatchlist(id: string, fetchImpl?: FetchLike): Promise<ApiResult<unknown>> {
  return requestJson('DELETE', `/api/watchlists/${segment(id)}`, undefined, fetchImpl);
}

export type ImportMode = 'merge' | 'replace';

/**
 * Uploads CSV text. The server refuses the whole file when any line is bad and lists every bad
 * line in `error.rows`.
 */
export function importWatchlistCsv(
  id: string,
  csv: string,
  mode: ImportMode,
  fetchImpl?: FetchLike,
): Promise<ApiResult<WatchlistImportResponse>> {
  const path = `/api/watchlists/${segment(id)}/import?mode=${mode}`;
  return requestWithText('POST', path, csv, 'text/csv; charset=utf-8', fetchImpl);
}

/** The watchlist as CSV (`symbol,name`), names filled in by the server from the universe. */
export function exportWatchlistCsv(id: string, fetchImpl?: FetchLike): Promise<ApiResult<string>> {
  return requestText(`/api/watchlists/${segment(id)}.csv`, fetchImpl);
}
