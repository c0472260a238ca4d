import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { CHALLENGE_CATEGORIES } from '../../src/events/codes';
import { CHALLENGE_STAGE_KEYS } from '../../src/reporting/challenge-figures';
import { Published, PublishedReport, SUPPRESSED } from './disclosure-control';
import { yearLabel } from './figure-labels';
import { keyLabel } from './key-labels';

export interface ReportChart {
  id: string;
  title: string;
  svg: string;
}

type Datum = Record<string, string | number | null>;

/** A bar and its label: a withheld value draws a bar of 0 labelled `c`, a missing one (no denominator) `–`. */
function bar(value: Published): { amount: number; label: string } {
  if (typeof value === 'number') return { amount: value, label: String(value) };
  return { amount: 0, label: value === SUPPRESSED ? SUPPRESSED : '–' };
}

/**
 * Renders a Vega-Lite spec to an SVG string in Node, with no canvas and no network:
 * Vega's headless view (renderer 'none') estimates text widths itself.
 */
export async function renderChartSvg(spec: vegaLite.TopLevelSpec): Promise<string> {
  const { spec: compiled } = vegaLite.compile(spec);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const base = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  background: 'white',
  config: { font: 'sans-serif', axis: { labelFontSize: 11, titleFontSize: 11 }, view: { stroke: null } },
} as const;

function yearOnYearPercent(data: Datum[], category: string): vegaLite.TopLevelSpec {
  return {
    ...base,
    width: 360,
    height: 200,
    data: { values: data },
    encoding: {
      x: { field: category, type: 'nominal', axis: { labelAngle: 0, title: null } },
      xOffset: { field: 'year', type: 'nominal' },
      y: { field: 'amount', type: 'quantitative', scale: { domain: [0, 100] }, title: '%' },
      color: { field: 'year', type: 'nominal', scale: { range: ['#9db4cf', '#1f4e79'] }, legend: { title: null, orient: 'bottom' } },
    },
    layer: [
      { mark: { type: 'bar' } },
      { mark: { type: 'text', dy: -6, fontSize: 11 }, encoding: { text: { field: 'label' }, y: { datum: 0 }, color: { value: '#1a1a1a' } } },
    ],
  } as vegaLite.TopLevelSpec;
}

function counts(data: Datum[], field: string, order: readonly string[], horizontal: boolean): vegaLite.TopLevelSpec {
  const axisOfKeys = { field, type: 'nominal', sort: order, axis: { labelAngle: 0, title: null } };
  const axisOfCounts = { field: 'amount', type: 'quantitative', title: 'challenges', axis: { tickMinStep: 1, format: 'd' } };
  return {
    ...base,
    width: 360,
    height: horizontal ? { step: 18 } : 200,
    data: { values: data },
    encoding: horizontal ? { y: axisOfKeys, x: axisOfCounts } : { x: axisOfKeys, y: axisOfCounts },
    layer: [
      { mark: { type: 'bar', color: '#1f4e79' } },
      {
        mark: horizontal
          ? { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#1a1a1a' }
          : { type: 'text', dy: -6, fontSize: 11, color: '#1a1a1a' },
        encoding: { text: { field: 'label' }, ...(horizontal ? { x: { datum: 0 } } : { y: { datum: 0 } }) },
      },
    ],
  } as vegaLite.TopLevelSpec;
}

/** The four charts of the board report, drawn from the published (disclosure-controlled) figures. */
export async function reportCharts(report: PublishedReport): Promise<ReportChart[]> {
  const years = [yearLabel(report.year - 1), yearLabel(report.year)];
  const f = report.figures;
  const reviews: Datum[] = [
    { measure: 'Reviews in timescale', year: years[0], ...bar(f['reviews.inTimescalePercent'].previousYear.value as Published) },
    { measure: 'Reviews in timescale', year: years[1], ...bar(f['reviews.inTimescalePercent'].value as Published) },
  ];
  const cp: Datum[] = [];
  for (const [conference, id] of [['Initial', 'cp.initialConferencesInTimescalePercent'], ['Review', 'cp.reviewConferencesInTimescalePercent']] as const) {
    cp.push({ conference, year: years[0], ...bar(f[id].previousYear.value as Published) });
    cp.push({ conference, year: years[1], ...bar(f[id].value as Published) });
  }
  const byCategory = f['challenges.byCategory'].value as Record<string, Published>;
  const categories: Datum[] = CHALLENGE_CATEGORIES.map((category) => ({ category: keyLabel('challenges.byCategory', category), ...bar(byCategory[category]) }));
  const byStage = f['challenges.byHighestStage'].value as Record<string, Published>;
  const stages: Datum[] = CHALLENGE_STAGE_KEYS.map((stage) => ({
    stage: stage === 'cafcass' ? 'Cafcass' : `Stage ${stage}`, ...bar(byStage[stage]),
  }));
  const stageOrder = CHALLENGE_STAGE_KEYS.map((s) => (s === 'cafcass' ? 'Cafcass' : `Stage ${s}`));
  return Promise.all([
    chart('reviews-in-timescale', 'Children in care reviews held in timescale (%)', yearOnYearPercent(reviews, 'measure')),
    chart('cp-timeliness', 'Child protection conferences held in timescale (%)', yearOnYearPercent(cp, 'conference')),
    chart('challenges-by-category', `IRO challenges raised in ${years[1]}, by category`, counts(categories, 'category', CHALLENGE_CATEGORIES.map((c) => keyLabel('challenges.byCategory', c)), true)),
    chart('challenges-by-highest-stage', `IRO challenges raised in ${years[1]}, by highest stage reached`, counts(stages, 'stage', stageOrder, false)),
  ]);
}

async function chart(id: string, title: string, spec: vegaLite.TopLevelSpec): Promise<ReportChart> {
  return { id, title, svg: await renderChartSvg(spec) };
}
