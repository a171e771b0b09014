import { describe, expect, it } from 'vitest';

import { hitTest, neighbourIndex, readingOrder, snapRect } from '../../src-renderer/chart/geometry';
import { GRID_HEADER_PX, layoutGrid } from '../../src-renderer/chart/grid-layout';
import { changeText, planLabel } from '../../src-renderer/chart/label-layout';

// A 3×2 grid of 10 px squares: indices 0 1 2 / 3 4 5, stored out of order.
const R = (x: number, y: number) => ({ x: x * 10, y: y * 10, w: 10, h: 10 });
const rects = [R(1, 1), R(0, 0), R(2, 0), R(0, 1), R(1, 0), R(2, 1)];

describe('map geometry', () => {
  it('orders tiles by rows, then left to right', () => {
    expect(readingOrder(rects).map((i) => rects[i])).toEqual([
      R(0, 0),
      R(1, 0),
      R(2, 0),
      R(0, 1),
      R(1, 1),
      R(2, 1),
    ]);
  });

  it('finds the neighbour in each direction and none past the edge', () => {
    const centre = 0; // R(1,1)
    expect(rects[neighbourIndex(rects, centre, 'up')]).toEqual(R(1, 0));
    expect(rects[neighbourIndex(rects, centre, 'left')]).toEqual(R(0, 1));
    expect(rects[neighbourIndex(rects, centre, 'right')]).toEqual(R(2, 1));
    expect(neighbourIndex(rects, centre, 'down')).toBe(-1);
  });

  it('hit-tests points to rects, edges included on the top-left only', () => {
    expect(hitTest(rects, 15, 15)).toBe(0);
    expect(hitTest(rects, 10, 10)).toBe(0);
    expect(hitTest(rects, 31, 5)).toBe(-1);
  });

  it('snaps rects to whole device pixels', () => {
    expect(snapRect({ x: 0.3, y: 1.6, w: 10.4, h: 2 }, 2)).toEqual({ x: 0.5, y: 1.5, w: 10, h: 2 });
  });

  it('lays the grid out sector by sector, best first, within the box', () => {
    const items = [
      { sector: 'A', symbol: 'A1', value: -1 },
      { sector: 'A', symbol: 'A2', value: 3 },
      { sector: 'B', symbol: 'B1', value: null },
      { sector: 'A', symbol: 'A3', value: 0 },
    ];
    const grid = layoutGrid(items, 300, 200);
    expect(grid.headers.map((h) => h.sector)).toEqual(['A', 'B']);
    expect(grid.cells.slice(0, 3).map((c) => items[c.index]!.symbol)).toEqual(['A2', 'A3', 'A1']);
    const bottom = Math.max(...grid.cells.map((c) => c.y + c.h));
    expect(bottom).toBeLessThanOrEqual(200);
    expect(grid.cells[0]!.y).toBe(GRID_HEADER_PX);
  });

  it('hides labels of small tiles and shows the change with sign and arrow on big ones', () => {
    const measure = (text: string, px: number) => text.length * px * 0.6;
    expect(planLabel('AAPL', 12, 8, measure).lines).toBe(0);
    expect(planLabel('AAPL', 200, 120, measure).lines).toBe(2);
    // A tall, narrow tile keeps its % line at a smaller size rather than dropping it.
    const narrow = planLabel('TSLA', 95, 170, measure);
    expect(narrow.lines).toBe(2);
    expect(measure('▲ +88.88%', narrow.smallSize)).toBeLessThanOrEqual(95 - 6);
    expect(changeText(1.234)).toBe('▲ +1.23%');
    expect(changeText(-0.4)).toBe('▼ -0.40%');
    expect(changeText(0)).toBe('– 0.00%');
    expect(changeText(250.4)).toBe('▲ +250%');
  });
});
