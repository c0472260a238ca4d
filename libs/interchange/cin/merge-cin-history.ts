import { CollectionYear } from '../ssda903/collection-year';
import { ChildProtectionPlanRecord, CinChildHistory } from './cin-census-records';

const openDuring = (plan: ChildProtectionPlanRecord, year: CollectionYear): boolean =>
  plan.startDate <= year.end && (plan.endDate === null || plan.endDate >= year.start);
const inYear = (date: string, year: CollectionYear): boolean => date >= year.start && date <= year.end;

/**
 * What the store holds from earlier censuses with a census for `year` laid over it, as for
 * SSDA903 returns: the census is the whole truth for the plans open during its year and the
 * initial conferences in it. A plan it shows still open at its year end keeps the ending
 * and the later reviews a later census gave it; a plan it gives without the enquiry and
 * initial conference behind it (they were in an earlier census) keeps the stored ones.
 */
export function mergeCinHistory(stored: CinChildHistory, incoming: CinChildHistory, year: CollectionYear): CinChildHistory {
  const incomingStarts = new Set(incoming.plans.map((plan) => plan.startDate));
  const storedByStart = new Map(stored.plans.map((plan) => [plan.startDate, plan]));
  const plans = stored.plans.filter((plan) => !incomingStarts.has(plan.startDate) && !openDuring(plan, year));
  for (const plan of incoming.plans) {
    const before = storedByStart.get(plan.startDate);
    if (!before) {
      plans.push(plan);
      continue;
    }
    const keepsLaterEnd = plan.endDate === null && before.endDate !== null && before.endDate > year.end;
    const reviewDates = [...new Set([...plan.reviewDates, ...before.reviewDates.filter((date) => !inYear(date, year))])].sort();
    plans.push({
      ...plan,
      endDate: keepsLaterEnd ? before.endDate : plan.endDate,
      reviewDates,
      section47StartDate: plan.section47StartDate ?? before.section47StartDate,
      initialConferenceDate: plan.initialConferenceDate ?? before.initialConferenceDate,
    });
  }
  const conferencesWithoutPlan = [
    ...stored.conferencesWithoutPlan.filter((conference) => !inYear(conference.initialConferenceDate, year)),
    ...incoming.conferencesWithoutPlan,
  ].sort((a, b) => (a.initialConferenceDate < b.initialConferenceDate ? -1 : 1));
  return {
    childId: incoming.childId,
    identity: incoming.identity ?? stored.identity,
    plans: plans.sort((a, b) => (a.startDate < b.startDate ? -1 : 1)),
    conferencesWithoutPlan,
  };
}
