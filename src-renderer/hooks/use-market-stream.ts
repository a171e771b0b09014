import { useEffect, useRef, useState } from 'react';

import type { SourceInfo, StocksResponse } from '../../src-main/shared/api-types';
import { connectStream, type StreamConnection, type StreamStatus } from '../api/stream-client';
import {
  buildTiles,
  distinctValues,
  indexTiles,
  mergeChanges,
  sameSymbols,
  setDelay,
  type Tile,
} from '../lib/tiles';

export interface MarketView {
  /** Same array (and same objects) until the next re-layout; live changes mutate the tiles. */
  tiles: Tile[];
  /** Bumps on each merged batch, so readers know the tiles changed. */
  version: number;
  hasSnapshot: boolean;
  source: SourceInfo | null;
  status: StreamStatus;
  /** Client clock (ms) of the last snapshot or batch. */
  lastMessageAt: number | null;
  sectorOptions: string[];
  categoryOptions: string[];
}

const INITIAL: MarketView = {
  tiles: [],
  version: 0,
  hasSnapshot: false,
  source: null,
  status: { kind: 'connecting' },
  lastMessageAt: null,
  sectorOptions: [],
  categoryOptions: [],
};

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort((x, y) => x.localeCompare(y));
}

/**
 * Subscribes to `/api/stream` for `query` and keeps the tiles. A new query reconnects; a
 * snapshot with the same symbols (a reconnect) merges into the current tiles instead of
 * re-laying out the map. Filter options are the union of everything seen, so choosing a sector
 * does not make the others disappear from the filter.
 */
export function useMarketStream(query: string): MarketView & { retryNow(): void } {
  const [view, setView] = useState<MarketView>(INITIAL);
  const tilesRef = useRef<Tile[]>([]);
  const bySymbol = useRef(new Map<string, Tile>());
  const connection = useRef<StreamConnection | null>(null);

  useEffect(() => {
    const onSnapshot = (data: StocksResponse) => {
      // A reconnect snapshot of the same symbols keeps the layout; anything else re-lays out.
      if (tilesRef.current.length > 0 && sameSymbols(tilesRef.current, data.stocks)) {
        mergeChanges(bySymbol.current, data.stocks);
      } else {
        tilesRef.current = buildTiles(data.stocks);
        bySymbol.current = indexTiles(tilesRef.current);
      }
      const tiles = tilesRef.current;
      setDelay(tiles, data.source.delay);

      setView((prev) => ({
        ...prev,
        tiles,
        version: prev.version + 1,
        hasSnapshot: true,
        source: data.source,
        lastMessageAt: Date.now(),
        sectorOptions: union(prev.sectorOptions, distinctValues(data.stocks, 'sector')),
        categoryOptions: union(prev.categoryOptions, distinctValues(data.stocks, 'categories')),
      }));
    };

    connection.current = connectStream(query, {
      onSnapshot,
      onChanges: (batch) => {
        // A source that turns delayed mid-layout (Polygon's end-of-day fallback) restamps tiles.
        const restamped = setDelay(tilesRef.current, batch.source.delay);
        const changed = mergeChanges(bySymbol.current, batch.changes) + (restamped ? 1 : 0);
        setView((prev) => ({
          ...prev,
          version: changed ? prev.version + 1 : prev.version,
          source: batch.source,
          lastMessageAt: Date.now(),
        }));
      },
      onStatus: (status) => setView((prev) => ({ ...prev, status })),
    });

    return () => {
      connection.current?.close();
      connection.current = null;
    };
  }, [query]);

  return { ...view, retryNow: () => connection.current?.retryNow() };
}
