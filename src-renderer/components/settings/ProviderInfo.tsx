import type { HealthResponse } from '../../../src-main/shared/api-types';
import type { ProviderId } from '../../../src-main/shared/ipc-contract';
import { PROVIDER_NOTES } from './provider-notes';

interface Props {
  provider: ProviderId;
  /** The running engine's health: its own figures are shown when it runs this provider. */
  health: HealthResponse | null;
}

/** The chosen provider's free-tier note, its warning if any, and the engine's own figures. */
export function ProviderInfo({ provider, health }: Props) {
  const note = PROVIDER_NOTES[provider];
  const limitations = health?.provider === provider ? health.providerState.limitations : [];

  return (
    <div className="settings-provider-info">
      <p>{note.note}</p>
      {note.warning && (
        <p className="settings-warning" role="note" aria-label={`${note.label} warning`}>
          {note.warning}
        </p>
      )}
      {limitations.length > 0 && (
        <ul aria-label={`${note.label} limits with this key`}>
          {limitations.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
