import { describe, expect, it } from 'vitest';

import { marketSessionAt } from '../../../src-main/core/market/market-session.js';
import { loadNyseCalendar } from '../../../src-main/core/market/nyse-calendar.js';
import { RESOURCES_DIR } from '../helpers/resources.js';

const calendar = loadNyseCalendar(RESOURCES_DIR);

describe('marketSessionAt', () => {
  it('says regular with the close time on an ordinary day', () => {
    expect(marketSessionAt(calendar, Date.parse('2026-08-07T15:00:00Z'), true)).toEqual({
      state: 'regular',
      date: '2026-08-07',
      earlyClose: false,
      closesAt: '2026-08-07T20:00:00.000Z',
      replayed: true,
    });
  });

  it('marks an early close and its name, and post after 13:00 ET', () => {
    const session = marketSessionAt(calendar, Date.parse('2026-11-27T18:30:00Z'), false);

    expect(session).toMatchObject({
      state: 'post',
      earlyClose: true,
      closesAt: '2026-11-27T18:00:00.000Z',
    });
    expect(session.note).toBeDefined();
  });

  it('says holiday with no close on a full holiday, and pre before the open', () => {
    expect(marketSessionAt(calendar, Date.parse('2026-12-25T15:00:00Z'), false)).toMatchObject({
      state: 'holiday',
      closesAt: null,
    });
    expect(marketSessionAt(calendar, Date.parse('2026-08-07T12:00:00Z'), false).state).toBe('pre');
  });
});
