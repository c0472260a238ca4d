import { randomUUID } from 'node:crypto';
import { EventStore, ExpectedRevision } from '../../event-store/event-store.port';
import { LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import { NewEvent, StoredOversightEvent } from '../../../src/events/envelope';
import { upcast } from '../../../src/events/schema-versions';
import { childStream } from '../../../src/events/streams';
import { ImportIssue, issueAt } from '../report/import-issue';
import { FileSummary, ImportReport } from '../report/import-report';
import { IMPORT_ACTOR, ImportOptions } from './import-options';
import { ImportSource, PlannedCommand } from './planned-command';
import { reconcileChildStream } from './reconcile-child-stream';

/** What a source (SSDA903 returns, CIN censuses) gives the shared import steps. */
export interface ReadSource {
  source: ImportSource;
  /** the collection years read, oldest first */
  years: number[];
  files: FileSummary[];
  /** the collection year of each file read, for `metadata.source` */
  yearOfFile: Map<string, number>;
  rows: number;
  /** every child in the files */
  childIds: string[];
  invalidChildren: Set<string>;
  issues: ImportIssue[];
  warnings: string[];
  /** the planned commands for a child, given its stream as stored */
  plan(childId: string, stream: readonly StoredOversightEvent[], config: LocalAuthorityConfig): PlannedCommand[];
  /** drops what was read for a child once it is planned, so a large import holds less while it appends */
  forget(childId: string): void;
}

interface StreamAppend {
  stream: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

/** The bulk fast path some stores have (the embedded SQLite store): many streams in one transaction. */
interface BulkAppendingStore {
  appendMany(batches: StreamAppend[]): unknown;
}
const canAppendMany = (store: EventStore): store is EventStore & BulkAppendingStore =>
  typeof (store as Partial<BulkAppendingStore>).appendMany === 'function';

/** An event decided in this run, as the next source's plan sees it in the stream. */
const asStored = (stream: string, event: NewEvent): StoredOversightEvent =>
  ({ ...event, stream, revision: -1, position: 0, recordedAt: '' }) as unknown as StoredOversightEvent;

/**
 * The steps every import shares, after reading and checking the files: each valid child's
 * plans (one per source, SSDA903 before CIN) go through the case decider against its stream,
 * read once; a refusal becomes an issue on the row it came from. Only if nothing is wrong (or
 * the invalid children are to be skipped) are the events appended, in one transaction where
 * the store allows.
 */
export async function importChildren(sources: ReadSource | readonly ReadSource[], options: ImportOptions): Promise<ImportReport> {
  const reads = Array.isArray(sources) ? (sources as readonly ReadSource[]) : [sources as ReadSource];
  const { store, config, today } = options;
  const actor = options.actor ?? IMPORT_ACTOR;
  const correlationId = randomUUID();
  const issues = reads.flatMap((read) => read.issues);
  const invalid = new Set(reads.flatMap((read) => [...read.invalidChildren]));
  const childIds = [...new Set(reads.flatMap((read) => read.childIds))].sort();
  const inSource = reads.map((read) => new Set(read.childIds));
  const files = reads.flatMap((read) => read.files);
  const rows = reads.reduce((sum, read) => sum + read.rows, 0);
  const progress = (stage: 'read' | 'checked' | 'decided' | 'appended', children: number, events: number): void =>
    options.onProgress?.({ stage, files: files.length, rows, children, events });
  progress('read', childIds.length, 0);

  const fileLevel = issues.filter((issue) => issue.childId === undefined);
  const pending: StreamAppend[] = [];
  let unchanged = 0;
  let eventCount = 0;
  let decidedChildren = 0;

  if (fileLevel.length === 0) {
    for (const childId of childIds) {
      if (invalid.has(childId)) continue;
      const stream = childStream(childId);
      const recorded = await store.readStream(stream);
      let events = recorded.map(upcast);
      const decided: NewEvent[] = [];
      for (const [index, read] of reads.entries()) {
        if (!inSource[index].has(childId)) continue;
        const planned = read.plan(childId, events, config);
        read.forget(childId);
        const result = reconcileChildStream({
          source: read.source, childId, stream: events, planned, context: { today, config }, actor, correlationId,
          sourceOf: (command) =>
            command.origin
              ? `${read.source}:${read.yearOfFile.get(command.origin.file) ?? ''}:${command.origin.file}:${command.origin.row}`
              : `${read.source}:kept from an earlier import`,
        });
        if ('violation' in result) {
          const { refused, violation } = result;
          issues.push(issueAt(refused.origin ?? { file: '(stored history)', row: 0 }, refused.column, refused.value,
            violation.rule, violation.message, childId));
          invalid.add(childId);
          break;
        }
        decided.push(...result.events);
        const laterSourceHasChild = inSource.slice(index + 1).some((children) => children.has(childId));
        if (laterSourceHasChild && result.events.length > 0) events = [...events, ...result.events.map((event) => asStored(stream, event))];
      }
      decidedChildren += 1;
      if (decidedChildren % 1000 === 0) progress('decided', decidedChildren, eventCount);
      if (invalid.has(childId)) continue;
      if (decided.length === 0) {
        unchanged += 1;
        continue;
      }
      pending.push({ stream, events: decided, expectedRevision: recorded.length === 0 ? 'no-stream' : recorded.length - 1 });
      eventCount += decided.length;
    }
  }
  progress('decided', decidedChildren, eventCount);

  const skipped = childIds.filter((childId) => invalid.has(childId));
  const accepted = fileLevel.length === 0 && (issues.length === 0 || options.skipInvalidChildren === true);
  const toAppend = accepted ? pending : [];
  const appended = toAppend.reduce((sum, batch) => sum + batch.events.length, 0);
  const voided = toAppend.reduce((sum, batch) => sum + batch.events.filter((event) => event.type === 'RecordVoided').length, 0);
  if (accepted && !options.dryRun && toAppend.length > 0) {
    if (canAppendMany(store)) store.appendMany(toAppend);
    else for (const batch of toAppend) await store.appendToStream(batch.stream, batch.events, batch.expectedRevision);
    progress('appended', toAppend.length, appended);
  }

  return {
    source: reads.length === 1 ? reads[0].source : 'history',
    collectionYears: [...new Set(reads.flatMap((read) => read.years))].sort(),
    dryRun: options.dryRun === true,
    skipInvalidChildren: options.skipInvalidChildren === true,
    accepted,
    files,
    rows,
    children: { total: childIds.length, imported: toAppend.length, unchanged, skipped },
    events: { appended, voided },
    issues,
    warnings: reads.flatMap((read) => read.warnings),
  };
}
