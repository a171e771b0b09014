import { useEffect, useState } from 'react';

import type { HistoryResponse } from '../../../src-main/shared/api-types';
import { createHistoryClient, type HistoryClient } from '../../api/history-client';

/** Hovering must rest this long on a tile before its history is asked for. */
export const HOVER_FETCH_DELAY_MS = 150;

export type HistoryState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ok'; history: HistoryResponse }
  | { kind: 'error'; message: string };

const sharedClient = createHistoryClient();

/** The recent prices of `symbol` (null: none wanted), fetched after a short rest. */
export function useHistory(symbol: string | null, client: HistoryClient = sharedClient) {
  const [state, setState] = useState<HistoryState>({ kind: 'none' });

  useEffect(() => {
    if (!symbol) {
      setState({ kind: 'none' });
      return;
    }
    let live = true;
    setState({ kind: 'loading' });
    const timer = setTimeout(() => {
      void client.get(symbol).then((result) => {
        if (!live) return;
        if (result.ok) setState({ kind: 'ok', history: result.value });
        else setState({ kind: 'error', message: result.error.error });
      });
    }, HOVER_FETCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [symbol, client]);

  return state;
}

/** Fewer intraday points than this and the daily closes are shown instead. */
const MIN_INTRADAY_POINTS = 5;
const DAILY_POINTS = 60;

/** The series a sparkline shows and how to name its period. */
export function recentPrices(history: HistoryResponse): { values: number[]; period: string } {
  if (history.intraday.length >= MIN_INTRADAY_POINTS) {
    return { values: history.intraday.map((p) => p.price), period: 'this session' };
  }
  const closes = history.daily
    .slice(-DAILY_POINTS)
    .map((d) => d.close)
    .filter((c): c is number => c !== null);
  return { values: closes, period: `the last ${closes.length} trading days` };
}
