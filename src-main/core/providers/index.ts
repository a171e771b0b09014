/**
 * Registers the live provider adapters. Import this module once (engine start-up) before
 * calling `createProvider`. One line per adapter; an adapter's owner adds its own line.
 */
import { ALPACA_ENTRY } from './alpaca/alpaca-provider.js';
import { ALPHAVANTAGE_ENTRY } from './alphavantage/alphavantage-provider.js';
import { FINNHUB_ENTRY } from './finnhub/finnhub-provider.js';
import { FMP_ENTRY } from './fmp/fmp-provider.js';
import { registerProvider } from './registry.js';
import { TWELVEDATA_ENTRY } from './twelvedata/twelvedata-provider.js';

registerProvider(FINNHUB_ENTRY);
registerProvider(ALPACA_ENTRY);
registerProvider(TWELVEDATA_ENTRY);
registerProvider(FMP_ENTRY);
registerProvider(ALPHAVANTAGE_ENTRY);

export * from './registry.js';
