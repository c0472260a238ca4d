import { Decision, reject } from '../decision/decision';

/**
 * Rules shared by the child's case and the challenge. Ids are stable (clients and docs
 * name them); the API answers 409 with the id, except `*-not-registered` / `*-not-found` (404).
 */
export const RECORD_RULES = {
  'date-in-future': 'A record cannot be dated after today.',
  'before-birth':
    "A record cannot be dated before the child's birth. Child protection conferences, a plan start or end " +
    'and an IRO allocation may be dated in the pregnancy (a pre-birth plan), nothing else.',
  'child-not-registered': 'The child is not registered.',
  'void-unknown-event': 'Only a record of this same stream can be voided.',
  'void-already-voided': 'The record is already voided.',
  'void-cannot-be-voided': 'A void cannot itself be voided; enter the record again instead.',
  'void-has-dependent-records':
    "A record cannot be voided while standing records depend on it (a period of care's placements, legal statuses, " +
    'reviews and ending on its start; a review on the earlier reviews of its period, and the first one of a period ' +
    'begun as short breaks on the legal status it is counted from; a care start on the previous ' +
    "care ending; a plan's review conferences and ending on its start; a review conference on the earlier ones of " +
    "its plan; a plan start or initial conference on the previous plan's ending; each step of a challenge on the " +
    'steps before it). Void those first, latest first.',
} as const;

/** Every rule the child's case decider enforces, by id, in plain words. */
export const CASE_RULES = {
  ...RECORD_RULES,
  'child-already-registered': 'The child is already registered.',
  'exactly-one-birth-date': 'A child is registered with a date of birth or, unborn, an expected date of birth: exactly one.',
  'not-in-care': 'A placement, legal status, care ending or review needs the child to be in care on that date.',
  'already-in-care': 'Care cannot start while the child is already in care.',
  'not-a-child':
    'Care, an initial child protection conference and a plan start are for a child: not on or after the 18th birthday (Children Act 1989 s105).',
  'care-start-before-last-care-end': 'A period of care cannot start before the previous one ended.',
  'care-restart-same-day':
    'A new period of care cannot start on the day the previous one ended (DfE rule 431): that is one period, with a change of legal status or placement.',
  'care-end-before-last-record': 'Care cannot end before the last placement, legal status or review recorded in the period.',
  'review-before-last-review': 'A review cannot be dated before the last review of the same period of care.',
  'review-same-day':
    'A period of care has one looked-after review a day: a second review dated on the day of its last review is refused ' +
    '(the same meeting entered twice would count twice and move the next due date on).',
  'review-already-recorded':
    "A review id is recorded once for a child: a review whose id a standing review of the child already has is refused (void that review to enter it again).",
  'participation-age':
    'Participation PN0 is for a child under 4 on the review date, and only for them (DfE rules 440/441).',
  'no-open-plan': 'A review conference or plan ending needs an open child protection plan.',
  'plan-already-open':
    'An initial conference or a plan start is not possible on a date a child protection plan was open, ' +
    'whether or not it has ended since, nor before a plan that is still open.',
  'strategy-discussion-required': 'An initial conference needs the date of the strategy discussion.',
  'strategy-discussion-after-conference': 'The strategy discussion cannot be after the initial conference.',
  'category-of-abuse-required': 'A plan starts with a category of abuse.',
  'conference-outcome-not-allowed':
    'An initial conference starts a plan or decides no plan; a review conference continues or ends the plan.',
  'conference-same-day':
    'A child has one child protection conference a day, and a plan is not reviewed on the day it started: a conference dated on ' +
    'the day of one already recorded, or a review conference on its plan\'s first day, is refused ' +
    '(it would count twice, move the next review conference on, or start and end a plan on one day, CIN census rule 8840).',
  'conference-before-last-conference':
    "A review conference cannot be dated before the plan's last conference or its start.",
  'plan-start-before-last-plan-end': 'A plan cannot start before the previous plan ended.',
  'plan-end-before-last-conference': "A plan cannot end before its last conference or its start.",
  'plan-end-on-start-day':
    'A child protection plan cannot end on the day it started (CIN census rule 8840): void the plan start if it was entered wrongly.',
  'care-start-temporary-placement':
    'A period of care cannot start with a temporary placement, T0 to T4 (DfE rule 380).',
  'care-end-temporary-placement':
    'A period of care cannot end while the child is in a temporary placement, T0 to T4 (DfE rule 381).',
  'review-due-date-would-move':
    "A legal status off short breaks cannot be dated before the day a period's first review was counted from while " +
    "the period's reviews stand: it would move their due dates. Void them first.",
  'review-on-short-breaks':
    'No looked-after review is recorded for a child on short breaks, legal status V3 or V4 (DfE rule 399).',
  'placement-age':
    'Registered supported accommodation (K3) is for a child aged 16 or over on the placement date (DfE rule 371, from the 2024-25 year, 1/4/2024).',
  'placement-type-withdrawn':
    'A placement type cannot be recorded from the date the DfE withdrew it: P2 from 28/10/2023 (DfE rule 217); ' +
    'H5, P2 and Z1 from the 2025-26 year, 1/4/2025 (DfE rule 146).',
} as const;

export type RecordRuleId = keyof typeof RECORD_RULES;
export type CaseRuleId = keyof typeof CASE_RULES;

/** A refusal naming one of the case's rules. */
export const refuseCase = (rule: CaseRuleId, message: string): Decision => reject(rule, message);
