import { CalendarDate } from '../../../src/calendar/calendar-date';
import { StoredOversightEvent } from '../../../src/events/envelope';
import { CinChildHistory } from '../cin/cin-census-records';
import { planCinChild } from '../cin/import-cin-census';
import { CollectionYear } from '../ssda903/collection-year';
import { planSsda903Child } from '../ssda903/import-ssda903-return';
import { districtSet } from '../ssda903/postcode-district';
import { ChildSsda903History } from '../ssda903/ssda903-records';
import { ChildOutcome, ChildToDecide, decideChild, DecideSetup } from './decide-child';
import { SourcePlan } from './import-source';
import { PlannedCommand } from './planned-command';
import { ImportUnit, readUnit, UnitChildRecords, UnitSummary } from './read-unit';

/** A child's records in a unit, handed from the thread that read the unit to the one that decides the child. */
export type HandedOver = [unit: number, childId: string, records: UnitChildRecords];

/** A child whose records a thread gives to the thread that decides it. */
export type Transfer = [childId: string, to: number];

/**
 * One thread's share of an import (the main thread's, or a worker's): it reads some units and
 * keeps their records, hands over the records of the children another thread decides and
 * takes those of its own, then decides its children.
 */
export interface ImportLane {
  read(units: ImportUnit[], today: CalendarDate): Promise<UnitSummary[]>;
  /** gives up the records of these children, for each thread those it is to decide */
  handOver(transfers: Transfer[], lanes: number): Promise<HandedOver[][]>;
  receive(records: HandedOver[]): Promise<void>;
  /** the children's outcomes, in the order given */
  decide(setup: DecideSetup, children: ChildToDecide[]): Promise<ChildOutcome[]>;
  close(): Promise<void>;
}

/** The records a thread holds, and its work on them: the same on the main thread and in a worker. */
export class LaneRecords {
  private readonly units = new Map<number, Map<string, UnitChildRecords>>();
  private readonly districts = new WeakMap<SourcePlan, ReadonlySet<string>>();

  read(units: readonly ImportUnit[], today: CalendarDate): UnitSummary[] {
    return units.map((unit) => {
      const read = readUnit(unit, today);
      this.units.set(unit.unit, read.children);
      return read.summary;
    });
  }

  handOver(transfers: readonly Transfer[], lanes: number): HandedOver[][] {
    const out: HandedOver[][] = Array.from({ length: lanes }, () => []);
    for (const [childId, to] of transfers) {
      for (const [unit, children] of this.units) {
        const records = children.get(childId);
        if (records === undefined) continue;
        out[to].push([unit, childId, records]);
        children.delete(childId);
      }
    }
    return out;
  }

  receive(records: readonly HandedOver[]): void {
    for (const [unit, childId, held] of records) {
      let children = this.units.get(unit);
      if (!children) {
        children = new Map();
        this.units.set(unit, children);
      }
      children.set(childId, held);
    }
  }

  decide(setup: DecideSetup, children: readonly ChildToDecide[]): ChildOutcome[] {
    return children.map((child) => decideChild(child, setup, (plan, childId, stream) => this.planChild(plan, childId, stream)));
  }

  /** Plans a source's commands for a child from the records held, and lets them go (a large import holds less as it goes). */
  private planChild(plan: SourcePlan, childId: string, stream: readonly StoredOversightEvent[]): PlannedCommand[] {
    const incoming: { history: UnitChildRecords; year: CollectionYear }[] = [];
    for (const { unit, year } of plan.units) {
      const children = this.units.get(unit);
      const history = children?.get(childId);
      if (!history) continue;
      incoming.push({ history, year });
      children!.delete(childId);
    }
    if (plan.source === 'cin') return planCinChild(childId, stream, incoming as { history: CinChildHistory; year: CollectionYear }[]);
    return planSsda903Child(childId, stream, incoming as { history: ChildSsda903History; year: CollectionYear }[], this.districtsOf(plan));
  }

  private districtsOf(plan: SourcePlan): ReadonlySet<string> {
    let districts = this.districts.get(plan);
    if (!districts) {
      districts = districtSet(plan.postcodeDistricts);
      this.districts.set(plan, districts);
    }
    return districts;
  }
}

/** A lane on the calling thread. */
export class InThreadLane implements ImportLane {
  private readonly records = new LaneRecords();

  async read(units: ImportUnit[], today: CalendarDate): Promise<UnitSummary[]> {
    return this.records.read(units, today);
  }

  async handOver(transfers: Transfer[], lanes: number): Promise<HandedOver[][]> {
    return this.records.handOver(transfers, lanes);
  }

  async receive(records: HandedOver[]): Promise<void> {
    this.records.receive(records);
  }

  async decide(setup: DecideSetup, children: ChildToDecide[]): Promise<ChildOutcome[]> {
    return this.records.decide(setup, children);
  }

  async close(): Promise<void> {}
}
