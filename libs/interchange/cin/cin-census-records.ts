import { CalendarDate } from '../../../src/calendar/calendar-date';
import { CategoryOfAbuse, EthnicityCode, Sex } from '../../../src/events/codes';
import { RowOrigin } from '../report/import-issue';

/** A child protection plan from a CIN census, with the section 47 enquiry and initial conference that began it when known. */
export interface ChildProtectionPlanRecord {
  startDate: CalendarDate;
  endDate: CalendarDate | null;
  initialCategoryOfAbuse: CategoryOfAbuse;
  numberOfPreviousPlans: number;
  reviewDates: CalendarDate[];
  /** S47ActualStartDate of the enquiry whose initial conference started the plan */
  section47StartDate: CalendarDate | null;
  /** DateOfInitialCPC, the plan's start when known */
  initialConferenceDate: CalendarDate | null;
  origin?: RowOrigin;
}

/** A section 47 enquiry whose initial conference decided no plan. */
export interface InitialConferenceWithoutPlanRecord {
  section47StartDate: CalendarDate;
  initialConferenceDate: CalendarDate;
  origin?: RowOrigin;
}

export interface CinChildIdentity {
  dateOfBirth: CalendarDate | null;
  expectedDateOfBirth: CalendarDate | null;
  sex: Sex;
  ethnicity: EthnicityCode | null;
  origin?: RowOrigin;
}

/** One child's child protection history from a census (or, merged, from the store and a census). */
export interface CinChildHistory {
  childId: string;
  identity: CinChildIdentity | null;
  /** by start date */
  plans: ChildProtectionPlanRecord[];
  /** by conference date */
  conferencesWithoutPlan: InitialConferenceWithoutPlanRecord[];
}
