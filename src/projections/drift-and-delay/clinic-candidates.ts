import { CalendarDate } from '../../calendar/calendar-date';
import { KNOWN_CHILD_FILTER } from './child-facts';
import { DRIFT_FLAGS, DriftFlag, DriftFlagName } from './drift-flag';
import { driftFlagsAt, iroOn, openOn, OversightDocument } from './oversight-document';

export interface ClinicCriteria {
  /** the flags asked for; none: every flag */
  flags: readonly DriftFlagName[];
  /** the children allocated to this IRO on asAt */
  iroId?: string;
  asAt: CalendarDate;
  /** an IRO's own list: only the children allocated to them now (today), whatever the date asked for */
  allocatedNow?: { iroId: string; today: CalendarDate };
}

export interface ClinicCandidate {
  childId: string;
  iroId: string | null;
  flags: { flag: DriftFlagName; since: CalendarDate; reason: string }[];
}

/** Where a page of candidates ends: the last candidate's rank. */
export interface ClinicPosition {
  flagCount: number;
  since: CalendarDate;
  childId: string;
}

const flagsAskedFor = (criteria: ClinicCriteria): readonly DriftFlagName[] => (criteria.flags.length > 0 ? criteria.flags : DRIFT_FLAGS);

/**
 * The read-store filter for the children who can have a flag on `asAt` (and are the
 * IRO's then, when one is named): every flag is true only while the child is looked
 * after, on a plan, or named in an open challenge. Which flags are true is then worked
 * out from each document's facts (rankClinicCandidates).
 */
export function clinicCandidatesFilter(criteria: ClinicCriteria): Record<string, unknown> {
  const open = openOn(criteria.asAt);
  const conditions: Record<string, unknown>[] = [{ active: { $elemMatch: open } }, KNOWN_CHILD_FILTER];
  if (criteria.iroId) conditions.push({ iroAllocations: { $elemMatch: { iroId: criteria.iroId, ...open } } });
  const now = criteria.allocatedNow;
  if (now) conditions.push({ iroAllocations: { $elemMatch: { iroId: now.iroId, ...openOn(now.today) } } });
  return { $and: conditions };
}

/**
 * The challenge-clinic candidates on `asAt`: the children with any of the flags asked
 * for, each with those of its flags, ranked by how many flags, then by the
 * longest-standing flag (earliest since), then by child id.
 */
export function rankClinicCandidates(documents: readonly OversightDocument[], criteria: ClinicCriteria): ClinicCandidate[] {
  const asked = new Set(flagsAskedFor(criteria));
  const candidates: ClinicCandidate[] = [];
  for (const document of documents) {
    const flags = flagsOn(document, criteria.asAt).filter((flag) => asked.has(flag.flag));
    if (flags.length === 0) continue;
    const iroId = iroOn(document, criteria.asAt);
    if (criteria.iroId && iroId !== criteria.iroId) continue;
    if (criteria.allocatedNow && iroOn(document, criteria.allocatedNow.today) !== criteria.allocatedNow.iroId) continue;
    candidates.push({ childId: document.childId, iroId, flags: flags.map(({ flag, since, reason }) => ({ flag, since, reason })) });
  }
  return candidates.sort((a, b) => compareRank(clinicPosition(a), clinicPosition(b)));
}

/**
 * The flags of each frozen document on the date last asked, remembered by the document
 * object: a read store that keeps its documents in memory hands out the same frozen
 * object until the child's record changes, so a clinic list asked for again and again
 * while records are being written works out the flags again only for the children
 * whose records changed. A document that is not frozen may still change: never remembered.
 */
const flagsRemembered = new WeakMap<OversightDocument, { asAt: CalendarDate; flags: readonly DriftFlag[] }>();

function flagsOn(document: OversightDocument, asAt: CalendarDate): readonly DriftFlag[] {
  const remembered = flagsRemembered.get(document);
  if (remembered && remembered.asAt === asAt) return remembered.flags;
  const flags = driftFlagsAt(document, asAt);
  if (Object.isFrozen(document)) flagsRemembered.set(document, { asAt, flags });
  return flags;
}

export function clinicPosition(candidate: ClinicCandidate): ClinicPosition {
  const since = candidate.flags.reduce((earliest, flag) => (flag.since < earliest ? flag.since : earliest), candidate.flags[0].since);
  return { flagCount: candidate.flags.length, since, childId: candidate.childId };
}

function compareRank(a: ClinicPosition, b: ClinicPosition): number {
  if (a.flagCount !== b.flagCount) return b.flagCount - a.flagCount;
  if (a.since !== b.since) return a.since < b.since ? -1 : 1;
  return a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0;
}

/**
 * Where a page of the clinic list ended: how many candidates the pages so far gave, and
 * which (a digest of their ids). The ranking moves while records are written (a child
 * with one more flag climbs), so a walk goes on from the count only while the children
 * ranked before it are the same ones; otherwise a child would be skipped or given twice.
 */
export interface ClinicPageCursor {
  seen: number;
  listed: string;
}

/**
 * The page after `after` (from the top when none), and where the next page starts if there
 * is one; `changed` when the children ranked before `after` are no longer those the pages
 * so far gave (the caller starts again from the first page).
 */
export function clinicCandidatesPage(
  ranked: readonly ClinicCandidate[],
  limit: number,
  after?: ClinicPageCursor,
): { items: ClinicCandidate[]; next: ClinicPageCursor | null } | { changed: true } {
  const seen = after?.seen ?? 0;
  if (after && listedDigest(ranked.slice(0, seen)) !== after.listed) return { changed: true };
  const items = ranked.slice(seen, seen + limit);
  const upTo = seen + items.length;
  return { items, next: ranked.length > upTo ? { seen: upTo, listed: listedDigest(ranked.slice(0, upTo)) } : null };
}

/** The children of a run of the list, in any order (FNV-1a over their sorted ids). */
function listedDigest(candidates: readonly ClinicCandidate[]): string {
  let hash = 0x811c9dc5;
  for (const childId of candidates.map((candidate) => candidate.childId).sort()) {
    for (let i = 0; i < childId.length; i += 1) hash = Math.imul(hash ^ childId.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  }
  return `${candidates.length}-${(hash >>> 0).toString(36)}`;
}
