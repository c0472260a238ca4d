import { decideCase } from '../../../src/case/decide-case';
import { CaseState } from '../../../src/case/case-state';
import { evolveCase } from '../../../src/case/evolve-case';
import { DecisionContext, isViolation, RuleViolation } from '../../../src/decision/decision';
import { Actor, EventMetadata, NewEvent, StoredOversightEvent } from '../../../src/events/envelope';
import { OversightEvent } from '../../../src/events/oversight-events';
import { schemaVersionOf } from '../../../src/events/schema-versions';
import { commandDigest, deterministicEventId, uuidFromDigest } from './deterministic-event-id';
import { evolveWithoutId, foldStreamForImport } from './fold-stream-for-import';
import { ImportSource, PlannedCommand } from './planned-command';

/** The metadata an imported event carries besides the envelope's. */
export interface ImportMetadata {
  importedFrom: ImportSource;
  importKey: string;
  importHash: string;
}

export interface ReconcileRequest {
  source: ImportSource;
  childId: string;
  /** the child's stream as stored, in order */
  stream: readonly StoredOversightEvent[];
  /** the commands the merged history gives, in decision order */
  planned: readonly PlannedCommand[];
  context: DecisionContext;
  actor: Actor;
  /** one id for every event of this import run */
  correlationId: string;
  /** `metadata.source` for a planned command, e.g. `ssda903:2019:episodes.csv:42` */
  sourceOf(command: PlannedCommand): string;
}

export type ReconcileResult =
  | { events: NewEvent[]; voided: number; kept: number }
  | { refused: PlannedCommand; violation: RuleViolation };

interface StoredCommand {
  key: string;
  hash: string;
  eventIds: string[];
}

/**
 * Brings a child's imported history in the store up to what the merged records say, through
 * the case decider: the stored commands of this source that still match the plan (same key,
 * same content, in the same order) are kept; from the first that differs, the stored events
 * of this source are voided (never edited) and the rest of the plan is decided again and
 * appended. An unchanged history gives no events, so a second import appends nothing.
 */
export function reconcileChildStream(request: ReconcileRequest): ReconcileResult {
  const { source, childId, stream, planned, context } = request;
  const voidedIds = new Set(stream.flatMap((event) => (event.type === 'RecordVoided' ? [event.data.eventId] : [])));
  const stored = storedCommandsOf(stream, source, voidedIds);
  const digests = planned.map((command) => commandDigest(source, childId, command.key, [command.command, command.details ?? null]));
  const hashes = digests.map((digest) => digest.hash);

  let kept = 0;
  while (kept < stored.length && kept < planned.length && stored[kept].key === planned[kept].key && stored[kept].hash === hashes[kept]) {
    kept += 1;
  }
  if (kept === stored.length && kept === planned.length) return { events: [], voided: 0, kept };

  const takenIds = new Set(stream.map((event) => event.id));
  const events: NewEvent[] = [];
  const metadataFor = (command: PlannedCommand | null, extra: Record<string, unknown>): EventMetadata => ({
    correlationId: request.correlationId,
    causationId: request.correlationId,
    actor: request.actor,
    ...(command && { source: request.sourceOf(command) }),
    ...extra,
  });

  let history: (OversightEvent & { id: string })[] = stream.map((event) => event as OversightEvent & { id: string });
  let state: CaseState = foldStreamForImport(history);
  let voided = 0;
  for (const superseded of stored.slice(kept)) {
    for (const eventId of superseded.eventIds) {
      const decision = decideCase(
        { type: 'voidRecord', childId, eventId, reason: `superseded by a later ${source} import`, voidedOn: context.today },
        state,
        context,
      );
      if (isViolation(decision)) throw new Error(`cannot void ${eventId} of ${childId}: ${decision.violation.message}`);
      for (const event of decision.events) {
        const id = deterministicEventId('void', source, childId, eventId);
        const recorded = { ...event, id } as OversightEvent & { id: string };
        state = evolveCase(state, recorded);
        history = [...history, recorded];
        events.push(toNewEvent(recorded, metadataFor(null, { importedFrom: source, voidOf: superseded.key })));
        takenIds.add(id);
        voided += 1;
      }
    }
  }
  if (voided > 0) state = foldStreamForImport(history);

  for (let index = kept; index < planned.length; index += 1) {
    const command = planned[index];
    const decision = decideCase(command.command, state, context);
    if (isViolation(decision)) return { refused: command, violation: decision.violation };
    decision.events.forEach((event, position) => {
      const id = freshId(takenIds, digests[index].digest, position);
      const recorded = { ...event, id } as OversightEvent & { id: string };
      // nothing appended in this run is voided in it, so the new ids need not be in the state
      state = evolveWithoutId(state, event);
      const importMetadata: ImportMetadata = { importedFrom: source, importKey: command.key, importHash: hashes[index] };
      events.push(toNewEvent(recorded, metadataFor(command, { ...importMetadata, ...(command.details && { [source]: command.details }) })));
    });
  }
  return { events, voided, kept };
}

/** This source's live (not voided) commands in the stream, in order, grouped by their import key. */
function storedCommandsOf(stream: readonly StoredOversightEvent[], source: ImportSource, voidedIds: Set<string>): StoredCommand[] {
  const commands: StoredCommand[] = [];
  for (const event of stream) {
    const metadata = event.metadata as Partial<ImportMetadata>;
    if (metadata.importedFrom !== source || !metadata.importKey || event.type === 'RecordVoided' || voidedIds.has(event.id)) continue;
    const last = commands[commands.length - 1];
    if (last && last.key === metadata.importKey && last.hash === metadata.importHash) last.eventIds.push(event.id);
    else commands.push({ key: metadata.importKey, hash: metadata.importHash ?? '', eventIds: [event.id] });
  }
  return commands;
}

/**
 * The record's event id: the command's digest for its first event, else derived from it with
 * the position; when that id is taken (the record was imported, voided and now comes back),
 * the next generation's.
 */
function freshId(taken: Set<string>, digest: Buffer, position: number): string {
  for (let generation = 0; ; generation += 1) {
    const id = position === 0 && generation === 0
      ? uuidFromDigest(digest)
      : deterministicEventId(digest.toString('hex'), String(position), `generation-${generation}`);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function toNewEvent(event: OversightEvent & { id: string }, metadata: EventMetadata): NewEvent {
  const { id, type, data } = event;
  return { id, type, schemaVersion: schemaVersionOf(event), data: data as unknown as Record<string, unknown>, metadata };
}
