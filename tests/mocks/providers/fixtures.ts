/** Reads provider fixtures from tests/fixtures/providers/<provider>/. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../fixtures/providers/', import.meta.url));

/** The fixture parsed as JSON. */
export function fixture<T = unknown>(provider: string, name: string): T {
  return JSON.parse(fixtureText(provider, name)) as T;
}

/** The fixture as its exact text. */
export function fixtureText(provider: string, name: string): string {
  return readFileSync(`${ROOT}${provider}/${name}`, 'utf8');
}
