import './provider-banner.css';

import type { HealthResponse, ProviderStateKind } from '../../src-main/shared/api-types';

interface Props {
  /** The last `/api/health` answer, or null before the first. */
  health: HealthResponse | null;
  now: number;
  onOpenSettings(): void;
}

/** States that need the user's hand: a key or a plan to change in Settings. */
const NEEDS_SETTINGS: ReadonlySet<ProviderStateKind> = new Set(['bad-key', 'plan-limit']);

const TITLES: Record<ProviderStateKind, string> = {
  starting: 'Connecting',
  ok: 'Live',
  degraded: 'Unusable answers',
  'rate-limited': 'Rate limited',
  'bad-key': 'API key refused',
  'plan-limit': 'Not in your plan',
  offline: 'Provider unreachable',
};

/** `65_000` → `1:05`, `3_725_000` → `1:02:05`: the time left before the next call. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function usage(health: HealthResponse): string {
  const { callsToday, callsLeftToday, unit = 'calls' } = health.providerState;
  const left = callsLeftToday === null ? '' : `, ${callsLeftToday} left`;
  return `${callsToday} ${callsToday === 1 ? unit.slice(0, -1) : unit} today${left}`;
}

/**
 * The live provider's condition above the map, with the action to take: a countdown while
 * rate limited or retrying, "Open Settings" for a refused key or plan. Nothing when all is
 * well or the replay plays. The map underneath keeps its last good data either way.
 */
export function ProviderBanner({ health, now, onOpenSettings }: Props) {
  if (!health || health.mode === 'replay') return null;
  const { state, message, retryAt } = health.providerState;
  if (state === 'ok') return null;

  const urgent = state !== 'starting';
  const retryMs = retryAt === null ? null : Date.parse(retryAt) - now;
  const quotaGone = state === 'rate-limited' && health.providerState.callsLeftToday === 0;
  const showSettings = NEEDS_SETTINGS.has(state) || quotaGone;

  return (
    <div
      className={`provider-banner provider-banner-${state}`}
      role={urgent ? 'alert' : 'status'}
      aria-label={`${health.source.label}: ${TITLES[state]}`}
    >
      <strong className="provider-banner-title">{TITLES[state]}</strong>
      <span className="provider-banner-message">{message}</span>
      {retryMs !== null && retryMs > 0 && (
        <span className="provider-banner-countdown">Next try in {formatCountdown(retryMs)}</span>
      )}
      {urgent && <span className="provider-banner-usage">{usage(health)}</span>}
      {showSettings && (
        <button type="button" onClick={onOpenSettings}>
          Open Settings
        </button>
      )}
    </div>
  );
}
