import { CaseCommand } from '../../../src/case/case-commands';
import { ReasonCeased, ReasonPlaceChange } from '../../../src/events/codes';
import { inDecisionOrder, PHASE, PlannedCommand } from '../import/planned-command';
import { formatDfeDate } from './dfe-date';
import { isOutsideAuthority } from './postcode-district';
import { CONTINUES_SAME_DAY, RNE_CHANGES_LEGAL_STATUS, RNE_CHANGES_PLACEMENT } from './ssda903-codes';
import { ChildSsda903History, EpisodeRecord, episodeDetailsOf } from './ssda903-records';

export interface Ssda903PlanOptions {
  /** the child is registered by another source (a CIN census): do not register it again */
  registeredElsewhere: boolean;
  authorityDistricts: ReadonlySet<string>;
}

/**
 * The case commands a child's SSDA903 rows give, in decision order: the header registers
 * the child; an episode that does not continue the one before (REC X1, same day) starts a
 * period of care, and one that does changes the legal status (RNE L), the placement
 * (P, T) or both (B, U); an ending other than X1 ends the period; each review is held.
 * An episode that does not continue a known one but has RNE other than S continues a period
 * that began before the earliest return imported: the period is taken to start there.
 */
export function planSsda903Commands(history: ChildSsda903History, options: Ssda903PlanOptions): PlannedCommand[] {
  const { childId, header, episodes, reviews } = history;
  const planned: PlannedCommand[] = [];
  if (header && !options.registeredElsewhere) {
    planned.push({
      key: 'header',
      command: { type: 'registerChild', childId, dateOfBirth: header.dateOfBirth, sex: header.sex, ethnicity: header.ethnicity },
      origin: header.origin,
      ...(header.year !== undefined && { year: header.year }),
      column: 'CHILD',
      value: childId,
      date: '',
      phase: PHASE.register,
    });
  }

  episodes.forEach((episode, index) => {
    const previous = index > 0 ? episodes[index - 1] : null;
    const continues = previous !== null && previous.rec === CONTINUES_SAME_DAY && previous.dec === episode.decom && episode.rne !== 'S';
    const at = (part: string, command: CaseCommand, column: string, value: string, phase: number): PlannedCommand => ({
      key: `episode:${episode.decom}:${part}`,
      command,
      details: episodeDetailsOf(episode),
      origin: episode.origin,
      ...(episode.year !== undefined && { year: episode.year }),
      column,
      value,
      date: episode.decom,
      phase,
    });
    const outside = isOutsideAuthority(episode.plPost, options.authorityDistricts);
    if (!continues) {
      planned.push(at('start', {
        type: 'startCare', childId, startDate: episode.decom, legalStatus: episode.ls, placementType: episode.place,
        placedOutsideLocalAuthority: outside, ...(episode.cin !== '' && { categoryOfNeed: episode.cin }),
      }, 'DECOM', formatDfeDate(episode.decom), PHASE.start));
    } else {
      if (RNE_CHANGES_LEGAL_STATUS.includes(episode.rne)) {
        planned.push(at('legal', { type: 'changeLegalStatus', childId, effectiveDate: episode.decom, legalStatus: episode.ls },
          'LS', episode.ls, PHASE.change));
      }
      if (RNE_CHANGES_PLACEMENT.includes(episode.rne)) {
        const reason = previous!.reasonPlaceChange as ReasonPlaceChange | null;
        planned.push(at('placement', {
          type: 'changePlacement', childId, effectiveDate: episode.decom, placementType: episode.place,
          placedOutsideLocalAuthority: outside, ...(reason !== null && { reasonForChange: reason }),
        }, 'PLACE', episode.place, PHASE.change));
      }
    }
    if (episode.dec !== null && episode.rec !== null && episode.rec !== CONTINUES_SAME_DAY) {
      planned.push(endOf(episode));
    }
  });

  for (const review of reviews) {
    planned.push({
      key: `review:${review.heldOn}`,
      command: {
        type: 'holdReview', childId, reviewId: `${childId}:review-${review.heldOn}`, heldOn: review.heldOn,
        chairIroId: 'unknown', participation: review.participation, iroVisitedBeforeReview: null,
      },
      origin: review.origin,
      ...(review.year !== undefined && { year: review.year }),
      column: 'REVIEW',
      value: formatDfeDate(review.heldOn),
      date: review.heldOn,
      phase: PHASE.review,
    });
  }
  return inDecisionOrder(planned);
}

function endOf(episode: EpisodeRecord): PlannedCommand {
  const dec = episode.dec!;
  return {
    key: `episode:${episode.decom}:end`,
    command: { type: 'endCare', childId: episode.childId, endDate: dec, reasonCeased: episode.rec as ReasonCeased },
    origin: episode.origin,
    ...(episode.year !== undefined && { year: episode.year }),
    column: 'DEC',
    value: formatDfeDate(dec),
    date: dec,
    phase: PHASE.end,
  };
}
