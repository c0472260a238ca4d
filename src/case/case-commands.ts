import { CalendarDate } from '../calendar/calendar-date';
import {
  CategoryOfAbuse, CategoryOfNeed, ConferenceOutcome, ConferenceType, EthnicityCode, LegalStatus,
  ParticipationCode, PlacementType, ReasonCeased, ReasonPlaceChange, Sex,
} from '../events/codes';

/** Commands on a child's case (stream child-<childId>). Field names follow the HTTP API. */
export type CaseCommand =
  | { type: 'registerChild'; childId: string; dateOfBirth?: CalendarDate; expectedDateOfBirth?: CalendarDate; sex: Sex; ethnicity?: EthnicityCode; familyId?: string }
  | { type: 'startCare'; childId: string; startDate: CalendarDate; legalStatus: LegalStatus; placementType: PlacementType; placedOutsideLocalAuthority: boolean; categoryOfNeed?: CategoryOfNeed }
  | { type: 'changePlacement'; childId: string; effectiveDate: CalendarDate; placementType: PlacementType; placedOutsideLocalAuthority: boolean; reasonForChange?: ReasonPlaceChange }
  | { type: 'changeLegalStatus'; childId: string; effectiveDate: CalendarDate; legalStatus: LegalStatus }
  | { type: 'endCare'; childId: string; endDate: CalendarDate; reasonCeased: ReasonCeased }
  | { type: 'allocateIro'; childId: string; iroId: string; effectiveDate: CalendarDate }
  | {
      type: 'holdReview'; childId: string; reviewId: string; heldOn: CalendarDate; chairIroId: string;
      participation: ParticipationCode; iroVisitedBeforeReview: boolean | null;
      permanencePlanInPlace?: boolean; lateReason?: string;
    }
  | {
      type: 'holdCPConference'; childId: string; conferenceId: string; conferenceType: ConferenceType;
      heldOn: CalendarDate; strategyDiscussionOn?: CalendarDate; chairIroId: string; outcome: ConferenceOutcome;
      categoryOfAbuse?: CategoryOfAbuse; previousPlanCount?: number;
    }
  | { type: 'startChildProtectionPlan'; childId: string; startDate: CalendarDate; categoryOfAbuse: CategoryOfAbuse; previousPlanCount?: number; reason?: string }
  | { type: 'endChildProtectionPlan'; childId: string; endDate: CalendarDate; reason?: string }
  | { type: 'voidRecord'; childId: string; eventId: string; reason: string; voidedOn: CalendarDate };

export type CaseCommandType = CaseCommand['type'];
