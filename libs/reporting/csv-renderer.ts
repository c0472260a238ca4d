import { yearNotEndedNote } from './year-not-ended-note';
import { breakdownKeys } from '../../src/reporting/breakdown-keys';
import { FIGURE_IDS } from '../../src/reporting/figure-ids';
import { Published, PublishedReport, PublishedYear } from './disclosure-control';
import { FIGURE_LABELS, yearLabel } from './figure-labels';

const COLUMNS = ['figure', 'label', 'key', 'year', 'value', 'numerator', 'denominator', 'percent', 'previous_value', 'previous_percent', 'change', 'note'];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const keyed = (year: PublishedYear, key: string): Published =>
  (year.value as Record<string, Published> | null)?.[key] ?? null;

/** One row per figure (and per key of a breakdown), this year beside last year; the legend last. */
export function renderCsv(report: PublishedReport): string {
  const rows: unknown[][] = [COLUMNS];
  const year = yearLabel(report.year);
  for (const id of FIGURE_IDS) {
    const figure = report.figures[id];
    const label = FIGURE_LABELS[id];
    if (figure.value !== null && typeof figure.value === 'object') {
      for (const key of breakdownKeys(id, figure.value, figure.previousYear.value as object | null)) {
        rows.push([
          id, label, key, year, keyed(figure, key), '', '', figure.percent?.[key], keyed(figure.previousYear, key),
          figure.previousYear.percent?.[key], (figure.change as Record<string, Published> | null)?.[key], '',
        ]);
      }
    } else {
      rows.push([
        id, label, '', year, figure.value, figure.numerator, figure.denominator, '', figure.previousYear.value, '',
        figure.change, figure.reason ?? '',
      ]);
    }
  }
  rows.push([]);
  rows.push(['legend', report.legend]);
  rows.push(['as of', report.asOf ?? 'everything recorded', 'generated', report.generatedAt ?? '']);
  const provisional = yearNotEndedNote(report);
  if (provisional) rows.push(['provisional', provisional]);
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
