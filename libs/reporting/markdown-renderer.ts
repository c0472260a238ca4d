import { yearNotEndedNote } from './year-not-ended-note';
import { breakdownKeys } from '../../src/reporting/breakdown-keys';
import { FIGURE_IDS } from '../../src/reporting/figure-ids';
import { Published, PublishedReport } from './disclosure-control';
import { FIGURE_FAMILIES, FIGURE_LABELS, formatPublished, yearLabel } from './figure-labels';
import { keyLabel } from './key-labels';

const escape = (text: string): string => text.replace(/\|/g, '\\|');

function measure(value: Published | Record<string, Published>, percent?: Published): string {
  if (value !== null && typeof value === 'object') return '';
  return percent === undefined ? formatPublished(value) : `${formatPublished(value)}`;
}

/** The report as Markdown: one table per family of figures, breakdowns as their own tables. */
export function renderMarkdown(report: PublishedReport): string {
  const now = yearLabel(report.year);
  const before = yearLabel(report.year - 1);
  const lines: string[] = [
    `# Independent Reviewing Officers' annual report ${now}`,
    '',
    `${report.localAuthority}. Reporting year ${report.period.start} to ${report.period.end}.` +
      ` As of ${report.asOf ?? 'everything recorded'}.` +
      (report.generatedAt ? ` Produced ${report.generatedAt}.` : ''),
    '',
    ...(yearNotEndedNote(report) ? [`**${yearNotEndedNote(report)}**`, ''] : []),
  ];
  for (const family of FIGURE_FAMILIES) {
    lines.push(`## ${family.title}`, '', `| Figure | ${now} | ${before} | Change |`, '| --- | ---: | ---: | ---: |');
    const breakdowns: string[] = [];
    for (const id of FIGURE_IDS.filter((f) => f.startsWith(family.prefix))) {
      const figure = report.figures[id];
      if (figure.value !== null && typeof figure.value === 'object') {
        const value = figure.value as Record<string, Published>;
        const previous = (figure.previousYear.value ?? {}) as Record<string, Published>;
        const change = (figure.change ?? {}) as Record<string, Published>;
        const withPercent = figure.percent !== undefined;
        breakdowns.push(`### ${escape(FIGURE_LABELS[id])}`, '');
        breakdowns.push(
          withPercent ? `| | ${now} | % | ${before} | % | Change |` : `| | ${now} | ${before} | Change |`,
          withPercent ? '| --- | ---: | ---: | ---: | ---: | ---: |' : '| --- | ---: | ---: | ---: |',
        );
        for (const key of breakdownKeys(id, value, previous)) {
          const label = escape(keyLabel(id, key));
          breakdowns.push(
            withPercent
              ? `| ${label} | ${formatPublished(value[key])} | ${formatPublished(figure.percent?.[key])} | ${formatPublished(previous[key])} | ${formatPublished(figure.previousYear.percent?.[key])} | ${formatPublished(change[key])} |`
              : `| ${label} | ${formatPublished(value[key])} | ${formatPublished(previous[key])} | ${formatPublished(change[key])} |`,
          );
        }
        breakdowns.push('');
      } else {
        const note = figure.value === null && figure.reason ? ` (${figure.reason})` : '';
        lines.push(
          `| ${escape(FIGURE_LABELS[id])}${escape(note)} | ${measure(figure.value)} | ${measure(figure.previousYear.value)} | ${formatPublished(figure.change as Published)} |`,
        );
      }
    }
    lines.push('', ...breakdowns);
  }
  lines.push('---', '', `*${report.legend}*`, '');
  return lines.join('\n');
}
