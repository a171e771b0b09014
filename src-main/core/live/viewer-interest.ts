/**
 * Which symbols viewers are looking at right now (each open stream's filtered set), counted per
 * registration so two tabs watching the same sector release it only when both have closed.
 */

/** A reference-counted set of watched symbols. */
export class ViewerInterest {
  private readonly counts = new Map<string, number>();
  private version = 0;

  /** Registers interest in `symbols`; returns the function that withdraws it (idempotent). */
  watch(symbols: readonly string[]): () => void {
    const unique = [...new Set(symbols)];
    for (const symbol of unique) this.counts.set(symbol, (this.counts.get(symbol) ?? 0) + 1);
    this.version += 1;

    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const symbol of unique) {
        const left = (this.counts.get(symbol) ?? 1) - 1;
        if (left <= 0) this.counts.delete(symbol);
        else this.counts.set(symbol, left);
      }
      this.version += 1;
    };
  }

  /** Whether any viewer watches `symbol`. */
  isWatched(symbol: string): boolean {
    return this.counts.has(symbol);
  }

  /** The watched symbols now. */
  symbols(): string[] {
    return [...this.counts.keys()];
  }

  /** Changes on every watch and release, so readers can cache derived orderings. */
  get revision(): number {
    return this.version;
  }
}
