import { AuditedRead } from '../auth/access-policy';

export interface AuditedRecord {
  recordId: string;
  childIds: string[];
}

const MAX_DEPTH = 16;
/** a link to a child's record, as the report's figure traces give them */
const CHILD_LINK = /^\/children\/([A-Za-z0-9_-]{1,64})(?:[/?]|$)/;

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
  const recordValue = recordSource === 'param' ? params[recordField] : fieldOf(body, recordField);
  const recordId = typeof recordValue === 'string' ? recordValue : String(recordValue ?? '');

  let childIds: string[];
  if (audit.children === 'named-in-answer') {
    childIds = childIdsNamedIn(body);
  } else {
    const value = params[audit.children.slice('param:'.length)];
    childIds = typeof value === 'string' ? [value] : [];
  }
  const recordedId = audit.what === 'figure-trace' && params.year ? `${params.year}/${recordId}` : recordId;
  return { recordId: recordedId, childIds };
}

function fieldOf(source: unknown, name: string): unknown {
  return source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
}
