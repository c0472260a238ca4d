import { CalendarDate } from '../../../src/calendar/calendar-date';
import { CsvTable, readCsvTable } from '../csv/csv-table';
import { ImportIssue, issueAt } from '../report/import-issue';
import { FileSummary } from '../report/import-report';
import { collectionYear, CollectionYear, collectionYearOf } from './collection-year';
import { parseDfeDate } from './dfe-date';
import { parseEpisodeRow, parseHeaderRow, parseReviewRow, ParsedRow, RowContext } from './parse-ssda903-rows';
import { byDecom, byHeldOn, ChildSsda903History } from './ssda903-records';
import {
  IMPORTED_SSDA903_TABLES, importedTableNearly, isImportedTable, SSDA903_TABLES, Ssda903Table, ssda903TableOf,
} from './ssda903-tables';
import { validateChildReturn } from './validate-child-return';

/** A file handed to the import: its name (for the report only) and its bytes. */
export interface ImportFile {
  name: string;
  content: Buffer;
}

/** A return as read and checked: each child's valid rows, and every issue. */
export interface Ssda903Return {
  year: CollectionYear;
  files: FileSummary[];
  rows: number;
  /** every child named in the header, episodes or reviews, with the rows that passed their own checks */
  children: Map<string, ChildSsda903History>;
  /** children with at least one issue */
  invalidChildren: Set<string>;
  issues: ImportIssue[];
}

export interface ReadSsda903Options {
  /** the collection year (2019 for 2019-20); inferred from the latest episode date when absent */
  year?: number;
  today: CalendarDate;
}

interface RecognisedFile {
  file: ImportFile;
  table: Ssda903Table;
  csv: CsvTable;
}

/**
 * Reads the CSV files of an SSDA903 return, recognising each by its exact header row,
 * and checks every row and every child's rows together. Nothing here touches the store.
 */
export function readSsda903Return(files: readonly ImportFile[], options: ReadSsda903Options): Ssda903Return {
  const issues: ImportIssue[] = [];
  const summaries: FileSummary[] = [];
  const recognised = new Map<Ssda903Table, RecognisedFile>();
  /** tables whose header row is not exact: refused as such, not as missing */
  const nearlyRecognised = new Set<Ssda903Table>();

  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    let csv: CsvTable;
    try {
      csv = readCsvTable(file.content);
    } catch (error) {
      summaries.push({ file: file.name, recognisedAs: null, imported: false, rows: 0, note: `not a CSV file: ${(error as Error).message}` });
      continue;
    }
    const table = ssda903TableOf(csv.header);
    if (!table) {
      summaries.push({ file: file.name, recognisedAs: null, imported: false, rows: csv.rows.length, note: 'header row not an SSDA903 table' });
      const nearly = importedTableNearly(csv.header);
      if (nearly) {
        nearlyRecognised.add(nearly);
        issues.push(issueAt({ file: file.name, row: 1 }, '', csv.header.join(','), 'table-header-not-exact',
          `The header row holds the ${nearly} table's columns but is not its exact header row (${SSDA903_TABLES[nearly].join(',')}): ` +
          `fix the header row, or its ${csv.rows.length} rows would be left out unseen.`));
      }
      continue;
    }
    const imported = isImportedTable(table);
    summaries.push({
      file: file.name, recognisedAs: table, imported, rows: csv.rows.length,
      ...(!imported && { note: 'recognised, not imported' }),
    });
    if (!imported) continue;
    const earlier = recognised.get(table);
    if (earlier) {
      issues.push(issueAt({ file: file.name, row: 1 }, '', table, 'duplicate-table',
        `Both ${earlier.file.name} and ${file.name} hold the ${table} table; give one file per table.`));
      continue;
    }
    recognised.set(table, { file, table, csv });
  }
  // a return is the whole truth of its year: one read without its episodes or reviews would void them all
  for (const table of IMPORTED_SSDA903_TABLES) {
    if (recognised.has(table) || nearlyRecognised.has(table)) continue;
    issues.push(issueAt({ file: '', row: 0 }, '', table, 'table-missing',
      `No file has the SSDA903 ${table} table's header row (${SSDA903_TABLES[table].join(',')}); a return is read as the whole ` +
        `of its year, so one without its ${table} would void every ${table === 'header' ? 'child' : table === 'episodes' ? 'episode' : 'review'} recorded for it.`));
  }

  const tablesComplete = issues.length === 0;
  const year = collectionYear(options.year ?? inferYear(recognised) ?? collectionYearOf(options.today));
  const context: RowContext = { year, today: options.today };
  const children = new Map<string, ChildSsda903History>();
  const invalidChildren = new Set<string>();
  const childOf = (childId: string): ChildSsda903History => {
    let child = children.get(childId);
    if (!child) {
      child = { childId, header: null, episodes: [], reviews: [] };
      children.set(childId, child);
    }
    return child;
  };
  let rows = 0;

  const eachRow = <T>(
    table: Ssda903Table,
    parseRow: (origin: { file: string; row: number }, columns: readonly string[], values: readonly string[], context: RowContext) => ParsedRow<T>,
    keep: (child: ChildSsda903History, record: T, origin: { file: string; row: number }) => void,
  ): void => {
    const found = recognised.get(table);
    if (!found) return;
    const columns = found.csv.header;
    for (const { line, values } of found.csv.rows) {
      rows += 1;
      const origin = { file: found.file.name, row: line };
      if (values.length !== columns.length) {
        issues.push(issueAt(origin, '', values.join(','), 'column-count',
          `The row has ${values.length} fields; the ${table} table has ${columns.length}.`, values[0]?.trim() || undefined));
        if (values[0]?.trim()) invalidChildren.add(values[0].trim());
        continue;
      }
      const parsed = parseRow(origin, columns, values, context);
      if (parsed.issues.length > 0) {
        issues.push(...parsed.issues);
        if (parsed.childId) invalidChildren.add(parsed.childId);
      }
      if (parsed.childId) childOf(parsed.childId);
      if (parsed.record) keep(childOf(parsed.childId), parsed.record, origin);
    }
  };

  eachRow('header', parseHeaderRow, (child, record, origin) => {
    if (child.header) {
      issues.push(issueAt(origin, 'CHILD', child.childId, 'duplicate-child', `Child ${child.childId} has more than one header row.`, child.childId));
      invalidChildren.add(child.childId);
      return;
    }
    child.header = record;
  });
  eachRow('episodes', parseEpisodeRow, (child, record) => child.episodes.push(record));
  eachRow('reviews', parseReviewRow, (child, record) => child.reviews.push(record));

  for (const child of children.values()) {
    child.episodes.sort(byDecom);
    child.reviews.sort(byHeldOn);
    // the checks across a child's rows run once its rows, and the return's tables, pass their own: with a row or a
    // table missing, they would report what follows from its absence (a review "outside care") as if it were wrong
    if (invalidChildren.has(child.childId) || !tablesComplete) continue;
    const childIssues = validateChildReturn(child, year);
    if (childIssues.length > 0) {
      issues.push(...childIssues);
      invalidChildren.add(child.childId);
    }
  }
  return { year, files: summaries, rows, children, invalidChildren, issues: inFileOrder(issues) };
}

/** The issues file by file, row by row (a child's cross-row checks find them in their own order); ties as found. */
const inFileOrder = (issues: ImportIssue[]): ImportIssue[] =>
  issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => a.issue.file.localeCompare(b.issue.file) || a.issue.row - b.issue.row || a.index - b.index)
    .map(({ issue }) => issue);

/** The collection year of the latest episode start or end, the return's "as at 31 March". */
function inferYear(recognised: Map<Ssda903Table, RecognisedFile>): number | null {
  const episodes = recognised.get('episodes');
  if (!episodes) return null;
  const decom = episodes.csv.header.indexOf('DECOM');
  const dec = episodes.csv.header.indexOf('DEC');
  let latest: string | null = null;
  for (const { values } of episodes.csv.rows) {
    for (const index of [decom, dec]) {
      const date = parseDfeDate(values[index] ?? '');
      if (date && (latest === null || date > latest)) latest = date;
    }
  }
  return latest === null ? null : collectionYearOf(latest);
}
