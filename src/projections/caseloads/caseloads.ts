import { CalendarDate } from '../../calendar/calendar-date';
import { LocalAuthorityConfig } from '../../config/local-authority-config';
import { KNOWN_CHILD_FILTER } from '../drift-and-delay/child-facts';
import { iroOn, lookedAfterOn, onPlanOn, openOn, OversightDocument } from '../drift-and-delay/oversight-document';
import { toOneDecimal } from '../issues-resolution/percent';

/** The IRO Handbook's recommended caseload for a full-time IRO. */
export const HANDBOOK_CASELOAD_RANGE = { from: 50, to: 70 } as const;

export interface IroCaseload {
  iroId: string;
  lookedAfter: number;
  protection: number;
  /** a child both looked after and on a plan counts once */
  total: number;
}

export interface Caseloads {
  asAt: CalendarDate;
  /** the IROs with a caseload on `asAt`, by IRO id */
  items: IroCaseload[];
  /** the mean caseload over the IROs with one, one decimal place; null when none has */
  mean: number | null;
  /** IROs above the Handbook's 70 */
  aboveHandbookRange: number;
  /** IROs above the authority's local target */
  aboveLocalTarget: number;
  handbookRange: typeof HANDBOOK_CASELOAD_RANGE;
  localCaseloadTarget: number;
  /** children looked after or on a plan on `asAt` with no IRO allocated then */
  unallocated: { lookedAfter: number; protection: number; total: number; childIds: string[] };
}

/**
 * The read-store filter for the children who can be in a caseload on `asAt` (active that
 * day: looked after, on a plan, or named in an open challenge); caseloadsAt counts
 * only those looked after (short breaks left out) or on a plan. Caseloads are computed
 * from the drift-and-delay documents, which keep those days and the IRO allocations.
 */
export function caseloadsFilter(asAt: CalendarDate): Record<string, unknown> {
  return { $and: [{ active: { $elemMatch: openOn(asAt) } }, KNOWN_CHILD_FILTER] };
}

/**
 * IRO caseloads on `asAt`, as the `iro.*` figures of FIGURES.md define them: a child's
 * IRO is the one of its latest allocation effective on or before the date; the caseload
 * is the children looked after or on a plan that day.
 */
export function caseloadsAt(
  documents: readonly OversightDocument[],
  asAt: CalendarDate,
  config: Pick<LocalAuthorityConfig, 'localCaseloadTarget'>,
): Caseloads {
  const byIro = new Map<string, IroCaseload>();
  const unallocated = { lookedAfter: 0, protection: 0, total: 0, childIds: [] as string[] };
  for (const document of documents) {
    const lookedAfter = lookedAfterOn(document, asAt);
    const protection = onPlanOn(document, asAt);
    if (!lookedAfter && !protection) continue;
    const iroId = iroOn(document, asAt);
    let load: { lookedAfter: number; protection: number; total: number };
    if (iroId === null) {
      load = unallocated;
      unallocated.childIds.push(document.childId);
    } else {
      load = byIro.get(iroId) ?? { iroId, lookedAfter: 0, protection: 0, total: 0 };
      byIro.set(iroId, load as IroCaseload);
    }
    if (lookedAfter) load.lookedAfter += 1;
    if (protection) load.protection += 1;
    load.total += 1;
  }
  const items = [...byIro.values()].sort((a, b) => (a.iroId < b.iroId ? -1 : a.iroId > b.iroId ? 1 : 0));
  const total = items.reduce((sum, item) => sum + item.total, 0);
  unallocated.childIds.sort();
  return {
    asAt,
    items,
    mean: items.length === 0 ? null : toOneDecimal(total, items.length),
    aboveHandbookRange: items.filter((item) => item.total > HANDBOOK_CASELOAD_RANGE.to).length,
    aboveLocalTarget: items.filter((item) => item.total > config.localCaseloadTarget).length,
    handbookRange: HANDBOOK_CASELOAD_RANGE,
    localCaseloadTarget: config.localCaseloadTarget,
    unallocated,
  };
}
