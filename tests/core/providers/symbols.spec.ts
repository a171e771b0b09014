import { describe, expect, it } from 'vitest';

import {
  fromProviderSymbol,
  SymbolMapper,
  toProviderSymbol,
} from '../../../src-main/core/providers/symbols.js';

describe('toProviderSymbol', () => {
  it('writes share classes in each provider form', () => {
    expect(toProviderSymbol('BRK.B', 'dot')).toBe('BRK.B');
    expect(toProviderSymbol('BRK.B', 'dash')).toBe('BRK-B');
    expect(toProviderSymbol('BRK.B', 'slash')).toBe('BRK/B');
  });

  it('leaves plain symbols alone and upper-cases', () => {
    expect(toProviderSymbol('aapl', 'dash')).toBe('AAPL');
    expect(toProviderSymbol('GOOGL', 'slash')).toBe('GOOGL');
  });
});

describe('fromProviderSymbol', () => {
  it('reads each provider form back to the dot form', () => {
    expect(fromProviderSymbol('BRK-B', 'dash')).toBe('BRK.B');
    expect(fromProviderSymbol('brk/b', 'slash')).toBe('BRK.B');
    expect(fromProviderSymbol('BRK.B', 'dot')).toBe('BRK.B');
  });

  it('does not treat another form’s separator as a class separator', () => {
    expect(fromProviderSymbol('BRK-B', 'dot')).toBe('BRK-B');
  });

  it('round-trips', () => {
    for (const form of ['dot', 'dash', 'slash'] as const) {
      expect(fromProviderSymbol(toProviderSymbol('BF.B', form), form)).toBe('BF.B');
    }
  });
});

describe('SymbolMapper', () => {
  it('maps provider keys back to the symbols that were asked for', () => {
    const mapper = new SymbolMapper(['BRK.B', 'AAPL'], 'dash');
    expect(mapper.providerSymbols()).toEqual(['BRK-B', 'AAPL']);
    expect(mapper.toEngine('BRK-B')).toBe('BRK.B');
    expect(mapper.toEngine('brk-b')).toBe('BRK.B');
    expect(mapper.toEngine('MSFT')).toBeUndefined();
  });
});
