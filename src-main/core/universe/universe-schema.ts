/**
 * The zod schema of `resources/universe.json` (written by scripts/build-resources.ts).
 */
import { z } from 'zod';

const CATEGORY_ID = /^[a-z0-9]+$/;

export const instrumentRowSchema = z.object({
  symbol: z.string().regex(/^[A-Z][A-Z0-9.]*$/, 'expected an upper-case ticker such as BRK.B'),
  name: z.string().min(1),
  sector: z.string().min(1),
  industry: z.string().min(1),
  categories: z.array(z.string().regex(CATEGORY_ID, 'expected a lower-case category id')).min(1),
  assetType: z.enum(['stock', 'etf']),
  marketCap: z.number().positive().nullable(),
  shareClassGroup: z.string().min(1).optional(),
  companyMarketCap: z.number().positive().optional(),
});

export const universeFileSchema = z.object({
  schemaVersion: z.literal(1),
  capsAsOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  membershipAsOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  instruments: z.array(instrumentRowSchema).min(1),
});

export type UniverseFileData = z.infer<typeof universeFileSchema>;
export type InstrumentRow = z.infer<typeof instrumentRowSchema>;
