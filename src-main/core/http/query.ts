/**
 * Validation of the query string of `/api/stocks`, `/api/stream` and `/api/summary`. Pure
 * functions: they take the parsed parameters and the engine's vocabulary, and return a
 * `StockQuery` or the `ApiError` the client should see (a bad `filter` expression carries its
 * position in `filterError`).
 */
import type { ApiError, TimeFrame } from '../../shared/api-types.js';
import type { StockQuery } from '../engine-types.js';
import { type CompiledFilter, compileFilter } from '../filter/compile-filter.js';
import { TIME_FRAMES } from '../history/time-frames.js';

/** What the query may name: the engine's sectors and categories. */
export interface QueryVocabulary {
  sectors: readonly string[];
  categories: readonly string[];
  /** Universe ids `universe=` accepts; absent: the parameter is refused (no view layer). */
  universes?: readonly string[];
}

export type QueryResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Parameter names `/api/stocks` and `/api/stream` accept. */
export const STOCK_QUERY_PARAMS = [
  'sector',
  'category',
  'universe',
  'filter',
  'timeframe',
] as const;

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

  const universe = parseSingle('universe', params.getAll('universe'), vocabulary.universes ?? []);
  if (!universe.ok) return universe;

  const timeframe = parseSingle('timeframe', params.getAll('timeframe'), TIME_FRAMES);
  if (!timeframe.ok) return timeframe;

  const filter = parseFilterParam(params.getAll('filter'));
  if (!filter.ok) return filter;

  return {
    ok: true,
    value: {
      sectors: sectors.value,
      categories: categories.value,
      ...(universe.value === undefined ? {} : { universe: universe.value }),
      ...(timeframe.value === undefined ? {} : { timeframe: timeframe.value as TimeFrame }),
      ...(filter.value === undefined ? {} : { filter: filter.value }),
    },
  };
}

/**
 * A parameter that takes one value from `accepted`, case-insensitively. Absent or empty: no
 * value. Repeated: refused (which one would win is not obvious to the caller).
 */
export function parseSingle(
  param: string,
  rawValues: readonly string[],
  accepted: readonly string[],
): QueryResult<string | undefined> {
  const values = rawValues.map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) return { ok: true, value: undefined };
  if (values.length > 1) {
    const error = `Give one ${param}, not ${values.length}.`;
    return { ok: false, error: { error, accepted: [...accepted] } };
  }
  const wanted = (values[0] as string).toLowerCase();
  const match = accepted.find((choice) => choice.toLowerCase() === wanted);
  if (match !== undefined) return { ok: true, value: match };
  return {
    ok: false,
    error: { error: `Unknown ${param} "${values[0] as string}".`, accepted: [...accepted] },
  };
}

/** Compiles `filter=`; the error says what is wrong and where, with the fields it may name. */
export function parseFilterParam(
  rawValues: readonly string[],
): QueryResult<CompiledFilter | undefined> {
  const values = rawValues.filter((v) => v.trim() !== '');
  if (values.length === 0) return { ok: true, value: undefined };
  if (values.length > 1) {
    const error = 'Give one filter expression; join conditions with "and" / "or".';
    return { ok: false, error: { error } };
  }

  const compiled = compileFilter(values[0] as string);
  if (compiled.ok) return { ok: true, value: compiled.filter };
  const { error } = compiled;
  return {
    ok: false,
    error: {
      error: `Bad filter expression: ${error.message}.`,
      filterError: error.detail(),
      ...(error.accepted ? { accepted: [...error.accepted] } : {}),
    },
  };
}
