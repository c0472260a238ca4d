import { ID_PATTERN } from '../../src/events/streams';
import { AuditedRead } from '../auth/access-policy';

export interface AuditedRecord {
  recordId: string;
  childIds: string[];
}

const MAX_DEPTH = 16;
/** a link to a child's record, as the report's figure traces give them */
const CHILD_LINK = /^\/children\/([A-Za-z0-9_-]{1,64})(?:[/?]|$)/;

/** A figure id as the annual report names them (`cla.atYearEnd`). */
const FIGURE_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const YEAR = /^\d{4}$/;
/** How much of a malformed id the audit keeps: enough to see what was asked, never unbounded. */
export const KEPT_OF_INVALID_ID = 64;

/**
 * A route parameter as the audit records it: as given when it is a well-formed id, else
 * marked invalid with its length and its first KEPT_OF_INVALID_ID characters (anything
 * outside printable ASCII as `?`), so a refused read of a huge or strange id stays
 * auditable without storing what the caller sent.
 */
export function auditableId(value: string, wellFormed: RegExp = ID_PATTERN): string {
  if (wellFormed.test(value)) return value;
  const kept = value.slice(0, KEPT_OF_INVALID_ID).replace(/[^\x20-\x7E]/g, '?');
  return `(invalid id, ${value.length} characters) ${kept}${value.length > KEPT_OF_INVALID_ID ? '...' : ''}`;
}

/**
 * Every child an answer names: `childId` fields, `childIds` lists, and links to a
 * child's record (`/children/<id>/history`), at any depth.
 */
export function childIdsNamedIn(body: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key: string | null, depth: number): void => {
    if (typeof value === 'string') {
      if (key === 'childId') found.add(value);
      const link = CHILD_LINK.exec(value);
      if (link) found.add(link[1]);
      return;
    }
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, key === 'childIds' ? 'childId' : null, depth + 1);
      return;
    }
    for (const [field, inner] of Object.entries(value as Record<string, unknown>)) walk(inner, field, depth + 1);
  };
  walk(body, null, 0);
  return [...found].sort();
}

/** What a read of a child's record was about, from the route and (once answered) the answer. */
export function auditedRecordOf(audit: AuditedRead, params: Record<string, string>, body: unknown): AuditedRecord {
  const [recordSource, recordField] = audit.recordId.split(':');
  const figure = audit.what === 'figure-trace';
  const recordValue = recordSource === 'param' ? params[recordField] : fieldOf(body, recordField);
  const given = typeof recordValue === 'string' ? recordValue : String(recordValue ?? '');
  const recordId = recordSource === 'param' ? auditableId(given, figure ? FIGURE_ID : ID_PATTERN) : given;

  let childIds: string[];
  if (audit.children === 'named-in-answer') {
    childIds = childIdsNamedIn(body);
  } else {
    // a malformed id names no child; the record id says what was asked
    const value = params[audit.children.slice('param:'.length)];
    childIds = typeof value === 'string' && ID_PATTERN.test(value) ? [value] : [];
  }
  const recordedId = figure && params.year ? `${auditableId(params.year, YEAR)}/${recordId}` : recordId;
  return { recordId: recordedId, childIds };
}

function fieldOf(source: unknown, name: string): unknown {
  return source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
}
