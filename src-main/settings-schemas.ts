/**
 * Schemas of the settings channels' arguments. They arrive from the renderer as `unknown`;
 * messages name the field and what it accepts, and never repeat a key that was sent.
 */
import { z } from 'zod';

import { rateLimitSchema } from './settings-store.js';
import { type KeyTestRequest, PROVIDER_IDS, type SettingsPatch } from './shared/ipc-contract.js';

/** Longer than any provider's key; a cap keeps a pasted document out of the keychain. */
const MAX_KEY_LENGTH = 256;
/** Printable ASCII without spaces: what every provider's keys are made of. */
const KEY_CHARACTERS = /^[\x21-\x7e]+$/;

const keySchema = z
  .string()
  .trim()
  .min(1, { error: 'expected a key, received an empty text' })
  .max(MAX_KEY_LENGTH, { error: `expected at most ${MAX_KEY_LENGTH} characters` })
  .regex(KEY_CHARACTERS, { error: 'expected letters, digits and symbols without spaces' });

const LIVE_IDS = PROVIDER_IDS.filter((id) => id !== 'replay') as [
  Exclude<(typeof PROVIDER_IDS)[number], 'replay'>,
  ...Exclude<(typeof PROVIDER_IDS)[number], 'replay'>[],
];

/** `settings:set`'s patch: any subset of the fields, nothing else. */
export const settingsPatchSchema: z.ZodType<SettingsPatch> = z.strictObject({
  provider: z.enum(PROVIDER_IDS).optional(),
  rateLimitPerMinute: rateLimitSchema.optional(),
  apiKey: keySchema.optional(),
  apiSecret: keySchema.optional(),
});

/** `settings:remove-key`'s argument: the live provider whose stored key to forget. */
export const liveProviderSchema = z.enum(LIVE_IDS);

/** `settings:test-key`'s request: a live provider, and optionally the key typed in the form. */
export const keyTestRequestSchema: z.ZodType<KeyTestRequest> = z.strictObject({
  provider: z.enum(LIVE_IDS),
  apiKey: keySchema.optional(),
  apiSecret: keySchema.optional(),
});
