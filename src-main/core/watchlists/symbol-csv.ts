/**
 * Watchlist CSV: reading a `symbol` column (header optional, any other columns ignored) with
 * every bad line reported by number, and writing `symbol,name`. Pure functions.
 *
 * Hand-written: the files are one column of tickers, and the line-number reporting we need
 * (BOM, CRLF, blank lines) is most of the work; no CSV library is installed.
 */

export interface CsvSymbolLine {
  line: number;
  value: string;
}

export interface ReadSymbolsResult {
  /** Non-blank symbol cells with their 1-based line numbers, in file order. */
  cells: CsvSymbolLine[];
  /** Lines that could not be read at all (an unclosed quote). */
  problems: { line: number; value: string; problem: string }[];
}

const BOM = '\uFEFF';
const HEADER_NAMES = ['symbol', 'ticker'];

/** Splits one CSV line into cells, honouring double quotes; null when a quote is unclosed. */
export function splitCsvLine(line: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] as string;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',' || char === ';' || char === '\t') {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}

/** Reads the symbol column of a CSV text. */
export function readSymbolCells(text: string): ReadSymbolsResult {
  const lines = (text.startsWith(BOM) ? text.slice(BOM.length) : text).split(/\r\n|\r|\n/);
  const cells: CsvSymbolLine[] = [];
  const problems: ReadSymbolsResult['problems'] = [];
  let column: number | undefined;

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const split = splitCsvLine(raw);
    if (split === null) {
      problems.push({ line, value: raw.trim().slice(0, 40), problem: 'unclosed quote' });
      return;
    }

    if (column === undefined) {
      // The first non-blank line is a header when one of its cells names the column.
      const header = split.findIndex((c) => HEADER_NAMES.includes(c.trim().toLowerCase()));
      column = header >= 0 ? header : 0;
      if (header >= 0) return;
    }
    const value = (split[column] ?? '').trim();
    if (value === '') return;
    cells.push({ line, value });
  });
  return { cells, problems };
}

function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes `symbol,name` lines with CRLF endings (what spreadsheet programs expect). */
export function writeSymbolsCsv(rows: readonly { symbol: string; name: string }[]): string {
  const lines = ['symbol,name', ...rows.map((r) => `${quoteCell(r.symbol)},${quoteCell(r.name)}`)];
  return `${lines.join('\r\n')}\r\n`;
}
