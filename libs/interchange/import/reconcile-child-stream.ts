import { decideCase } from '../../../src/case/decide-case';
import { CaseState } from '../../../src/case/case-state';
import { evolveCase } from '../../../src/case/evolve-case';
import { DecisionContext, isViolation, RuleViolation } from '../../../src/decision/decision';
import { Actor, EventMetadata, NewEvent, StoredOversightEvent } from '../../../src/events/envelope';
import { OversightEvent } from '../../../src/events/oversight-events';
import { schemaVersionOf } from '../../../src/events/schema-versions';
import { commandDigest, deterministicEventId, uuidFromDigest } from './deterministic-event-id';
import { foldStreamForImport } from './fold-stream-for-import';
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
  /**
   * the case as `foldStreamForImport(stream)` gives it, when the caller has it already (the
   * state a previous source's reconcile ended with, see ReconcileResult): saves folding the
   * stream again.
   */
  state?: CaseState;
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
  | { events: NewEvent[]; voided: number; kept: number; state: CaseState | null }
  | { refused: PlannedCommand; violation: RuleViolation };

interface StoredCommand {
  key: string;
  hash: string;
  eventIds: string[];
}

/** The ids the stream's voids void: by an import, and by someone else (through the API). */
interface VoidedIds {
  all: Set<string>;
  byImport: Set<string>;
}

/**
 * Brings a child's imported history in the store up to what the merged records say, through
 * the case decider: the stored commands of this source that still match the plan (same key,
 * same content, in the same order) are kept; from the first that differs, the stored events
 * of this source are voided (never edited) and the rest of the plan is decided again and
 * appended. An unchanged history gives no events, so a second import appends nothing.
 * `state` in the result is the case after the events (as `ReconcileRequest.state` takes it),
 * or null when nothing was decided and the stream was not folded.
 */
export function reconcileChildStream(request: ReconcileRequest): ReconcileResult {
  const { source, childId, stream, planned, context, correlationId, actor } = request;
  const voidedIds = voidedIdsOf(stream);
  const stored = storedCommandsOf(stream, source, voidedIds);
  const digests = planned.map((command) => commandDigest(source, childId, command.key, [command.command, command.details ?? null]));

  let kept = 0;
  while (kept < stored.length && kept < planned.length && stored[kept].key === planned[kept].key && stored[kept].hash === digests[kept].hash) {
    kept += 1;
  }
  if (kept === stored.length && kept === planned.length) return { events: [], voided: 0, kept, state: request.state ?? null };

  const takenIds = new Set<string>();
  for (const event of stream) takenIds.add(event.id);
  const events: NewEvent[] = [];

  let state: CaseState = request.state ?? foldStreamForImport(stream as readonly (OversightEvent & { id: string })[]);
  const superseded = stored.slice(kept);
  let voided = 0;
  if (superseded.length > 0) {
    const history: (OversightEvent & { id: string })[] = stream.slice() as (OversightEvent & { id: string })[];
    // latest first: a record is voided only once nothing standing stands on it
    for (const command of [...superseded].reverse()) {
      for (const eventId of [...command.eventIds].reverse()) {
        if (voidedIds.all.has(eventId)) continue; // voided through the API already
        const decision = decideCase(
          { type: 'voidRecord', childId, eventId, reason: `superseded by a later ${source} import`, voidedOn: context.today },
          state,
          context,
        );
        if (isViolation(decision)) {
          // records entered since (through the API) stand on one the return corrects: the child is refused, reported at the first row that differs
          const at = planned[kept] ?? planned[planned.length - 1];
          if (!at) throw new Error(`cannot void ${eventId} of ${childId}: ${decision.violation.message}`);
          const message = `The return corrects this child's imported records from here on, which would void them, but: ${decision.violation.message}`;
          return { refused: at, violation: { rule: decision.violation.rule, message } };
        }
        for (const event of decision.events) {
          const id = deterministicEventId('void', source, childId, eventId);
          const recorded = { ...event, id } as OversightEvent & { id: string };
          state = evolveCase(state, recorded);
          history.push(recorded);
          const metadata: EventMetadata = { correlationId, causationId: correlationId, actor, importedFrom: source, voidOf: command.key };
          events.push(toNewEvent(event, id, metadata));
          takenIds.add(id);
          voided += 1;
        }
      }
    }
    state = foldStreamForImport(history);
  }

  for (let index = kept; index < planned.length; index += 1) {
    const command = planned[index];
    const decision = decideCase(command.command, state, context);
    if (isViolation(decision)) return { refused: command, violation: decision.violation };
    const { hash, digest } = digests[index];
    const from = request.sourceOf(command);
    for (let position = 0; position < decision.events.length; position += 1) {
      const event = decision.events[position];
      const id = freshId(takenIds, digest, position);
      state = evolveCase(state, { ...event, id } as OversightEvent & { id: string });
      const metadata: EventMetadata = {
        correlationId, causationId: correlationId, actor, source: from,
        importedFrom: source, importKey: command.key, importHash: hash,
      };
      if (command.details) metadata[source] = command.details;
      events.push(toNewEvent(event, id, metadata));
    }
  }
  return { events, voided, kept, state };
}

function voidedIdsOf(stream: readonly StoredOversightEvent[]): VoidedIds {
  const voided: VoidedIds = { all: new Set(), byImport: new Set() };
  for (const event of stream) {
    if (event.type !== 'RecordVoided') continue;
    voided.all.add(event.data.eventId);
    if ((event.metadata as Partial<ImportMetadata>).importedFrom !== undefined) voided.byImport.add(event.data.eventId);
  }
  return voided;
}

/**
 * This source's commands in the stream, in order, grouped by their import key: the live
 * ones, and those a person voided through the API, which count as still imported (the
 * same file imported again must not enter again what a person took out); those an import
 * voided (superseded) do not.
 */
function storedCommandsOf(stream: readonly StoredOversightEvent[], source: ImportSource, voidedIds: VoidedIds): StoredCommand[] {
  const commands: StoredCommand[] = [];
  for (const event of stream) {
    const metadata = event.metadata as Partial<ImportMetadata>;
    if (metadata.importedFrom !== source || !metadata.importKey || event.type === 'RecordVoided' || voidedIds.byImport.has(event.id)) continue;
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
function freshId(taken: Set<string>, digest: string, position: number): string {
  for (let generation = 0; ; generation += 1) {
    const id = position === 0 && generation === 0
      ? uuidFromDigest(digest)
      : deterministicEventId(digest, String(position), `generation-${generation}`);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function toNewEvent(event: OversightEvent, id: string, metadata: EventMetadata): NewEvent {
  return { id, type: event.type, schemaVersion: schemaVersionOf(event), data: event.data as unknown as Record<string, unknown>, metadata };
}
