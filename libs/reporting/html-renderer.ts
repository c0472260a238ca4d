import { yearNotEndedNote } from './year-not-ended-note';
import { breakdownKeys } from '../../src/reporting/breakdown-keys';
import { FIGURE_IDS } from '../../src/reporting/figure-ids';
import { Published, PublishedFigure, PublishedReport } from './disclosure-control';
import { FIGURE_FAMILIES, FIGURE_LABELS, formatPublished, HEADLINE_FIGURES, yearLabel } from './figure-labels';
import { keyLabel } from './key-labels';
import { reportCharts } from './report-charts';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const cell = (value: unknown): string => escapeHtml(formatPublished(value));

function scalar(figure: PublishedFigure): string {
  return figure.value !== null && typeof figure.value === 'object' ? '' : cell(figure.value);
}

const STYLE = `
  @page { size: A4; margin: 15mm; }
  body { font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; margin: 24px auto; max-width: 960px; line-height: 1.4; }
  h1 { font-size: 22px; color: #1f4e79; margin-bottom: 4px; }
  h2 { font-size: 17px; color: #1f4e79; border-bottom: 2px solid #1f4e79; padding-bottom: 2px; margin-top: 28px; }
  h3 { font-size: 14px; margin: 16px 0 4px; }
  p.meta { color: #555; font-size: 13px; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; margin-bottom: 8px; page-break-inside: avoid; }
  th, td { border: 1px solid #c8d3e0; padding: 4px 8px; text-align: right; }
  th:first-child, td:first-child { text-align: left; }
  thead th { background: #e8eef5; }
  .headline td.now { font-weight: bold; font-size: 15px; }
  .charts { display: flex; flex-wrap: wrap; gap: 16px; }
  figure.chart { margin: 0; padding: 8px; border: 1px solid #c8d3e0; page-break-inside: avoid; }
  figure.chart figcaption { font-size: 13px; font-weight: bold; margin-bottom: 4px; }
  .legend { font-size: 12px; color: #333; border-top: 1px solid #999; margin-top: 24px; padding-top: 8px; }
  @media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
`;

/**
 * The board's report: one self-contained, printable HTML file (inline CSS, charts as
 * inline SVG drawn by Vega-Lite here, no script, no font or image to fetch).
 */
export async function renderHtml(report: PublishedReport): Promise<string> {
  const now = yearLabel(report.year);
  const before = yearLabel(report.year - 1);
  const charts = await reportCharts(report);
  const headline = HEADLINE_FIGURES.map((id) => {
    const figure = report.figures[id];
    return `<tr data-figure="${id}"><td>${escapeHtml(FIGURE_LABELS[id])}</td><td class="now">${scalar(figure)}</td>` +
      `<td class="before">${cell(figure.previousYear.value)}</td><td>${cell(figure.change)}</td></tr>`;
  }).join('\n');
  const families = FIGURE_FAMILIES.map((family) => {
    const ids = FIGURE_IDS.filter((id) => id.startsWith(family.prefix));
    const scalars = ids.filter((id) => !isBreakdown(report.figures[id]));
    const rows = scalars.map((id) => {
      const figure = report.figures[id];
      const note = figure.value === null && figure.reason ? ` <small>(${escapeHtml(figure.reason)})</small>` : '';
      const basis = figure.numerator !== undefined ? ` <small>${cell(figure.numerator)} of ${cell(figure.denominator)}</small>` : '';
      return `<tr data-figure="${id}"><td>${escapeHtml(FIGURE_LABELS[id])}${note}</td><td>${scalar(figure)}${basis}</td>` +
        `<td>${cell(figure.previousYear.value)}</td><td>${cell(figure.change)}</td></tr>`;
    });
    const breakdowns = ids.filter((id) => isBreakdown(report.figures[id])).map((id) => breakdownTable(id, report.figures[id], now, before));
    return `<section><h2>${escapeHtml(family.title)}</h2>
<table><thead><tr><th>Figure</th><th>${now}</th><th>${before}</th><th>Change</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${breakdowns.join('\n')}</section>`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IRO annual report ${now} – ${escapeHtml(report.localAuthority)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Independent Reviewing Officers' annual report ${now}</h1>
<p class="meta">${escapeHtml(report.localAuthority)} · 1 April ${report.year} to 31 March ${report.year + 1} ·
as of ${escapeHtml(report.asOf ?? 'everything recorded')}${report.generatedAt ? ` · produced ${escapeHtml(report.generatedAt)}` : ''}</p>
${yearNotEndedNote(report) ? `<p class="provisional"><strong>${escapeHtml(yearNotEndedNote(report)!)}</strong></p>\n` : ''}
<section><h2>Headline figures</h2>
<table class="headline"><thead><tr><th>Figure</th><th>${now}</th><th>${before}</th><th>Change</th></tr></thead><tbody>
${headline}
</tbody></table></section>
<section><h2>Charts</h2><div class="charts">
${charts.map((c) => `<figure class="chart" id="chart-${c.id}"><figcaption>${escapeHtml(c.title)}</figcaption>${c.svg}</figure>`).join('\n')}
</div></section>
${families.join('\n')}
<p class="legend">${escapeHtml(report.legend)} – = nothing to show (no denominator). Percentages are to one decimal place, rounded half away from zero.</p>
</body>
</html>
`;
}

function isBreakdown(figure: PublishedFigure): boolean {
  return figure.value !== null && typeof figure.value === 'object';
}

function breakdownTable(id: (typeof FIGURE_IDS)[number], figure: PublishedFigure, now: string, before: string): string {
  const value = figure.value as Record<string, Published>;
  const previous = (figure.previousYear.value ?? {}) as Record<string, Published>;
  const change = (figure.change ?? {}) as Record<string, Published>;
  const withPercent = figure.percent !== undefined;
  const head = withPercent
    ? `<tr><th></th><th>${now}</th><th>%</th><th>${before}</th><th>%</th><th>Change</th></tr>`
    : `<tr><th></th><th>${now}</th><th>${before}</th><th>Change</th></tr>`;
  const rows = breakdownKeys(id, value, previous).map((key) =>
    withPercent
      ? `<tr><td>${escapeHtml(keyLabel(id, key))}</td><td>${cell(value[key])}</td><td>${cell(figure.percent?.[key])}</td><td>${cell(previous[key])}</td><td>${cell(figure.previousYear.percent?.[key])}</td><td>${cell(change[key])}</td></tr>`
      : `<tr><td>${escapeHtml(keyLabel(id, key))}</td><td>${cell(value[key])}</td><td>${cell(previous[key])}</td><td>${cell(change[key])}</td></tr>`,
  );
  return `<h3>${escapeHtml(FIGURE_LABELS[id])}</h3>
<table data-figure="${id}"><thead>${head}</thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}
