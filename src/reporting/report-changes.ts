import { AnnualReport } from './annual-report';
import { isBreakdownFigure, ReportFigure, YearFigure } from './figure';
import { FIGURE_IDS, FigureId } from './figure-ids';

/** A figure that differs between two as-of instants. */
export interface FigureDifference {
  figureId: FigureId;
  from: FigureMeasures;
  to: FigureMeasures;
  /** this year's ids (numerator, denominator or counted) present at `to` and not at `from`, and the reverse */
  idsAdded: string[];
  idsRemoved: string[];
  /** the same for the previous year's figure */
  previousYear: { idsAdded: string[]; idsRemoved: string[] };
}

/** What a figure measures, without its ids: for this year and the previous one. */
export interface FigureMeasures {
  value: unknown;
  numerator?: number;
  denominator?: number;
  percent?: unknown;
  previousYear: { value: unknown; numerator?: number; denominator?: number; percent?: unknown };
}

function measuresOf(figure: YearFigure): Omit<FigureMeasures, 'previousYear'> {
  const measures: Omit<FigureMeasures, 'previousYear'> = { value: figure.value };
  if ('numerator' in figure) {
    measures.numerator = figure.numerator;
    measures.denominator = figure.denominator;
  }
  if ('percent' in figure && figure.percent) measures.percent = figure.percent;
  return measures;
}

export function figureMeasures(figure: ReportFigure): FigureMeasures {
  return { ...measuresOf(figure), previousYear: measuresOf(figure.previousYear) };
}

/** Every id one year's figure names. */
function yearIds(year: YearFigure): Set<string> {
  const lists = 'numeratorIds' in year ? [year.numeratorIds, year.denominatorIds] : [year.ids];
  return new Set(lists.flat());
}

/** Every id a figure names, this year and last. */
export function figureIds(figure: ReportFigure): Set<string> {
  return new Set([...yearIds(figure), ...yearIds(figure.previousYear)]);
}

/** The ids that joined and left one year's figure. */
function idsMoved(before: YearFigure, after: YearFigure): { idsAdded: string[]; idsRemoved: string[] } {
  const idsBefore = yearIds(before);
  const idsAfter = yearIds(after);
  return { idsAdded: [...idsAfter].filter((id) => !idsBefore.has(id)), idsRemoved: [...idsBefore].filter((id) => !idsAfter.has(id)) };
}

/** The figures whose measures or ids differ from one report to the other. */
export function differingFigures(from: AnnualReport, to: AnnualReport): FigureDifference[] {
  const differences: FigureDifference[] = [];
  for (const figureId of FIGURE_IDS) {
    const [fromFigure, toFigure] = [from.figures[figureId], to.figures[figureId]];
    const before = figureMeasures(fromFigure);
    const after = figureMeasures(toFigure);
    const thisYear = idsMoved(fromFigure, toFigure);
    const previousYear = idsMoved(fromFigure.previousYear, toFigure.previousYear);
    const idsDiffer = [thisYear, previousYear].some(({ idsAdded, idsRemoved }) => idsAdded.length > 0 || idsRemoved.length > 0);
    const measuresDiffer = JSON.stringify(before) !== JSON.stringify(after);
    if (measuresDiffer || idsDiffer || numeratorMoved(fromFigure, toFigure)) {
      differences.push({ figureId, from: before, to: after, ...thisYear, previousYear });
    }
  }
  return differences;
}

function numeratorMoved(before: ReportFigure, after: ReportFigure): boolean {
  if (!('numeratorIds' in before) || !('numeratorIds' in after)) return false;
  return JSON.stringify([...before.numeratorIds].sort()) !== JSON.stringify([...after.numeratorIds].sort());
}

/** A record whose arrival between the two instants moved a figure. */
export interface ArrivedRecord {
  eventId: string;
  type: string;
  stream: string;
  recordedAt: string;
  position: number;
}

/** Figures whose challenge ids move with the records of the children they name (their stream is not enough). */
const READS_CHILDREN_OF_CHALLENGES: ReadonlySet<FigureId> = new Set(['challenges.lookedAfterVsProtection']);

/**
 * The arrived records that moved a figure: those in the stream of an id that joined or
 * left it, or its numerator, or one of a breakdown's keys, or (when only its measures
 * moved, e.g. a mean) in the stream of any id it names. For
 * `challenges.lookedAfterVsProtection` a challenge's streams include those of the
 * children it names (`childStreamsOfChallenge`), whose care or plan decides its key.
 */
export function recordsThatMoved(
  difference: FigureDifference,
  fromFigure: ReportFigure,
  toFigure: ReportFigure,
  arrivals: readonly ArrivedRecord[],
  streamsOf: ReadonlyMap<string, ReadonlySet<string>>,
  childStreamsOfChallenge: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): ArrivedRecord[] {
  const streams = new Set<string>();
  const changedIds = [
    ...difference.idsAdded, ...difference.idsRemoved,
    ...difference.previousYear.idsAdded, ...difference.previousYear.idsRemoved,
    ...idsThatMovedWithin(fromFigure, toFigure),
  ];
  const ids = changedIds.length > 0 ? changedIds : [...figureIds(fromFigure), ...figureIds(toFigure)];
  const readsChildren = READS_CHILDREN_OF_CHALLENGES.has(difference.figureId);
  for (const id of ids) {
    for (const stream of streamsOf.get(id) ?? []) streams.add(stream);
    if (readsChildren) for (const stream of childStreamsOfChallenge.get(id) ?? []) streams.add(stream);
  }
  return arrivals.filter((record) => streams.has(record.stream));
}

/** Ids that stayed in a figure but joined or left its numerator, or moved from one key of a breakdown to another (either year). */
function idsThatMovedWithin(before: ReportFigure, after: ReportFigure): string[] {
  const moved = new Set<string>();
  const compare = (a: Iterable<string>, b: Iterable<string>) => {
    const setA = new Set(a);
    const setB = new Set(b);
    for (const id of setB) if (!setA.has(id)) moved.add(id);
    for (const id of setA) if (!setB.has(id)) moved.add(id);
  };
  for (const [from, to] of [[before, after], [before.previousYear, after.previousYear]] as [YearFigure, YearFigure][]) {
    if ('numeratorIds' in from && 'numeratorIds' in to) compare(from.numeratorIds, to.numeratorIds);
    if (isBreakdownFigure(from) && isBreakdownFigure(to)) {
      for (const key of new Set([...Object.keys(from.idsByKey), ...Object.keys(to.idsByKey)])) {
        compare(from.idsByKey[key] ?? [], to.idsByKey[key] ?? []);
      }
    }
  }
  return [...moved];
}
