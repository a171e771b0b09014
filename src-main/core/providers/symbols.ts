/**
 * Symbol forms. The engine speaks the exchange dot form (`BRK.B`); providers write share
 * classes as `BRK.B`, `BRK-B` or `BRK/B`. Adapters convert on the way out and back.
 */

/** How a provider writes the share-class separator. */
export type SymbolForm = 'dot' | 'dash' | 'slash';

const SEPARATOR: Record<SymbolForm, string> = { dot: '.', dash: '-', slash: '/' };

/** A share class suffix is one to two letters after the root: `BRK.B`, `MOG.A`, `PBR.A`. */
const CLASS_SUFFIX = /^([A-Z0-9]+)[.\-/]([A-Z]{1,2})$/;

/** Converts an exchange dot form symbol (`BRK.B`) to a provider's form (`BRK-B`). */
export function toProviderSymbol(symbol: string, form: SymbolForm): string {
  const upper = symbol.trim().toUpperCase();
  const match = CLASS_SUFFIX.exec(upper);
  if (!match) return upper;
  return `${match[1]}${SEPARATOR[form]}${match[2]}`;
}

/** Converts a provider's symbol (`BRK-B`, `brk/b`) back to the exchange dot form (`BRK.B`). */
export function fromProviderSymbol(symbol: string, form: SymbolForm): string {
  const upper = symbol.trim().toUpperCase();
  const match = CLASS_SUFFIX.exec(upper);
  if (!match) return upper;
  // Only the provider's own separator is a class separator; anything else is kept as sent.
  const separator = upper.charAt(match[1]!.length);
  if (separator !== SEPARATOR[form] && separator !== '.') return upper;
  return `${match[1]}.${match[2]}`;
}

/**
 * Remembers which engine symbol each provider symbol came from, so answers keyed by the
 * provider's spelling map back to exactly the symbols that were asked for.
 */
export class SymbolMapper {
  private readonly byProvider = new Map<string, string>();

  constructor(
    symbols: readonly string[],
    private readonly form: SymbolForm,
  ) {
    for (const symbol of symbols) this.byProvider.set(toProviderSymbol(symbol, form), symbol);
  }

  /** The provider symbols to send, in request order. */
  providerSymbols(): string[] {
    return [...this.byProvider.keys()];
  }

  /** The engine symbol for a provider symbol, or undefined when it was not asked for. */
  toEngine(providerSymbol: string): string | undefined {
    return (
      this.byProvider.get(providerSymbol.trim().toUpperCase()) ??
      this.byProvider.get(providerSymbol)
    );
  }

  /** Converts a single symbol with this mapper's form (for symbols that were not asked for). */
  normalize(providerSymbol: string): string {
    return fromProviderSymbol(providerSymbol, this.form);
  }
}
