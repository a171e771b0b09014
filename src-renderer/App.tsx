import { useCallback, useMemo, useRef, useState } from 'react';

import { Filters } from './components/filters/Filters';
import { DEFAULT_VIEW_OPTIONS, type HeatmapHandle } from './chart/heatmap-view';
import { HeatmapChart } from './components/HeatmapChart';
import { Legend } from './components/Legend';
import { MapControls } from './components/MapControls';
import { Notice } from './components/Notice';
import { ProviderBanner } from './components/ProviderBanner';
import { SettingsPanel } from './components/settings/SettingsPanel';
import { StatusBar } from './components/StatusBar';
import { useHealth } from './hooks/use-health';
import { useMarketStream } from './hooks/use-market-stream';
import { useNow } from './hooks/use-now';
import { countStatuses } from './lib/tiles';
import { useUrlViewState } from './lib/use-view-url';
import { buildQuery, DEFAULT_VIEW, isUnfiltered } from './lib/view-state';

/** The page: header (filters, legend), the notice, the map or its empty/loading state, status. */
export function App() {
  const [view, setView] = useUrlViewState();
  const mapRef = useRef<HeatmapHandle>(null);
  const mapOptions = view.options ?? DEFAULT_VIEW_OPTIONS;
  const query = buildQuery(view);
  const market = useMarketStream(query);
  const now = useNow();
  const { health, refresh: refreshHealth } = useHealth();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const closeSettings = useCallback(() => setSettingsOpen(false), []);

  // Counts follow live batches (version), not only re-layouts.
  const counts = useMemo(() => countStatuses(market.tiles), [market.tiles, market.version]);

  return (
    <div className="app">
      <header className="top-bar">
        <h1>S&amp;P 500 market map</h1>
        <Filters
          view={view}
          sectorOptions={market.sectorOptions}
          categoryOptions={market.categoryOptions}
          onChange={setView}
        />
        <MapControls
          view={view}
          onChange={setView}
          map={mapRef}
          tiles={market.tiles}
          source={market.source}
        />
        <Legend
          options={mapOptions}
          onRangeChange={(range) => setView({ ...view, options: { ...mapOptions, range } })}
        />
        <button
          type="button"
          className="gear-button"
          aria-label="Settings"
          title="Settings"
          onClick={() => setSettingsOpen(true)}
        >
          ⚙
        </button>
      </header>

      <main className="map-area">
        {!market.hasSnapshot && <p className="placeholder">Loading market data…</p>}
        {market.hasSnapshot && market.tiles.length === 0 && (
          <div className="placeholder">
            <p>No stocks match these filters.</p>
            {!isUnfiltered(view) && (
              <button type="button" onClick={() => setView(DEFAULT_VIEW)}>
                Clear filters
              </button>
            )}
          </div>
        )}
        {market.tiles.length > 0 && (
          <HeatmapChart
            ref={mapRef}
            tiles={market.tiles}
            version={market.version}
            options={mapOptions}
            drillPath={view.drill ?? {}}
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
        />
        <ProviderBanner health={health} now={now} onOpenSettings={() => setSettingsOpen(true)} />
      </main>

      <StatusBar
        source={market.source}
        counts={counts}
        status={market.status}
        lastMessageAt={market.lastMessageAt}
        now={now}
      />
      {settingsOpen && (
        <SettingsPanel health={health} onClose={closeSettings} onSaved={refreshHealth} />
      )}
    </div>
  );
}
