import { describe, expect, it } from 'vitest';

import type { DrillPath } from '../../src-renderer/chart/heatmap-view';
import { type NavRect, nextTile } from '../../src-renderer/components/navigation/grid-nav';
import {
  type MapKeyContext,
  type MapNavState,
  reduceMapKey,
} from '../../src-renderer/components/navigation/map-keys';

/**
 * A small treemap-like layout (0.5 px gaps):
 *
 *   +-----+--+--+
 *   |     |B |C |
 *   |  A  +--+--+
 *   |     |  D  |
 *   +--+--+--+--+
 *   |E |   F    |
 *   +--+--------+
 */
const RECTS: NavRect[] = [
  { symbol: 'A', x: 0, y: 0, w: 50, h: 60 },
  { symbol: 'B', x: 50.5, y: 0, w: 24.5, h: 30 },
  { symbol: 'C', x: 75.5, y: 0, w: 24.5, h: 30 },
  { symbol: 'D', x: 50.5, y: 30.5, w: 49.5, h: 29.5 },
  { symbol: 'E', x: 0, y: 60.5, w: 20, h: 40 },
  { symbol: 'F', x: 20.5, y: 60.5, w: 79.5, h: 40 },
];

const PLACES: Record<string, { sector: string; industry: string }> = {
  A: { sector: 'Tech', industry: 'Chips' },
  B: { sector: 'Tech', industry: 'Software' },
  E: { sector: 'Energy', industry: 'Oil' },
};

const ctx: MapKeyContext = { rects: RECTS, placeOf: (s) => PLACES[s] };
const at = (focused: string | null, drillPath: DrillPath = {}): MapNavState => ({
  focused,
  drillPath,
});

describe('nextTile (arrow keys over rects)', () => {
  it('moves right to the neighbour that shares the most of its row', () => {
    expect(nextTile(RECTS, 'A', 'right')).toBe('B');
    expect(nextTile(RECTS, 'B', 'right')).toBe('C');
    expect(nextTile(RECTS, 'E', 'right')).toBe('F');
  });

  it('moves down into the tile below, choosing the closest centre', () => {
    expect(nextTile(RECTS, 'B', 'down')).toBe('D');
    expect(nextTile(RECTS, 'A', 'down')).toBe('E');
    expect(nextTile(RECTS, 'D', 'down')).toBe('F');
  });

  it('moves up and left back to where it came from', () => {
    expect(nextTile(RECTS, 'D', 'up')).toBe('B');
    expect(nextTile(RECTS, 'F', 'left')).toBe('E');
    expect(nextTile(RECTS, 'D', 'left')).toBe('A');
  });

  it('stays put at the edge of the map', () => {
    expect(nextTile(RECTS, 'C', 'right')).toBeNull();
    expect(nextTile(RECTS, 'A', 'up')).toBeNull();
    expect(nextTile(RECTS, 'E', 'left')).toBeNull();
  });

  it('starts at the first tile in reading order when nothing has focus', () => {
    expect(nextTile(RECTS, null, 'down')).toBe('A');
    expect(nextTile(RECTS, 'GONE', 'left')).toBe('A');
    expect(nextTile([], null, 'left')).toBeNull();
  });

  it('skips tiles drawn with no area', () => {
    const rects = [...RECTS, { symbol: 'Z', x: 50.2, y: 10, w: 0, h: 0 }];
    expect(nextTile(rects, 'A', 'right')).toBe('B');
  });

  it('falls back to the nearest tile that way when none lines up', () => {
    const rects: NavRect[] = [
      { symbol: 'P', x: 0, y: 0, w: 10, h: 10 },
      { symbol: 'Q', x: 30, y: 40, w: 10, h: 10 },
      { symbol: 'R', x: 30, y: 200, w: 10, h: 10 },
    ];
    expect(nextTile(rects, 'P', 'right')).toBe('Q');
  });
});

describe('reduceMapKey', () => {
  it('moves the focus with the arrow keys and keeps it at the edge', () => {
    expect(reduceMapKey(at('A'), 'ArrowRight', ctx)).toEqual({
      state: at('B'),
      effect: 'none',
      handled: true,
    });
    expect(reduceMapKey(at('C'), 'ArrowRight', ctx).state.focused).toBe('C');
  });

  it('goes to the first and last tile with Home and End', () => {
    expect(reduceMapKey(at('D'), 'Home', ctx).state.focused).toBe('A');
    expect(reduceMapKey(at('A'), 'End', ctx).state.focused).toBe('F');
  });

  it('drills into the sector, then the industry, then opens details', () => {
    const sector = reduceMapKey(at('A'), 'Enter', ctx);
    expect(sector.state.drillPath).toEqual({ sector: 'Tech' });
    const industry = reduceMapKey(sector.state, 'Enter', ctx);
    expect(industry.state.drillPath).toEqual({ sector: 'Tech', industry: 'Chips' });
    const details = reduceMapKey(industry.state, 'Enter', ctx);
    expect(details.state).toEqual(industry.state);
    expect(details.effect).toBe('open-details');
  });

  it('leaves Enter alone when no tile has focus', () => {
    expect(reduceMapKey(at(null), 'Enter', ctx).handled).toBe(false);
  });

  it('goes up one level with Escape and lets Escape through at the top', () => {
    const up = reduceMapKey(at('A', { sector: 'Tech', industry: 'Chips' }), 'Escape', ctx);
    expect(up.state).toEqual(at('A', { sector: 'Tech' }));
    expect(reduceMapKey(up.state, 'Escape', ctx).state.drillPath).toEqual({});
    expect(reduceMapKey(at('A'), 'Escape', ctx).handled).toBe(false);
  });

  it('asks for the search box on "/"', () => {
    expect(reduceMapKey(at('A'), '/', ctx)).toMatchObject({
      effect: 'focus-search',
      handled: true,
    });
  });

  it('ignores other keys', () => {
    expect(reduceMapKey(at('A'), 'x', ctx).handled).toBe(false);
  });
});
