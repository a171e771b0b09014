/**
 * Validation of the query string of `/api/stocks` and `/api/stream`. Pure functions: they take
 * the parsed parameters and the engine's vocabulary, and return a `StockQuery` or the
 * `ApiError` the client should see. A later `filter=` expression parameter adds one entry to
 * `STOCK_QUERY_PARAMS` and its own parser here.
 */
import type { ApiError } from '../../shared/api-types.js';
import type { StockQuery } from '../engine-types.js';

/** What the query may name: the engine's sectors and categories. */
export interface QueryVocabulary {
  sectors: readonly string[];
  categories: readonly string[];
}

export type QueryResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Parameter names `/api/stocks` and `/api/stream` accept. */
export const STOCK_QUERY_PARAMS = ['sector', 'category'] as const;

const LIST_SEPARATOR = ',';

/** Refuses any parameter name not in `allowed`, naming the first unknown one. */
export function checkParamNames(
  params: URLSearchParams,
  allowed: readonly string[],
): QueryResult<true> {
  for (const name of params.keys()) {
    if (allowed.includes(name)) continue;
    return {
      ok: false,
      error: { error: `Unknown query parameter "${name}".`, accepted: [...allowed] },
    };
  }
  return { ok: true, value: true };
}

/**
 * Parses every value of a list parameter (`?sector=a,b&sector=c`) against `accepted`,
 * case-insensitively and ignoring surrounding spaces and empty items, into canonical
 * spellings without duplicates. No values, or only empty ones, mean "no filter".
 */
export function parseChoiceList(
  param: string,
  rawValues: readonly string[],
  accepted: readonly string[],
): QueryResult<string[]> {
  const canonical = new Map(accepted.map((choice) => [choice.toLowerCase(), choice]));
  const chosen = new Set<string>();

  for (const raw of rawValues) {
    for (const item of raw.split(LIST_SEPARATOR)) {
      const trimmed = item.trim();
      if (trimmed === '') continue;

      const match = canonical.get(trimmed.toLowerCase());
      if (match === undefined) {
        return {
          ok: false,
          error: { error: `Unknown ${param} "${trimmed}".`, accepted: [...accepted] },
        };
      }
      chosen.add(match);
    }
  }
  return { ok: true, value: [...chosen] };
}

/** Validates the query of `/api/stocks` or `/api/stream` into a `StockQuery`. */
export function parseStockQuery(
  params: URLSearchParams,
  vocabulary: QueryVocabulary,
): QueryResult<StockQuery> {
  const names = checkParamNames(params, STOCK_QUERY_PARAMS);
  if (!names.ok) return names;

  const sectors = parseChoiceList('sector', params.getAll('sector'), vocabulary.sectors);
  if (!sectors.ok) return sectors;

  const categories = parseChoiceList('category', params.getAll('category'), vocabulary.categories);
  if (!categories.ok) return categories;

  return { ok: true, value: { sectors: sectors.value, categories: categories.value } };
}
