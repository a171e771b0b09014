/**
 * Headless configuration: read from the environment and an optional `.env` file, validated
 * with one zod schema, and refused at start with a message naming each bad variable, what it
 * was and what is accepted. Secrets (the API key and secret) are never echoed back.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

import type { ProviderSettings } from './engine-types.js';
import { PROVIDER_IDS } from './providers/registry.js';

/** Every id `STOCK_PROVIDER` accepts: the embedded replay and the live providers. */
export const STOCK_PROVIDER_IDS = ['replay', ...PROVIDER_IDS] as const;
export type StockProviderId = (typeof STOCK_PROVIDER_IDS)[number];

/** Alpaca authenticates with a key id and a secret key; the others with one key. */
const PROVIDERS_NEEDING_SECRET: readonly StockProviderId[] = ['alpaca'];

export const DEFAULT_PORT = 5174;
/** The HTTP layer never listens anywhere else (see DESIGN.md, Security). */
export const FIXED_HOST = '127.0.0.1';
const MAX_PORT = 65_535;
const SECRET_VARIABLES = new Set(['STOCK_API_KEY', 'STOCK_API_SECRET']);

/** Marks an issue whose message is already complete (a rule across variables). */
const COMPLETE = { complete: true } as const;

const LIVE_PROVIDERS = `one of ${PROVIDER_IDS.join(', ')} (or replay, without a key)`;

/** What each variable accepts, as told to the user. */
const ACCEPTED = {
  PORT: `an integer from 0 to ${MAX_PORT} (0 picks a free port)`,
  REPLAY_SPEED: 'a positive number (how many times faster than real time)',
  STOCK_PROVIDER: `one of ${STOCK_PROVIDER_IDS.join(', ')}`,
  API_RATE_LIMIT: 'a positive integer (calls per minute)',
  STOCK_API_BASE_URL: 'an http:// or https:// URL',
  DEMO_CLOCK_START:
    'an ISO-8601 date and time with a zone from 2025 to 2028 (the years of the embedded NYSE calendar), e.g. 2026-11-28T15:00:00Z or 2026-11-27T13:30:00-05:00',
} as const;

/** The validated configuration of the headless server. */
export interface AppConfig {
  port: number;
  host: typeof FIXED_HOST;
  provider: StockProviderId;
  replaySpeed?: number;
  apiKey?: string;
  apiSecret?: string;
  rateLimitPerMinute?: number;
  baseUrl?: string;
  /** Where the snapshot store lives (absolute); undefined = conf's per-user config dir. */
  dataDir?: string;
  /**
   * For demos and tests only: the engine's clock starts at this instant (epoch ms) and keeps
   * ticking, so a weekend, a holiday or an early close can be shown at any time.
   */
  clockStart?: number;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

/** The configuration was refused; `message` has one line per problem, safe to print. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.variable}: ${p.message}`).join('\n'));
  }
}

export function isConfigError(value: unknown): value is ConfigError {
  return value instanceof ConfigError;
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}

const portSchema = z
  .string()
  .refine((v) => /^\d+$/.test(v) && Number(v) <= MAX_PORT, { error: ACCEPTED.PORT })
  .transform(Number);

const positiveNumberSchema = z
  .string()
  .refine((v) => Number.isFinite(Number(v)) && Number(v) > 0, { error: ACCEPTED.REPLAY_SPEED })
  .transform(Number);

const positiveIntegerSchema = z
  .string()
  .refine((v) => /^\d+$/.test(v) && Number(v) > 0, { error: ACCEPTED.API_RATE_LIMIT })
  .transform(Number);

/** An instant with its zone: a bare local time would mean a different instant per machine. */
const INSTANT_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar date and time with a zone (Date.parse alone rolls 02-30 over to March). */
function isInstantWithZone(value: string): boolean {
  if (!INSTANT_WITH_ZONE.test(value) || !Number.isFinite(Date.parse(value))) return false;
  const date = value.slice(0, 10);
  return new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
}

/**
 * Years the demo clock may start in: those of resources/calendar/nyse.json. Outside them every
 * session answer is a guess, and a clock in year 9999 would leave a snapshot dated 9999 behind.
 */
const DEMO_CLOCK_YEARS = { first: 2025, last: 2028 } as const;

function isWithinCalendar(value: string): boolean {
  const year = new Date(Date.parse(value)).getUTCFullYear();
  return year >= DEMO_CLOCK_YEARS.first && year <= DEMO_CLOCK_YEARS.last;
}

const instantSchema = z
  .string()
  .refine((v) => isInstantWithZone(v) && isWithinCalendar(v), {
    error: ACCEPTED.DEMO_CLOCK_START,
  })
  .transform((v) => Date.parse(v));

/** The environment, variable by variable. Add a variable here and to `AppConfig`. */
const envSchema = z
  .object({
    PORT: portSchema.optional(),
    REPLAY_SPEED: positiveNumberSchema.optional(),
    STOCK_PROVIDER: z.enum(STOCK_PROVIDER_IDS, { error: ACCEPTED.STOCK_PROVIDER }).optional(),
    STOCK_API_KEY: z.string().optional(),
    STOCK_API_SECRET: z.string().optional(),
    API_RATE_LIMIT: positiveIntegerSchema.optional(),
    STOCK_API_BASE_URL: z
      .string()
      .refine(isHttpUrl, { error: ACCEPTED.STOCK_API_BASE_URL })
      .optional(),
    DATA_DIR: z.string().optional(),
    DEMO_CLOCK_START: instantSchema.optional(),
  })
  .superRefine((env, ctx) => {
    const problem = (message: string): void => {
      ctx.addIssue({ code: 'custom', path: ['STOCK_PROVIDER'], message, params: COMPLETE });
    };
    // A key without a provider is most likely a forgotten STOCK_PROVIDER: playing the replay
    // while the user believes they see live quotes would be worse than refusing.
    if (env.STOCK_PROVIDER === undefined && env.STOCK_API_KEY !== undefined) {
      problem(`STOCK_API_KEY is set but STOCK_PROVIDER is not: set it to ${LIVE_PROVIDERS}`);
      return;
    }
    const provider = env.STOCK_PROVIDER ?? 'replay';
    if (provider === 'replay') return;

    if (env.STOCK_API_KEY === undefined) {
      problem(`provider ${provider} needs an API key: set STOCK_API_KEY, or use replay`);
      return;
    }
    if (PROVIDERS_NEEDING_SECRET.includes(provider) && env.STOCK_API_SECRET === undefined) {
      problem(`provider ${provider} needs STOCK_API_SECRET as well as STOCK_API_KEY`);
    }
  });

/** Trims values and drops empty ones, so `PORT=` means "use the default". */
function normalize(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(envSchema.shape)) {
    const value = env[name]?.trim();
    if (value) out[name] = value;
  }
  return out;
}

function describeGiven(variable: string, raw: Record<string, string>): string {
  if (SECRET_VARIABLES.has(variable)) return 'the value given';
  const value = raw[variable];
  return value === undefined ? 'unset' : `"${value}"`;
}

/** One zod issue as the user reads it: the variable, what was given, what is accepted. */
function toProblem(issue: z.core.$ZodIssue, raw: Record<string, string>): ConfigProblem {
  const variable = String(issue.path[0] ?? 'configuration');
  // Cross-field rules (provider needs a key) already say the whole thing.
  if (issue.code === 'custom' && issue.params?.complete === true) {
    return { variable, message: issue.message };
  }

  const given = describeGiven(variable, raw);
  return { variable, message: `${given} is not accepted; expected ${issue.message}` };
}

/**
 * Validates an environment into an AppConfig. Throws ConfigError listing every problem;
 * `cwd` resolves a relative DATA_DIR.
 */
export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): AppConfig {
  const raw = normalize(env);
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => toProblem(issue, raw)));
  }

  const v = result.data;
  return {
    port: v.PORT ?? DEFAULT_PORT,
    host: FIXED_HOST,
    provider: v.STOCK_PROVIDER ?? 'replay',
    replaySpeed: v.REPLAY_SPEED,
    apiKey: v.STOCK_API_KEY,
    apiSecret: v.STOCK_API_SECRET,
    rateLimitPerMinute: v.API_RATE_LIMIT,
    baseUrl: v.STOCK_API_BASE_URL,
    dataDir: v.DATA_DIR === undefined ? undefined : resolve(cwd, v.DATA_DIR),
    clockStart: v.DEMO_CLOCK_START,
  };
}

/** Reads a `.env` file into variables; a missing file is no variables. */
export function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError([{ variable: '.env', message: `could not read ${path}` }]);
  }
  return parseDotenv(text);
}

/**
 * Loads the configuration: the process environment wins over `.env` (in `cwd`), as dotenv
 * does. Throws ConfigError.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd = process.cwd(),
): AppConfig {
  const fromFile = readEnvFile(resolve(cwd, '.env'));
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(env)) if (value !== undefined) merged[name] = value;
  return parseConfig(merged, cwd);
}

/** The provider part of the configuration, as the engine takes it (no undefined fields). */
export function providerSettingsOf(config: AppConfig): ProviderSettings {
  return {
    provider: config.provider,
    ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
    ...(config.apiSecret === undefined ? {} : { apiSecret: config.apiSecret }),
    ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
    ...(config.rateLimitPerMinute === undefined
      ? {}
      : { rateLimitPerMinute: config.rateLimitPerMinute }),
  };
}
