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

/** What a source (a 903 return, a CIN census) gives the shared import steps. */
export interface ReadSource {
  source: ImportSource;
  /** the collection years read, oldest first */
  years: number[];
  files: FileSummary[];
  /** the collection year of each file read, for `metadata.source` */
  yearOfFile: Map<string, number>;
  rows: number;
  /** every child in the files, in a stable order */
  childIds: string[];
  invalidChildren: Set<string>;
  issues: ImportIssue[];
  warnings: string[];
  /** the planned commands for a child, given its stream as stored */
  plan(childId: string, stream: readonly StoredOversightEvent[], config: LocalAuthorityConfig): PlannedCommand[];
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

/**
 * The steps every import shares, after reading and checking the files: each valid child's
 * plan goes through the case decider against its stream (a refusal becomes an issue on the
 * row it came from); then, only if nothing is wrong (or the invalid children are to be
 * skipped), the events are appended, in one transaction where the store allows.
 */
export async function importChildren(read: ReadSource, options: ImportOptions): Promise<ImportReport> {
  const { store, config, today } = options;
  const actor = options.actor ?? IMPORT_ACTOR;
  const correlationId = randomUUID();
  const issues = [...read.issues];
  const invalid = new Set(read.invalidChildren);
  const progress = (stage: 'read' | 'checked' | 'decided' | 'appended', children: number, events: number): void =>
    options.onProgress?.({ stage, files: read.files.length, rows: read.rows, children, events });
  progress('read', read.childIds.length, 0);

  const fileLevel = issues.filter((issue) => issue.childId === undefined);
  const pending: StreamAppend[] = [];
  let unchanged = 0;
  let eventCount = 0;
  let decidedChildren = 0;

  if (fileLevel.length === 0) {
    for (const childId of read.childIds) {
      if (invalid.has(childId)) continue;
      const stream = childStream(childId);
      const recorded = await store.readStream(stream);
      const events = recorded.map(upcast);
      const planned = read.plan(childId, events, config);
      const result = reconcileChildStream({
        source: read.source, childId, stream: events, planned, context: { today, config }, actor, correlationId,
        sourceOf: (command) =>
          command.origin
            ? `${read.source}:${read.yearOfFile.get(command.origin.file) ?? ''}:${command.origin.file}:${command.origin.row}`
            : `${read.source}:kept from an earlier import`,
      });
      decidedChildren += 1;
      if ('violation' in result) {
        const { refused, violation } = result;
        issues.push(issueAt(refused.origin ?? { file: '(stored history)', row: 0 }, refused.column, refused.value,
          violation.rule, violation.message, childId));
        invalid.add(childId);
        continue;
      }
      if (result.events.length === 0) {
        unchanged += 1;
        continue;
      }
      pending.push({ stream, events: result.events, expectedRevision: recorded.length === 0 ? 'no-stream' : recorded.length - 1 });
      eventCount += result.events.length;
        if (decidedChildren % 1000 === 0) progress('decided', decidedChildren, eventCount);
    }
  }
  progress('decided', decidedChildren, eventCount);

  const skipped = read.childIds.filter((childId) => invalid.has(childId));
  const accepted = fileLevel.length === 0 && (issues.length === 0 || options.skipInvalidChildren === true);
  const toAppend = accepted ? pending.filter((batch) => !invalid.has(batch.stream.slice('child-'.length))) : [];
  const appendedEvents = toAppend.reduce((sum, batch) => sum + batch.events.length, 0);
  if (accepted && !options.dryRun && toAppend.length > 0) {
    if (canAppendMany(store)) store.appendMany(toAppend);
    else for (const batch of toAppend) await store.appendToStream(batch.stream, batch.events, batch.expectedRevision);
    progress('appended', toAppend.length, appendedEvents);
  }

  return {
    source: read.source,
    collectionYears: read.years,
    dryRun: options.dryRun === true,
    skipInvalidChildren: options.skipInvalidChildren === true,
    accepted,
    files: read.files,
    rows: read.rows,
    children: {
      total: read.childIds.length,
      imported: accepted ? toAppend.length : 0,
      unchanged,
      skipped,
    },
    events: {
      appended: accepted ? appendedEvents : 0,
      voided: accepted ? toAppend.reduce((sum, batch) => sum + batch.events.filter((event) => event.type === 'RecordVoided').length, 0) : 0,
    },
    issues,
    warnings: read.warnings,
  };
}
