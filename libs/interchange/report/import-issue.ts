/**
 * One failure found before anything is imported: where it is (file, row, column), the value
 * found, the rule broken (a DfE rule number as `dfe-<n>`, or a stable kebab-case id, the
 * same ids the deciders use) and what it means in words.
 */
export interface ImportIssue {
  file: string;
  /** the line in a CSV file (the header is line 1); the line of the <Child> element in a CIN census */
  row: number;
  column: string;
  value: string;
  rule: string;
  message: string;
  /** the child the row belongs to; absent for a problem with the file itself */
  childId?: string;
}

export interface RowOrigin {
  file: string;
  row: number;
}

export function issueAt(
  origin: RowOrigin,
  column: string,
  value: string,
  rule: string,
  message: string,
  childId?: string,
): ImportIssue {
  return { file: origin.file, row: origin.row, column, value, rule, message, ...(childId !== undefined && { childId }) };
}
