import { parse } from 'csv-parse/sync';

/** A CSV file as read: its header row and its data rows, each with the line it starts on. */
export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

export interface CsvRow {
  /** the file's line number of the row (the header is line 1; a quoted field spanning lines gives its last line) */
  line: number;
  values: string[];
}

/**
 * Reads CSV text with csv-parse: RFC 4180 quoting, a UTF-8 byte order mark dropped, CRLF or
 * LF, a missing final newline accepted. Rows with the wrong number of fields are kept (the
 * validation reports them); blank lines are skipped.
 */
export function readCsvTable(content: Buffer | string): CsvTable {
  const records = content.includes('"') ? withLineNumbers(content) : byLine(content);
  if (records.length === 0) return { header: [], rows: [] };
  const [first, ...rest] = records;
  return { header: first.values.map((name) => name.trim()), rows: rest };
}

/** Without quotes no field spans lines: a record is a line, and csv-parse need not track lines (much faster). */
function byLine(content: Buffer | string): CsvRow[] {
  const records = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  const rows: CsvRow[] = [];
  records.forEach((values, index) => {
    if (values.length === 1 && values[0] === '') return;
    rows.push({ line: index + 1, values });
  });
  return rows;
}

function withLineNumbers(content: Buffer | string): CsvRow[] {
  const records = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as {
    record: string[];
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => ({ line: info.lines, values: record }));
}

/** One CSV field: quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text with a header row, LF line endings and a final newline. */
export function writeCsvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}
