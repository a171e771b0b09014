/**
 * Pure planning of a tile's label: which lines fit and at what size. Run once per tile at
 * layout time (text measuring is the expensive part of painting); live updates only swap the
 * % text, whose width is bounded by a template measured once per font size.
 */
export interface LabelPlan {
  /** 0 = no label (tile too small), 1 = ticker only, 2 = ticker and change. */
  lines: 0 | 1 | 2;
  fontSize: number;
  /** Second-line font size. */
  smallSize: number;
  /** Baseline offsets from the tile's top edge, CSS px. */
  y1: number;
  y2: number;
}

export const NO_LABEL: LabelPlan = { lines: 0, fontSize: 0, smallSize: 0, y1: 0, y2: 0 };

/** Smallest font a label may use; below it the label hides (the tile stays hoverable). */
export const MIN_LABEL_PX = 9;
export const MAX_LABEL_PX = 22;
/** Widest % text we print: arrow, sign, two digits before the point, two after. */
export const CHANGE_TEMPLATE = '▲ +88.88%';

/** Label font size for a tile of `w`×`h` px: grows with the tile, within readable bounds. */
export function labelFontSize(w: number, h: number): number {
  return Math.max(MIN_LABEL_PX, Math.min(MAX_LABEL_PX, Math.floor(Math.min(w / 4.2, h / 2.8))));
}

/**
 * Plans the label of a tile. `measure(text, px)` returns the text's width at `px` (bold for the
 * ticker); it is injected so the plan is testable without a canvas.
 */
export function planLabel(
  symbol: string,
  w: number,
  h: number,
  measure: (text: string, px: number, bold: boolean) => number,
): LabelPlan {
  const pad = 3;
  const size = labelFontSize(w, h);
  if (h < size + 2 * pad - 2 || w < 14) return NO_LABEL;

  // Shrink the ticker until it fits the width, but not below the readable minimum.
  let fontSize = size;
  while (fontSize > MIN_LABEL_PX && measure(symbol, fontSize, true) > w - 2 * pad) fontSize--;
  if (measure(symbol, fontSize, true) > w - 2 * pad) return NO_LABEL;

  // The change line may be smaller than the ticker: a tall, narrow tile (TSLA, AMD) would
  // otherwise lose its % because the template is wider than the tile at 80 % of the ticker.
  let smallSize = Math.max(MIN_LABEL_PX, Math.round(fontSize * 0.8));
  while (smallSize > MIN_LABEL_PX && measure(CHANGE_TEMPLATE, smallSize, false) > w - 2 * pad) {
    smallSize--;
  }
  const twoLines =
    h >= fontSize + smallSize * 1.25 + 2 * pad &&
    measure(CHANGE_TEMPLATE, smallSize, false) <= w - 2 * pad;
  if (!twoLines) return { lines: 1, fontSize, smallSize, y1: h / 2, y2: 0 };

  const block = fontSize + smallSize * 1.25;
  const top = (h - block) / 2;
  return {
    lines: 2,
    fontSize,
    smallSize,
    y1: top + fontSize / 2,
    y2: top + fontSize + (smallSize * 1.25) / 2,
  };
}

/** The second line of a label: arrow, sign and % (`▲ +1.23%`, `▼ -0.40%`, `– 0.00%`, `n/a`). */
export function changeText(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  // Three-digit moves (long time frames) drop the decimals to stay within CHANGE_TEMPLATE.
  const digits = Math.abs(value) >= 99.995 ? 0 : 2;
  const rounded = Number(value.toFixed(digits));
  if (rounded > 0) return `▲ +${rounded.toFixed(digits)}%`;
  if (rounded < 0) return `▼ -${Math.abs(rounded).toFixed(digits)}%`;
  return '– 0.00%';
}
