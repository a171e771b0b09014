import type { HealthResponse } from '../../../src-main/shared/api-types';
import { PROVIDER_IDS } from '../../../src-main/shared/ipc-contract';
import { PROVIDER_NOTES } from './provider-notes';

interface Props {
  health: HealthResponse | null;
}

const LIVE_IDS = PROVIDER_IDS.filter((p) => p !== 'replay');

/** The server's variables, what each takes. Mirrors .env.example. */
const VARIABLES: ReadonlyArray<readonly [string, string]> = [
  ['STOCK_PROVIDER', `replay (default) or ${LIVE_IDS.join(', ')}`],
  ['STOCK_API_KEY', 'your key for that provider (Alpaca: the key ID)'],
  ['STOCK_API_SECRET', 'Alpaca only: the secret key'],
  ['API_RATE_LIMIT', 'optional: calls per minute, only ever lower than the provider’s limit'],
  ['STOCK_API_BASE_URL', 'optional: the provider’s base URL, for a proxy or mirror'],
];

/**
 * Settings in a plain browser (`npm run serve`): the page cannot change the server's provider
 * or key, so it shows what runs and how to change it, read-only.
 */
export function BrowserSettingsInfo({ health }: Props) {
  return (
    <div className="settings-browser">
      <p>
        This server runs:{' '}
        <strong>{health ? health.source.label : 'unknown (no answer from the server yet)'}</strong>
      </p>
      {health && <p>{health.providerState.message}</p>}
      <p>
        In a browser these settings are read-only. To use your own key, set these variables in the
        server’s environment or in a <code>.env</code> file in the folder you start it from, then
        restart <code>npm run serve</code>:
      </p>
      <dl className="settings-variables">
        {VARIABLES.map(([name, text]) => (
          <div key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <h3>What each provider’s free key gives</h3>
      <ul className="settings-provider-list">
        {PROVIDER_IDS.filter((p) => p !== 'replay').map((p) => {
          const note = PROVIDER_NOTES[p];
          return (
            <li key={p}>
              <strong>{note.label}</strong> (<code>{p}</code>): {note.note}
              {note.warning && (
                <span className="settings-warning" role="note" aria-label={`${note.label} warning`}>
                  {' '}
                  {note.warning}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
