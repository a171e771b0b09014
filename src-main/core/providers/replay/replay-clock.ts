/**
 * The replay's session clock: maps wall time onto a replayed trading day and a point inside
 * its regular session. Each replayed day's session (09:30 to its close, New York time) is
 * compressed by `speed`; then the next day starts; after the last day it loops or holds.
 */

export interface ReplayDay {
  /** Index into the replay data's dates. */
  dayIndex: number;
  date: string;
  /** Epoch ms of the regular open and close of that date. */
  open: number;
  close: number;
}

/** Where the replay is at one wall-clock instant. */
export interface ReplayPosition {
  day: ReplayDay;
  /** 0 at the open, 1 at the close. */
  fraction: number;
  /** The simulated market instant (epoch ms) inside the day's session. */
  marketTime: number;
  /** How many times the stretch has wrapped around. */
  lap: number;
}

export interface ReplayClockOptions {
  days: readonly ReplayDay[];
  /** Simulated ms per wall ms. */
  speed: number;
  /** Index into `days` to begin with. */
  startIndex: number;
  loop: boolean;
  /** Wall time (epoch ms) at which the replay starts at `startIndex`'s open. */
  startedAt: number;
}

/** Maps wall time to replay positions; pure, so tests can drive it with any instant. */
export class ReplayClock {
  private readonly durations: number[];
  private readonly offsets: number[];
  private readonly total: number;

  constructor(private readonly options: ReplayClockOptions) {
    if (options.days.length === 0) throw new RangeError('replay clock: `days` is empty');
    if (!(options.speed > 0)) {
      throw new RangeError(`replay clock: \`speed\` must be > 0, received ${options.speed}`);
    }
    this.durations = options.days.map((d) => d.close - d.open);
    this.offsets = [];
    let sum = 0;
    for (const duration of this.durations) {
      this.offsets.push(sum);
      sum += duration;
    }
    this.total = sum;
  }

  /** Where the replay is at wall time `now`. */
  positionAt(now: number): ReplayPosition {
    const { days, speed, startIndex, loop, startedAt } = this.options;
    const startOffset = this.offsets[startIndex] ?? 0;
    const simulated = startOffset + Math.max(0, now - startedAt) * speed;

    const lap = Math.floor(simulated / this.total);
    if (!loop && lap > 0) return this.endOfDay(days.length - 1, lap);

    const within = simulated - lap * this.total;
    let index = 0;
    while (index + 1 < days.length && (this.offsets[index + 1] ?? Infinity) <= within) index += 1;

    const day = days[index] as ReplayDay;
    const duration = this.durations[index] ?? 1;
    const fraction = Math.min(1, (within - (this.offsets[index] ?? 0)) / duration);
    return { day, fraction, marketTime: day.open + fraction * duration, lap };
  }

  private endOfDay(index: number, lap: number): ReplayPosition {
    const day = this.options.days[index] as ReplayDay;
    return { day, fraction: 1, marketTime: day.close, lap };
  }
}
