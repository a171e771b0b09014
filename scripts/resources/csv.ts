/**
 * A small RFC 4180 reader for the reference CSV files: quoted fields, doubled quotes inside
 * quotes, CRLF or LF line ends. The files are tiny, so the whole text is parsed at once.
 */

/** One CSV row as a map from header name to cell text. */
export type CsvRow = Record<string, string>;

/** Splits CSV text into rows of cells. */
export function parseCsvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;

  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }

  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV text with a header line into objects; throws when a row's width is wrong. */
export function parseCsv(text: string, fileName: string): CsvRow[] {
  const [header, ...body] = parseCsvCells(text);
  if (!header) throw new Error(`read ${fileName}: the file is empty`);

  return body.map((cells, index) => {
    if (cells.length !== header.length) {
      throw new Error(
        `read ${fileName}: line ${index + 2} has ${cells.length} cells, expected ${header.length}`,
      );
    }
    const row: CsvRow = {};
    header.forEach((name, column) => {
      row[name] = cells[column] ?? '';
    });
    return row;
  });
}

/** Reads a named column of a row, failing loudly when the column does not exist. */
export function cell(row: CsvRow, column: string, fileName: string): string {
  const value = row[column];
  if (value === undefined) throw new Error(`read ${fileName}: no column "${column}"`);
  return value;
}
