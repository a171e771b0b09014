import { describe, expect, it } from 'vitest';

import {
  checkParamNames,
  parseChoiceList,
  parseStockQuery,
} from '../../../src-main/core/http/query.js';

const VOCABULARY = {
  sectors: ['Energy', 'Financials', 'Information Technology'],
  categories: ['dow30', 'nasdaq100', 'sp500', 'stock'],
};

function parse(search: string) {
  return parseStockQuery(new URLSearchParams(search), VOCABULARY);
}

describe('parseStockQuery', () => {
  it('returns an empty query when no parameter is given', () => {
    expect(parse('')).toEqual({ ok: true, value: { sectors: [], categories: [] } });
  });

  it('treats an empty value as no filter', () => {
    const result = parse('sector=&category=');
    expect(result).toEqual({ ok: true, value: { sectors: [], categories: [] } });
  });

  it('maps comma-separated values case-insensitively to their canonical spelling', () => {
    const result = parse('sector=energy, INFORMATION technology &category=SP500');
    expect(result).toEqual({
      ok: true,
      value: { sectors: ['Energy', 'Information Technology'], categories: ['sp500'] },
    });
  });

  it('accepts repeated parameters and drops duplicates and empty items', () => {
    const result = parse('sector=energy&sector=Financials,,energy');
    expect(result).toEqual({
      ok: true,
      value: { sectors: ['Energy', 'Financials'], categories: [] },
    });
  });

  it('refuses an unknown sector, naming it and listing the accepted ones', () => {
    expect(parse('sector=Energy,Tech')).toEqual({
      ok: false,
      error: { error: 'Unknown sector "Tech".', accepted: VOCABULARY.sectors },
    });
  });

  it('refuses an unknown category, naming it and listing the accepted ones', () => {
    expect(parse('category=sp400')).toEqual({
      ok: false,
      error: { error: 'Unknown category "sp400".', accepted: VOCABULARY.categories },
    });
  });

  it('refuses an unknown parameter name, listing the accepted names', () => {
    expect(parse('sectors=Energy')).toEqual({
      ok: false,
      error: {
        error: 'Unknown query parameter "sectors".',
        accepted: ['sector', 'category', 'universe', 'filter', 'timeframe'],
      },
    });
  });
});

describe('checkParamNames', () => {
  it('accepts names in the allowed list, so new parameters only extend the list', () => {
    expect(checkParamNames(new URLSearchParams('filter=x'), ['filter']).ok).toBe(true);
  });
});

describe('parseChoiceList', () => {
  it('names the parameter in its message', () => {
    const result = parseChoiceList('industry', ['nope'], ['Banks']);
    expect(result).toEqual({
      ok: false,
      error: { error: 'Unknown industry "nope".', accepted: ['Banks'] },
    });
  });
});
