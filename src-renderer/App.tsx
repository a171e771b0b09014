import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { ApiError } from '../src-main/shared/api-types';
import { createUniverseLookup, type Elsewhere } from './api/universe-client';
import { DEFAULT_VIEW_OPTIONS, type DrillPath, type HeatmapHandle } from './chart/heatmap-view';
import { tileValue, tileWeight } from './chart/tile-value';
import { AlertsMount } from './components/alerts/AlertsMount';
import { computeBreadth } from './components/breadth/breadth';
import { BreadthBar } from './components/breadth/BreadthBar';
import { CriteriaPanel } from './components/filters/CriteriaPanel';
import { Filters } from './components/filters/Filters';
import { UniversePicker } from './components/filters/UniversePicker';
import { useSavedFilters } from './components/filters/use-saved-filters';
import { Legend } from './components/Legend';
import { MapControls } from './components/MapControls';
import { MarketClosedNote } from './components/MarketClosedNote';
import { Breadcrumb } from './components/navigation/Breadcrumb';
import { DetailsDialog } from './components/navigation/DetailsDialog';
import { drillExists, tileLabel, tilesInDrill, universeName } from './components/navigation/labels';
import { MapStage, type StageMode } from './components/navigation/MapStage';
import { SearchBox } from './components/navigation/SearchBox';
import { copyText, TileContextMenu } from './components/navigation/TileContextMenu';
import { useMapInteraction } from './components/navigation/use-map-interaction';
import { useToast } from './components/navigation/use-toast';
import { Notice } from './components/Notice';
import { ProviderBanner } from './components/ProviderBanner';
import { SettingsButton } from './components/settings/SettingsButton';
import { SettingsPanel } from './components/settings/SettingsPanel';
import { StatusBar } from './components/StatusBar';
import { TileTooltip } from './components/tooltip/TileTooltip';
import { NewWatchlistDialog } from './components/watchlists/NewWatchlistDialog';
import { describeWatchlistError, useWatchlists } from './components/watchlists/use-watchlists';
import { WatchlistsMenu } from './components/watchlists/WatchlistsMenu';
import { useHealth } from './hooks/use-health';
import { useMarketStream } from './hooks/use-market-stream';
import { useNow } from './hooks/use-now';
import { closedSessionOf, isMarketClosed } from './lib/freshness';
import { countStatuses, type Tile } from './lib/tiles';
import { useUrlViewState } from './lib/use-view-url';
import { buildQuery, DEFAULT_VIEW, isUnfiltered, type ViewState } from './lib/view-state';

/**
 * The page: header (universe, filters, criteria, search, watchlists, look, legend), the
 * breadcrumb and breadth bar, the map or its table, the notice, status; popups on top.
 */
export function App() {
  const [view, setViewState] = useUrlViewState();
  const viewRef = useRef(view);
  viewRef.current = view;
  // Callbacks from popups may run after other changes: always patch the latest view.
  const patchView = useCallback(
    (patch: Partial<ViewState>) => setViewState({ ...viewRef.current, ...patch }),
    [setViewState],
  );
  const mapRef = useRef<HeatmapHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const mapOptions = view.options ?? DEFAULT_VIEW_OPTIONS;
  const market = useMarketStream(buildQuery(view));
  const now = useNow();
  const { health, refresh: refreshHealth } = useHealth();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const closeSettings = useCallback(() => setSettingsOpen(false), []);
  const [mode, setMode] = useState<StageMode>('map');
  const [newListFor, setNewListFor] = useState<string | null>(null);
  const toast = useToast();
  const saved = useSavedFilters();
  const watchlists = useWatchlists();

  // A drill-down a filter has emptied is kept (it comes back with the filter) but not applied.
  const wanted: DrillPath = view.drill ?? {};
  const drill = market.hasSnapshot && !drillExists(market.tiles, wanted) ? {} : wanted;
  const setDrill = useCallback((d: DrillPath) => patchView({ drill: d }), [patchView]);
  const timeframe = mapOptions.timeframe;
  const title = universeName(view.universe, watchlists.watchlists);

  // Counts, breadth and shares follow live batches (version), not only re-layouts.
  const v = market.version;
  const counts = useMemo(() => countStatuses(market.tiles), [market.tiles, v]);
  // The stream's session follows every batch; health (polled) covers the time before the first.
  const session = market.source?.session ?? health?.session;
  const closedSession = useMemo(() => closedSessionOf(market.tiles), [market.tiles, v]);
  const { sector: inSector, industry: inIndustry } = drill;
  const shown = useMemo(
    () => tilesInDrill(market.tiles, { sector: inSector, industry: inIndustry }),
    [market.tiles, inSector, inIndustry],
  );
  const groupBy = drill.sector ? 'industry' : 'sector';
  const breadth = useMemo(
    () => computeBreadth(shown, (t) => tileValue(t, timeframe), groupBy),
    [shown, timeframe, groupBy, v],
  );
  const weights = useMemo(() => {
    const w = new Map(shown.map((t) => [t.symbol, tileWeight(t, mapOptions.sizeBy)]));
    const total = [...w.values()].reduce((s, x) => s + x, 0) || 1;
    return { of: (t: Tile) => (w.get(t.symbol) ?? 0) / total };
  }, [shown, mapOptions.sizeBy]);
  const groups = breadth.groups.map((g) => ({
    ...g,
    share: shown.filter((t) => t[groupBy] === g.name).reduce((s, t) => s + weights.of(t), 0),
  }));
  const caption = [title, drill.sector, drill.industry].filter(Boolean).join(' › ');

  const focusMap = () => document.querySelector<HTMLElement>('.map-focus-target')?.focus();
  // A search hit outside this map: clear the filters, and leave the map's universe only when
  // the stock is not in it (then all instruments); highlight it once its tile has arrived.
  const [findElsewhere] = useState(() => createUniverseLookup());
  const [pendingFind, setPendingFind] = useState<string | null>(null);
  const showElsewhere = (found: Elsewhere) => {
    const current = viewRef.current.universe?.trim() || 'sp500';
    const list = watchlists.watchlists.find((w) => `watchlist:${w.id}` === current);
    const inUniverse =
      current === 'all' ||
      found.categories.includes(current) ||
      (list?.symbols.includes(found.symbol) ?? false);
    const universe = inUniverse ? {} : { universe: 'all' };
    patchView({ ...universe, sectors: [], categories: [], filter: '', drill: {} });
    setPendingFind(found.symbol);
  };
  const ix = useMapInteraction({
    map: mapRef,
    tiles: market.tiles,
    drill,
    setDrill,
    focusSearch: () => searchRef.current?.focus(),
    focusMap,
    describe: (t) => tileLabel(t, timeframe),
  });
  useEffect(() => {
    if (pendingFind && market.tiles.some((t) => t.symbol === pendingFind)) {
      setPendingFind(null);
      ix.find(pendingFind);
    }
  }, [pendingFind, market.tiles, ix]);
  const hoverTile = ix.hover && market.tiles.find((t) => t.symbol === ix.hover?.tile.symbol);
  const detailsTile = ix.details && market.tiles.find((t) => t.symbol === ix.details);
  const nameOf = (s: string) => market.tiles.find((t) => t.symbol === s)?.name;

  const errorWords = (error: ApiError) => describeWatchlistError(error).join(' ');
  const drillInto = (name: string) =>
    setDrill(drill.sector ? { sector: drill.sector, industry: name } : { sector: name });
  const copy = async (symbol: string) =>
    toast.show((await copyText(symbol)) ? `Copied ${symbol}.` : `Could not copy ${symbol}.`);
  const addTo = async (id: string, symbol: string) => {
    const r = await watchlists.update(id, { add: [symbol] });
    toast.show(r.ok ? `Added ${symbol} to ${r.value.name}.` : errorWords(r.error));
  };
  const removeFrom = async (id: string, symbol: string) => {
    const r = await watchlists.update(id, { remove: [symbol] });
    toast.show(r.ok ? `Removed ${symbol} from ${r.value.name}.` : errorWords(r.error));
  };

  return (
    <div className="app">
      <header className="top-bar">
        <h1>{title} market map</h1>
        <UniversePicker
          universe={view.universe}
          watchlists={watchlists.watchlists}
          onChange={(universe) => patchView({ universe, drill: {} })}
        />
        <WatchlistsMenu
          state={watchlists}
          nameOf={nameOf}
          onShowMap={(id) => patchView({ universe: `watchlist:${id}`, drill: {} })}
        />
        <Filters
          view={view}
          sectorOptions={market.sectorOptions}
          categoryOptions={market.categoryOptions}
          watchlists={watchlists.watchlists}
          onChange={setViewState}
        />
        <CriteriaPanel
          applied={view.filter ?? ''}
          onApply={(filter) => patchView({ filter })}
          saved={saved}
        />
        <MapControls
          view={view}
          onChange={setViewState}
          map={mapRef}
          tiles={market.tiles}
          source={market.source}
        />
        <Legend
          options={mapOptions}
          onRangeChange={(range) => patchView({ options: { ...mapOptions, range } })}
        />
        <SettingsButton onClick={() => setSettingsOpen(true)} />
        <AlertsMount sectors={market.sectorOptions} />
      </header>

      <div className="view-bar">
        <Breadcrumb rootLabel={title} path={drill} onNavigate={setDrill} />
        <BreadthBar
          breadth={breadth}
          groupLabel={drill.sector ? 'Industries' : 'Sectors'}
          {...(drill.industry ? {} : { onGroupClick: drillInto })}
        />
        <SearchBox
          ref={searchRef}
          rows={market.tiles}
          onFound={ix.find}
          onDismiss={focusMap}
          onClear={ix.clearHighlight}
          findElsewhere={findElsewhere}
          onShowElsewhere={showElsewhere}
        />
        <div className="mode-toggle" role="group" aria-label="Show as">
          {(['map', 'table'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
              {m === 'map' ? 'Map' : 'Table'}
            </button>
          ))}
        </div>
      </div>

      <main className="map-area">
        {!market.hasSnapshot && <p className="placeholder">Loading market data…</p>}
        {market.hasSnapshot && market.tiles.length === 0 && (
          <div className="placeholder">
            <p>No stocks match these filters.</p>
            {!isUnfiltered(view) && (
              <button type="button" onClick={() => setViewState(DEFAULT_VIEW)}>
                Clear filters
              </button>
            )}
          </div>
        )}
        {market.tiles.length > 0 && (
          <MapStage
            mode={mode}
            mapRef={mapRef}
            tiles={market.tiles}
            shown={shown}
            version={market.version}
            options={mapOptions}
            drill={drill}
            groups={groups}
            shareOf={weights.of}
            caption={caption}
            interaction={ix}
          />
        )}
        {/* The notice floats over the map so showing one never resizes (re-lays out) the map. */}
        <Notice
          status={market.status}
          hasSnapshot={market.hasSnapshot}
          lastMessageAt={market.lastMessageAt}
          staleCount={counts.stale}
          total={market.tiles.length}
          now={now}
          onRetry={market.retryNow}
          marketClosed={isMarketClosed(session) || closedSession !== null}
        />
        {market.tiles.length > 0 && (
          <MarketClosedNote session={session} closedSession={closedSession} />
        )}
        <ProviderBanner health={health} now={now} onOpenSettings={() => setSettingsOpen(true)} />
      </main>

      <StatusBar
        source={market.source}
        counts={counts}
        status={market.status}
        lastMessageAt={market.lastMessageAt}
        now={now}
        session={session}
      />
      {hoverTile && ix.hover && !ix.menu && (
        <TileTooltip
          tile={hoverTile}
          mapTile={{ ...ix.hover.tile, value: tileValue(hoverTile, timeframe) }}
          anchor={ix.hover.anchor}
          timeframeLabel={TIMEFRAME_TITLE[timeframe]}
        />
      )}
      {ix.menu && (
        <TileContextMenu
          target={ix.menu}
          watchlists={watchlists.watchlists}
          onCopy={(s) => void copy(s)}
          onAddTo={(id, s) => void addTo(id, s)}
          onRemoveFrom={(id, s) => void removeFrom(id, s)}
          onNewWatchlist={setNewListFor}
          onDetails={ix.openDetails}
          onClose={ix.closeMenu}
        />
      )}
      {detailsTile && <DetailsDialog tile={detailsTile} onClose={ix.closeDetails} />}
      {newListFor && (
        <NewWatchlistDialog
          symbol={newListFor}
          onClose={() => setNewListFor(null)}
          onCreate={async (name, symbol) => {
            const r = await watchlists.create(name, [symbol]);
            if (!r.ok) return describeWatchlistError(r.error).join(' ');
            toast.show(`Created ${r.value.name} with ${symbol}.`);
            return null;
          }}
        />
      )}
      {toast.node}
      {settingsOpen && (
        <SettingsPanel health={health} onClose={closeSettings} onSaved={refreshHealth} />
      )}
    </div>
  );
}

const TIMEFRAME_TITLE = {
  '1d': '1 day',
  '1w': '1 week',
  '1m': '1 month',
  '3m': '3 months',
  ytd: 'Year to date',
  '1y': '1 year',
} as const;
