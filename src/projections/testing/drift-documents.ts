import { CalendarDate } from '../../calendar/calendar-date';
import { driftAndDelayProjection } from '../drift-and-delay/drift-and-delay.projection';
import { DriftFlag } from '../drift-and-delay/drift-flag';
import { driftFlagsAt, OVERSIGHT, OversightDocument } from '../drift-and-delay/oversight-document';
import { ProjectionDocument } from '../projection';
import { project } from './in-memory-read-model';
import { OversightHistory } from './oversight-history';

/** The child's drift-and-delay document after the history. */
export function oversightDocument(given: OversightHistory, childId: string): OversightDocument {
  const document = project(driftAndDelayProjection, given.events).get<OversightDocument & ProjectionDocument>(OVERSIGHT, childId);
  if (!document) throw new Error(`no oversight document for ${childId}`);
  return document;
}

export function oversightDocuments(given: OversightHistory): OversightDocument[] {
  return project(driftAndDelayProjection, given.events).all<OversightDocument>(OVERSIGHT);
}

export function flagsOn(given: OversightHistory, childId: string, asAt: CalendarDate): DriftFlag[] {
  return driftFlagsAt(oversightDocument(given, childId), asAt);
}

/** The flag, if the child has it on the date. */
export function flagOn(given: OversightHistory, childId: string, asAt: CalendarDate, flag: DriftFlag['flag']): DriftFlag | undefined {
  return flagsOn(given, childId, asAt).find((f) => f.flag === flag);
}
