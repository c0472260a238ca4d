const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An as-of instant from a query or the command line, in the store's recordedAt format
 * (ISO, UTC, milliseconds) so that it compares with recordedAt as a string. A bare date
 * means the end of that day (UTC). Undefined when it is not an instant.
 */
export function parseReportInstant(text: string): string | undefined {
  const value = DATE.test(text) ? `${text}T23:59:59.999Z` : text;
  if (!INSTANT.test(value) && !DATE.test(text)) return undefined;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return undefined;
  if (DATE.test(text) && instant.toISOString().slice(0, 10) !== text) return undefined;
  return instant.toISOString();
}

/** A reporting year as a path parameter: four digits, 2000-2100. */
export function parseReportYear(text: string): number | undefined {
  if (!/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : undefined;
}
