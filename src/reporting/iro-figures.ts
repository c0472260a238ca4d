import { IRO_HANDBOOK_CASELOAD_MAXIMUM } from './iro-caseload';
import { ChildHistory, iroOn, lookedAfterPeriodOn, planOn } from './child-history';
import { breakdownFigure, CountFigure, countFigure, roundedRatio, YearFigure } from './figure';
import { FigureFamily, KeyedId } from './figure-family';
import { ReportingPeriod } from './reporting-period';

/**
 * The IRO service (FIGURES.md, "IRO service"). A child's IRO on a date is its latest
 * allocation effective on or before it; a caseload counts children looked after or on a
 * plan that day (once if both). Children with no IRO allocated count in no caseload.
 */
export class IroFigures implements FigureFamily {
  private readonly allocated: KeyedId[] = [];

  constructor(
    private readonly period: ReportingPeriod,
    private readonly localCaseloadTarget: number,
  ) {}

  addChild(child: ChildHistory): void {
    const end = this.period.end;
    if (child.iroAllocations.length === 0) return;
    if (!lookedAfterPeriodOn(child, end) && !planOn(child, end)) return;
    const iroId = iroOn(child, end);
    if (iroId !== undefined) this.allocated.push({ id: child.childId, key: iroId });
  }

  finish(): Record<string, YearFigure> {
    const caseloads = breakdownFigure(this.allocated, []);
    const iroIds = Object.keys(caseloads.value).sort();
    const total = iroIds.reduce((sum, iroId) => sum + caseloads.value[iroId], 0);
    const mean: CountFigure =
      iroIds.length === 0
        ? { value: null, reason: 'no IRO had a caseload at year end', ids: [] }
        : { value: roundedRatio(total, iroIds.length, 1), ids: iroIds };
    return {
      'iro.caseloadsAtYearEnd': caseloads,
      'iro.meanCaseloadAtYearEnd': mean,
      'iro.aboveHandbookRange': countFigure(iroIds.filter((id) => caseloads.value[id] > IRO_HANDBOOK_CASELOAD_MAXIMUM)),
      'iro.aboveLocalTarget': countFigure(iroIds.filter((id) => caseloads.value[id] > this.localCaseloadTarget)),
    };
  }
}
