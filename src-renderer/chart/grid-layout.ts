/**
 * Pure geometry of the grid view: equal cells grouped by sector, each sector starting on its own
 * row under a header band, cells sorted by the colour metric (best first) at layout time.
 */
export interface GridItem {
  sector: string;
  /** Sort key (higher first); null sorts last. */
  value: number | null;
  symbol: string;
}

export interface GridCell {
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GridHeader {
  sector: string;
  x: number;
  y: number;
  w: number;
  h: number;
  count: number;
}

export interface GridLayout {
  cells: GridCell[];
  headers: GridHeader[];
  columns: number;
  cell: number;
}

export const GRID_HEADER_PX = 16;
export const GRID_GAP_PX = 1;

const bySector = (items: readonly GridItem[]) => {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = groups.get(item.sector) ?? [];
    list.push(i);
    groups.set(item.sector, list);
  });
  return [...groups.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  );
};

/** Height needed for `columns` columns across `width`. */
function heightFor(sizes: readonly number[], width: number, columns: number): number {
  const cell = width / columns;
  return sizes.reduce((h, n) => h + GRID_HEADER_PX + Math.ceil(n / columns) * cell, 0);
}

/**
 * Lays `items` out in `width`×`height` px: the fewest columns (largest cells) that fit.
 * Ties in value sort by symbol so the order is deterministic.
 */
export function layoutGrid(items: readonly GridItem[], width: number, height: number): GridLayout {
  const groups = bySector(items);
  const sizes = groups.map(([, list]) => list.length);
  if (items.length === 0 || width <= 0 || height <= 0) {
    return { cells: [], headers: [], columns: 1, cell: 0 };
  }

  let columns = 1;
  while (columns < items.length && heightFor(sizes, width, columns) > height) columns++;
  const cell = width / columns;

  const cells: GridCell[] = [];
  const headers: GridHeader[] = [];
  let y = 0;
  for (const [sector, list] of groups) {
    const rows = Math.ceil(list.length / columns);
    headers.push({
      sector,
      x: 0,
      y,
      w: width,
      h: GRID_HEADER_PX + rows * cell,
      count: list.length,
    });
    y += GRID_HEADER_PX;
    const sorted = [...list].sort((a, b) => {
      const va = items[a]!.value ?? -Infinity;
      const vb = items[b]!.value ?? -Infinity;
      return vb - va || items[a]!.symbol.localeCompare(items[b]!.symbol);
    });
    sorted.forEach((index, k) => {
      const col = k % columns;
      const row = Math.floor(k / columns);
      cells.push({ index, x: col * cell, y: y + row * cell, w: cell, h: cell });
    });
    y += rows * cell;
  }
  return { cells, headers, columns, cell };
}
