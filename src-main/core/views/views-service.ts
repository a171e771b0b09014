/**
 * What the HTTP layer may ask of the view layer besides the stocks query: the universes a map
 * can show, saved filters, watchlists, a symbol's price history and the breadth summary.
 */
import type { FiltersResponse, HistoryResponse, SummaryResponse } from '../../shared/api-types.js';
import type { StockQuery } from '../engine-types.js';
import type { SavedFilters } from '../filter/saved-filters.js';
import type { WatchlistStore } from '../watchlists/watchlist-store.js';

export interface ViewsService {
  /** Universe ids `?universe=` accepts: the index lists, `etf`, `all`, `watchlist:<id>`. */
  universes(): string[];
  readonly filters: SavedFilters;
  /** Saved filters with the expression language's fields and operators. */
  filterList(): FiltersResponse;
  readonly watchlists: WatchlistStore;
  /** The canonical symbol for a typed one, or undefined when the universe has none. */
  resolveSymbol(symbol: string): string | undefined;
  /** Name of a known symbol (CSV export). */
  nameOf(symbol: string): string;
  /** Intraday prices seen this session and daily closes; undefined for an unknown symbol. */
  history(symbol: string): HistoryResponse | undefined;
  /** Breadth and cap-weighted sector changes of the rows `query` selects. */
  summary(query: StockQuery): SummaryResponse;
}
