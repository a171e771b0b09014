/**
 * Looks a ticker or name up in every instrument the app knows (`universe=all`), for a search
 * that found nothing on the current map. The list is fetched once, on the first such miss, and
 * kept: names and memberships do not change during a session.
 */
import type { StocksResponse } from '../../src-main/shared/api-types';
import { type Searchable, searchTiles } from '../components/navigation/search-tiles';
import { type FetchLike, requestJson } from './http-json';

export interface Elsewhere extends Searchable {
  categories: string[];
}

export type FindElsewhere = (query: string) => Promise<Elsewhere | null>;

/** A lookup over the whole universe; the list is fetched on first use (and again after a failure). */
export function createUniverseLookup(fetchImpl?: FetchLike): FindElsewhere {
  let list: Promise<Elsewhere[] | null> | null = null;
  const load = async (): Promise<Elsewhere[] | null> => {
    const result = await requestJson<StocksResponse>(
      'GET',
      '/api/stocks?universe=all',
      undefined,
      fetchImpl,
    );
    if (!result.ok) return null;
    return result.value.stocks.map(({ symbol, name, categories }) => ({
      symbol,
      name,
      categories,
    }));
  };
  return async (query) => {
    list ??= load();
    const rows = await list;
    if (!rows) {
      list = null;
      return null;
    }
    return searchTiles(rows, query, 1)[0] ?? null;
  };
}
