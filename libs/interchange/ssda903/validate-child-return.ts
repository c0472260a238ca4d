import { addMonths } from '../../../src/calendar/calendar-months';
import { ImportIssue, issueAt, RowOrigin } from '../report/import-issue';
import { formatDfeDate } from './dfe-date';
import { CollectionYear } from './collection-year';
import { isShortBreakLegalStatus, isTemporaryPlacement } from '../../../src/case/dfe-episode-rules';
import { CONTINUES_SAME_DAY, RNE_CHANGES_PLACEMENT } from './ssda903-codes';
import { ChildSsda903History, EpisodeRecord, ReviewRecord } from './ssda903-records';

const isTemporary = isTemporaryPlacement;
const UNKNOWN_ORIGIN: RowOrigin = { file: '', row: 0 };

/**
 * The DfE's checks across one child's rows in a return (csc-data.md §1.3): the episodes
 * as a sequence, and the reviews against the episodes and the child's date of birth.
 * `history` holds only rows that passed their own checks, sorted by date.
 */
export function validateChildReturn(history: ChildSsda903History, year: CollectionYear): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const { childId, header, episodes, reviews } = history;
  const fail = (origin: RowOrigin | undefined, column: string, value: string, rule: string, message: string): void => {
    issues.push(issueAt(origin ?? UNKNOWN_ORIGIN, column, value, rule, message, childId));
  };

  if (!header) {
    for (const row of [...episodes, ...reviews]) {
      fail(row.origin, 'CHILD', childId, 'child-not-in-header', `Child ${childId} has no row in the header table.`);
    }
    return issues;
  }

  episodes.forEach((episode, index) => {
    const previous = index > 0 ? episodes[index - 1] : null;
    const next = index + 1 < episodes.length ? episodes[index + 1] : null;
    const decom = episode.decom;
    if (episode.decom < header.dateOfBirth) {
      fail(episode.origin, 'DECOM', formatDfeDate(decom), 'before-birth', "The episode starts before the child's date of birth.");
    }
    if (previous && previous.decom === episode.decom) {
      fail(episode.origin, 'DECOM', formatDfeDate(decom), 'duplicate-episode', 'Another episode of this child starts on the same day.');
      return;
    }
    if (!previous) {
      if (episode.rne !== 'S' && episode.decom >= year.start) {
        fail(episode.origin, 'RNE', episode.rne, 'dfe-357',
          "The child's first episode starts in the year, so it starts a period of care: RNE must be S.");
      }
    } else {
      checkAfterPrevious(episode, previous, episodes[index - 2] ?? null, fail);
    }
    checkEnding(episode, next, fail);
  });
  checkTemporaryHolidayPlacements(episodes, fail);

  // under 4 on a date before the fourth birthday: the same as ageOn(dob, date) < 4, without parsing every review's date
  const fourthBirthday = `${String(Number(header.dateOfBirth.slice(0, 4)) + 4).padStart(4, '0')}${header.dateOfBirth.slice(4)}`;
  let previousReview: ReviewRecord | null = null;
  for (const review of reviews) {
    const heldOn = (): string => formatDfeDate(review.heldOn);
    if (previousReview && previousReview.heldOn === review.heldOn) {
      fail(review.origin, 'REVIEW', heldOn(), 'duplicate-review', 'Another review of this child is on the same day.');
    }
    previousReview = review;
    if (review.dateOfBirth !== header.dateOfBirth) {
      fail(review.origin, 'DOB', formatDfeDate(review.dateOfBirth), 'dob-mismatch', 'DOB differs from the header table.');
    }
    const episode = episodes.find((e) => e.decom <= review.heldOn && (e.dec === null || review.heldOn <= e.dec));
    if (!episode) {
      fail(review.origin, 'REVIEW', heldOn(), 'not-in-care', 'The child is in no episode of care on the review date.');
    } else if (isShortBreakLegalStatus(episode.ls)) {
      fail(review.origin, 'REVIEW', heldOn(), 'dfe-399',
        'No review is recorded for a child on short breaks (legal status V3 or V4).');
    }
    const underFour = review.heldOn < fourthBirthday;
    if (underFour !== (review.participation === 'PN0')) {
      fail(review.origin, 'REVIEW_CODE', review.participation, 'participation-age',
        'PN0 is for a child under 4 on the review date, and only for them (DfE rules 440/441).');
    }
  }
  return issues;
}

type Fail = (origin: RowOrigin | undefined, column: string, value: string, rule: string, message: string) => void;

/** How an episode follows the one before it (rules 142, 431, 432, 433, 434, 383). */
function checkAfterPrevious(episode: EpisodeRecord, previous: EpisodeRecord, beforePrevious: EpisodeRecord | null, fail: Fail): void {
  const decom = (): string => formatDfeDate(episode.decom);
  if (previous.dec === null || previous.dec > episode.decom) {
    fail(episode.origin, 'DECOM', decom(), 'dfe-142', 'The episode starts before the previous episode has ended.');
    return;
  }
  const continues = previous.rec === CONTINUES_SAME_DAY;
  if (episode.rne === 'S') {
    if (previous.dec === episode.decom) {
      fail(episode.origin, 'DECOM', decom(), 'dfe-431', 'A new period of care (RNE S) cannot start on the day the previous episode ended.');
    }
    return;
  }
  if (!continues) {
    fail(episode.origin, 'RNE', episode.rne, 'dfe-432', 'The previous episode ended the period of care, so this one must have RNE S.');
    return;
  }
  if (previous.dec !== episode.decom) {
    fail(episode.origin, 'DECOM', decom(), 'dfe-433', 'A continuing episode starts on the day the previous one ended.');
    return;
  }
  if (episode.rne === 'L') {
    const placementSame = episode.place === previous.place && episode.urn === previous.urn && episode.plPost === previous.plPost;
    if (!placementSame || episode.ls === previous.ls) {
      fail(episode.origin, 'RNE', episode.rne, 'dfe-434',
        'RNE L means the legal status changed while PLACE, URN and PL_POST stayed the same.');
    }
  }
  if (isTemporary(previous.place) && beforePrevious && beforePrevious.rec === CONTINUES_SAME_DAY &&
    beforePrevious.dec === previous.decom && !isTemporary(beforePrevious.place) &&
    (episode.rne !== 'P' || episode.place !== beforePrevious.place)) {
    fail(episode.origin, 'RNE', episode.rne, 'dfe-383',
      'After a temporary placement the child returns to the placement before it, with RNE P.');
  }
}

/** How an episode ends (rules 388, 225, 226, 380, 381). */
function checkEnding(episode: EpisodeRecord, next: EpisodeRecord | null, fail: Fail): void {
  const continuesInto = next && next.decom === episode.dec && next.rne !== 'S' ? next : null;
  if (episode.rne === 'S' && isTemporary(episode.place)) {
    fail(episode.origin, 'PLACE', episode.place, 'dfe-380', 'A period of care cannot start with a temporary placement (T0 to T4).');
  }
  if (episode.rec === CONTINUES_SAME_DAY && !continuesInto) {
    fail(episode.origin, 'REC', episode.rec, 'dfe-388', 'REC X1 needs a continuing episode starting the same day.');
  }
  if (episode.rec !== null && episode.rec !== CONTINUES_SAME_DAY && isTemporary(episode.place)) {
    fail(episode.origin, 'REC', episode.rec, 'dfe-381', 'A period of care cannot end with a temporary placement (T0 to T4).');
  }
  if (episode.reasonPlaceChange !== null && isTemporary(episode.place)) {
    fail(episode.origin, 'REASON_PLACE_CHANGE', episode.reasonPlaceChange, 'dfe-226',
      'REASON_PLACE_CHANGE must be blank when the episode is a temporary placement (T0 to T4).');
  }
  if (episode.reasonPlaceChange !== null && episode.dec === null) {
    fail(episode.origin, 'REASON_PLACE_CHANGE', episode.reasonPlaceChange, 'dfe-233',
      'REASON_PLACE_CHANGE must be blank while the episode is open (no DEC): the reason is recorded on the episode that ends with the change.');
  }
  if (continuesInto && RNE_CHANGES_PLACEMENT.includes(continuesInto.rne) && !isTemporary(continuesInto.place) &&
    !isTemporary(episode.place) && episode.reasonPlaceChange === null) {
    fail(episode.origin, 'REASON_PLACE_CHANGE', '', 'dfe-225',
      'The placement changes in the next episode, so the reason for the change is recorded on this one.');
  }
}

/** At most two T3 placements (foster carer on holiday) in any 12 months (rule 377). */
function checkTemporaryHolidayPlacements(episodes: EpisodeRecord[], fail: Fail): void {
  const holidays = episodes.filter((episode) => episode.place === 'T3');
  for (let index = 2; index < holidays.length; index += 1) {
    if (holidays[index].decom < addMonths(holidays[index - 2].decom, 12)) {
      fail(holidays[index].origin, 'PLACE', 'T3', 'dfe-377', 'More than two T3 placements within 12 months.');
    }
  }
}
