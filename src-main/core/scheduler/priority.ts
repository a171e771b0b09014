/**
 * Which symbols the next call should carry: a pure ranking.
 *
 * - Never-fetched symbols first (the map fills), biggest tiles first.
 * - Then by weighted staleness: time since the symbol was last fetched × its weight, where the
 *   weight grows with the tile's area (market cap) and is multiplied for watched symbols.
 *   Ranking by age × weight refreshes each symbol at a rate proportional to its weight, so
 *   with weight = √area big tiles are refreshed more often (what the viewer mostly sees) while
 *   every tile still comes round: a small tile's score keeps growing until it wins.
 */

/** Exponent of the area in the weight: √area minimises the area-weighted mean quote age. */
export const AREA_WEIGHT_EXPONENT = 0.5;
/** Watched symbols (a viewer's filter) count as this many times staler. */
export const WATCH_BOOST = 8;
/**
 * A symbol whose trades arrive on the stream ages this much slower for REST (REST still
 * refreshes it now and then, for the day's volume). Only while the stream is fresher than REST.
 */
export const STREAMED_WEIGHT_FACTOR = 0.05;

export interface RankInput {
  symbols: readonly string[];
  /** Epoch ms each symbol was last fetched; absent: never. */
  lastFetched: ReadonlyMap<string, number>;
  /** Weight from the tile's area (see `areaWeights`). */
  weights: ReadonlyMap<string, number>;
  isWatched(symbol: string): boolean;
  /** When the stream last brought a trade for `symbol` (epoch ms), if it ever did. */
  lastStreamed(symbol: string): number | undefined;
  /** Symbols in a call right now: never asked for twice at once. */
  inFlight: ReadonlySet<string>;
  now: number;
}

/** Weights from areas (market caps): (area ÷ largest)^exponent; unknown areas get the median. */
export function areaWeights(
  areas: ReadonlyMap<string, number | null>,
  exponent = AREA_WEIGHT_EXPONENT,
): Map<string, number> {
  const known = [...areas.values()]
    .filter((a): a is number => a !== null && a > 0)
    .sort((a, b) => a - b);
  const median = known[Math.floor(known.length / 2)] ?? 1;
  const largest = known[known.length - 1] ?? 1;
  const out = new Map<string, number>();
  for (const [symbol, area] of areas) {
    out.set(symbol, ((area !== null && area > 0 ? area : median) / largest) ** exponent);
  }
  return out;
}

/** A symbol's score now: Infinity when never fetched. */
export function scoreOf(symbol: string, input: RankInput): number {
  const last = input.lastFetched.get(symbol);
  if (last === undefined) return Infinity;
  let weight = input.weights.get(symbol) ?? 1;
  if (input.isWatched(symbol)) weight *= WATCH_BOOST;
  return quoteAge(symbol, last, input) * weight;
}

/**
 * How old the tile's quote is as REST should see it: its REST age, or, where the stream
 * brought a trade since, the trade's age plus a small share of the REST age. A thin stream
 * (IEX trades every 15 s against REST every second) therefore never makes a tile wait longer
 * than REST alone would; a busy one lets REST spend its calls on the other tiles.
 */
function quoteAge(symbol: string, lastFetched: number, input: RankInput): number {
  const restAge = Math.max(0, input.now - lastFetched);
  const tick = input.lastStreamed(symbol);
  if (tick === undefined) return restAge;
  return Math.min(restAge, Math.max(0, input.now - tick) + restAge * STREAMED_WEIGHT_FACTOR);
}

/** The `count` best symbols not in flight, best first. */
export function rankSymbols(input: RankInput, count: number): string[] {
  const scored = input.symbols
    .filter((s) => !input.inFlight.has(s))
    .map((symbol) => ({
      symbol,
      score: scoreOf(symbol, input),
      weight: input.weights.get(symbol) ?? 0,
    }));
  scored.sort((a, b) => {
    if (a.score !== b.score) return b.score - a.score;
    // Equal scores (never fetched, or fetched together): watched, then bigger tiles first.
    const watched = Number(input.isWatched(b.symbol)) - Number(input.isWatched(a.symbol));
    return watched !== 0 ? watched : b.weight - a.weight;
  });
  return scored.slice(0, count).map((s) => s.symbol);
}
