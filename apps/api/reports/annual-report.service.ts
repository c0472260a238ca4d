import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock, CLOCK, today } from '../../../src/clock/clock';
import { LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import { AnnualReport, computeAnnualReport } from '../../../src/reporting/annual-report';
import { FigureId } from '../../../src/reporting/figure-ids';
import { BreakdownFigure } from '../../../src/reporting/figure';
import { countingEvents, eventsBehindItem, figureItems, streamsBehindItem } from '../../../src/reporting/figure-trace';
import { childStreamsOfChallenges, itemStreamIndex } from '../../../src/reporting/item-streams';
import { ReportFacts } from '../../../src/reporting/report-facts';
import { ArrivedRecord, differingFigures, FigureDifference, recordsThatMoved } from '../../../src/reporting/report-changes';
import { reportingYearOf } from '../../../src/reporting/reporting-period';
import { EVENT_STORE, EventStore } from '../../../libs/event-store/event-store.port';
import { READ_STORE, ReadStore } from '../../../libs/read-store/read-store.port';
import { ReadModelFreshness } from '../../../libs/projector/read-model-freshness';
import { readModelReportFacts, replayAnnualReport, replayReportFacts, replayReportFactsBetween } from '../../../libs/reporting/report-facts-source';

export interface FigureChangeEntry extends FigureDifference {
  movedBy: ArrivedRecord[];
}

export interface ReportChanges {
  year: number;
  from: string;
  to: string;
  /** whether the year had ended by `to` (see AnnualReport.yearEnded) */
  yearEnded: boolean | null;
  figures: FigureChangeEntry[];
  /** every record that arrived between the two instants */
  arrived: ArrivedRecord[];
}

export interface TracedEvent {
  id: string;
  type: string;
  effectiveDate: string;
  recordedAt: string;
  position: number;
}

export interface TracedItem {
  id: string;
  /** a breakdown: the keys the id counts under */
  keys?: string[];
  /** where the records are read: a child's or a challenge's history */
  links: { history: string; events: TracedEvent[] }[];
}

export interface FigureTrace {
  year: number;
  asOf: string | null;
  /** whether the year had ended by the trace's instant (see AnnualReport.yearEnded) */
  yearEnded: boolean | null;
  figureId: FigureId;
  kind: string;
  value: unknown;
  numerator?: TracedItem[];
  denominator?: TracedItem[];
  ids?: TracedItem[];
}

/**
 * The annual IRO report: from the `annual-report` read model for the current and previous
 * reporting years when no as-of is asked (and a read store is wired), else by replaying
 * the event store through the same fold.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOCAL_AUTHORITY_CONFIG) private readonly config: LocalAuthorityConfig,
    @Optional() @Inject(READ_STORE) private readonly readStore?: ReadStore,
    @Optional() private readonly freshness?: ReadModelFreshness,
  ) {}

  /** Whether a report for `year` without as-of is answered from the read model. */
  answersFromReadModel(year: number, asOf: string | null): boolean {
    const current = reportingYearOf(today(this.clock));
    return asOf === null && this.readStore !== undefined && (year === current || year === current - 1);
  }

  async facts(year: number, asOf: string | null): Promise<ReportFacts> {
    return this.answersFromReadModel(year, asOf) ? this.readModelFacts() : replayReportFacts(this.store, asOf);
  }

  private async readModelFacts(): Promise<ReportFacts> {
    await this.freshness?.catchUp();
    return readModelReportFacts(this.readStore!);
  }

  async annualReport(year: number, asOf: string | null): Promise<AnnualReport> {
    if (this.answersFromReadModel(year, asOf)) return this.compute(await this.readModelFacts(), year, asOf);
    return replayAnnualReport(this.store, { year, asOf, config: this.config, generatedAt: this.clock.now().toISOString() });
  }

  async changes(year: number, from: string, to: string): Promise<ReportChanges> {
    const replayed = await replayReportFactsBetween(this.store, from, to);
    const before = this.compute(replayed.from, year, from);
    const after = this.compute(replayed.to, year, to);
    const streams = itemStreamIndex(replayed.from, replayed.to);
    const childStreams = childStreamsOfChallenges(replayed.from, replayed.to);
    const figures = differingFigures(before, after).map((difference) => ({
      ...difference,
      movedBy: recordsThatMoved(
        difference, before.figures[difference.figureId], after.figures[difference.figureId], replayed.arrivals, streams, childStreams,
      ),
    }));
    return { year, from, to, yearEnded: after.yearEnded, figures, arrived: replayed.arrivals };
  }

  async trace(year: number, figureId: FigureId, asOf: string | null): Promise<FigureTrace> {
    const facts = await this.facts(year, asOf);
    const report = this.compute(facts, year, asOf);
    const figure = report.figures[figureId];
    const items = figureItems(figureId, figure);
    const streams = itemStreamIndex(facts);
    const namedChildren = figureId === 'challenges.lookedAfterVsProtection' ? childStreamsOfChallenges(facts) : new Map<string, Set<string>>();
    const caseloads = report.figures['iro.caseloadsAtYearEnd'] as BreakdownFigure;
    const streamCache = new Map<string, Promise<Awaited<ReturnType<EventStore['readStream']>>>>();
    const read = (stream: string) => {
      let events = streamCache.get(stream);
      if (!events) streamCache.set(stream, (events = this.store.readStream(stream)));
      return events;
    };
    const trace = async (ids: string[]): Promise<TracedItem[]> =>
      Promise.all(
        ids.map(async (id) => {
          const candidates = streamsBehindItem(items.kind, id, streams, caseloads, namedChildren.get(id));
          const links = await Promise.all(
            candidates.map(async (stream) => {
              const events = eventsBehindItem(figureId, id, countingEvents(await read(stream), asOf));
              return {
                history: stream.startsWith('child-') ? `/children/${stream.slice(6)}/history` : `/challenges/${stream.slice(10)}`,
                events: events.map((e) => ({
                  id: e.id, type: e.type, effectiveDate: String((e.data as { effectiveDate?: string }).effectiveDate ?? ''), recordedAt: e.recordedAt, position: e.position,
                })),
              };
            }),
          );
          const keys = items.keysOfId ? { keys: items.keysOfId.get(id) ?? [] } : {};
          return { id, ...keys, links: links.filter((link) => link.events.length > 0) };
        }),
      );
    const base = { year, asOf, yearEnded: report.yearEnded, figureId, kind: items.kind, value: figure.value };
    if (items.ids) return { ...base, ids: await trace(items.ids) };
    return { ...base, numerator: await trace(items.numeratorIds ?? []), denominator: await trace(items.denominatorIds ?? []) };
  }

  private compute(facts: ReportFacts, year: number, asOf: string | null): AnnualReport {
    return computeAnnualReport(facts, { year, asOf, config: this.config, generatedAt: this.clock.now().toISOString() });
  }
}
