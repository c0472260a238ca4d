import { CalendarDate } from '../calendar/calendar-date';
import { addWorkingDays } from '../calendar/working-days';
import { LocalAuthorityConfig } from '../config/local-authority-config';
import { ChallengeStage } from '../events/codes';

/**
 * The response deadline of an Issues Resolution Process stage entered on `enteredOn`:
 * the authority's configured working days for stages 1-4. A Cafcass referral has no
 * IRP deadline, so null.
 */
export function stageResponseDueBy(
  stage: ChallengeStage,
  enteredOn: CalendarDate,
  config: Pick<LocalAuthorityConfig, 'stageDeadlineWorkingDays'>,
): CalendarDate | null {
  if (stage === 'cafcass') return null;
  return addWorkingDays(enteredOn, config.stageDeadlineWorkingDays[String(stage) as '1' | '2' | '3' | '4']);
}
