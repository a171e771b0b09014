/**
 * When does a rule fire? Each rule (or rule and symbol) is reduced to a score that meets the
 * rule when `score >= threshold`. It fires on the step from "not met" to "met" only:
 *
 * - hysteresis: once met, it re-arms only after the score falls below `threshold - band`, so a
 *   price wobbling around a level fires once, not on every tick;
 * - cooldown: a crossing within `cooldownMs` of the last firing is consumed silently;
 * - the first observation only records where the score stands: a rule that is already met when
 *   it is created (or when the app starts) has not crossed anything, and does not fire.
 */

export interface CrossingSpec {
  threshold: number;
  /** How far below the threshold the score must fall to re-arm (>= 0). */
  band: number;
  cooldownMs: number;
}

interface CrossingState {
  met: boolean;
  lastFiredAt: number | null;
}

/** See the module comment. Keys are free-form (`ruleId` or `ruleId|symbol`). */
export class CrossingTracker {
  private readonly states = new Map<string, CrossingState>();

  /** Records a score at `now`; returns true when this observation fires. */
  observe(key: string, score: number | null, spec: CrossingSpec, now: number): boolean {
    if (score === null || !Number.isFinite(score)) return false;
    const state = this.states.get(key);
    if (!state) {
      this.states.set(key, { met: score >= spec.threshold, lastFiredAt: null });
      return false;
    }

    if (state.met) {
      if (score < spec.threshold - spec.band) state.met = false;
      return false;
    }
    if (score < spec.threshold) return false;

    state.met = true;
    if (state.lastFiredAt !== null && now - state.lastFiredAt < spec.cooldownMs) return false;
    state.lastFiredAt = now;
    return true;
  }

  /** Whether the key is currently met; undefined before its first observation. */
  isMet(key: string): boolean | undefined {
    return this.states.get(key)?.met;
  }

  /** Seeds the last firing time (from the persisted history), so a restart keeps cooldowns. */
  seedLastFired(key: string, firedAt: number, met: boolean): void {
    const state = this.states.get(key);
    if (state) state.lastFiredAt = Math.max(state.lastFiredAt ?? firedAt, firedAt);
    else this.states.set(key, { met, lastFiredAt: firedAt });
  }

  /** Forgets every key that starts with `prefix` (a deleted rule). */
  forget(prefix: string): void {
    for (const key of this.states.keys()) if (key.startsWith(prefix)) this.states.delete(key);
  }
}
