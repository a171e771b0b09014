import { describe, expect, it } from 'vitest';

import { clipErrorBody, clipMessage, clipValue } from '../../../src-main/core/http/clip-echo.js';

describe('clipping echoed values', () => {
  it('keeps values up to 80 characters and cuts longer ones to 80 plus an ellipsis', () => {
    expect(clipValue('x'.repeat(80))).toBe('x'.repeat(80));
    expect(clipValue('x'.repeat(81))).toBe(`${'x'.repeat(80)}…`);
  });

  it('clips a long quoted value even when it holds spaces, leaving the message around it', () => {
    const value = 'word '.repeat(40);

    expect(clipMessage(`Unknown sector "${value}".`)).toBe(
      `Unknown sector "${value.slice(0, 80)}…".`,
    );
    expect(clipMessage('Unknown sector "Tech".')).toBe('Unknown sector "Tech".');
  });

  it('clips unknown symbols and CSV cells in the detail fields', () => {
    const body = clipErrorBody({
      error: 'bad',
      unknownSymbols: ['Z'.repeat(100)],
      rows: [{ line: 1, value: 'Q'.repeat(100), problem: 'unknown symbol' }],
    });

    expect(body.unknownSymbols).toEqual([`${'Z'.repeat(80)}…`]);
    expect(body.rows?.[0]?.value).toBe(`${'Q'.repeat(80)}…`);
  });
});
