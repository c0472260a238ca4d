/**
 * Codes the events carry. Where the DfE has a code (SSDA903, CIN census) we use it,
 * so that a local authority's returns import without translation.
 * See ../shared/reference/csc-data.md.
 */
export const SEXES = ['male', 'female', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** SSDA903 LS (legal status). V3 / V4 are short breaks, left out of CLA figures. */
export const LEGAL_STATUSES = ['C1', 'C2', 'D1', 'E1', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3', 'V2', 'V3', 'V4'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
export const SHORT_BREAK_LEGAL_STATUSES: readonly LegalStatus[] = ['V3', 'V4'];
export const CARE_ORDER_LEGAL_STATUSES: readonly LegalStatus[] = ['C1', 'C2'];

/** SSDA903 PLACE (placement type). T0-T4 are temporary placements. */
export const PLACEMENT_TYPES = [
  'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1',
  'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1', 'Z11', 'Z12', 'Z13', 'Z14',
] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];
export const TEMPORARY_PLACEMENT_TYPES: readonly PlacementType[] = ['T0', 'T1', 'T2', 'T3', 'T4'];
export const ADOPTION_PLACEMENT_TYPES: readonly PlacementType[] = ['A3', 'A4', 'A5', 'A6'];

/** SSDA903 REC (reason episode ceased) that end a period of care (X1 continues it). */
export const REASONS_CEASED = [
  'E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17', 'E2', 'E3', 'E41', 'E45', 'E46', 'E47', 'E48',
  'E4A', 'E4B', 'E5', 'E6', 'E7', 'E8', 'E9',
] as const;
export type ReasonCeased = (typeof REASONS_CEASED)[number];

/** SSDA903 REASON_PLACE_CHANGE */
export const REASONS_PLACE_CHANGE = ['ALLEG', 'APPRR', 'CARPL', 'CHILD', 'CLOSE', 'CREQB', 'CREQO', 'CUSTOD', 'LAREQ', 'OTHER', 'PLACE', 'STAND'] as const;
export type ReasonPlaceChange = (typeof REASONS_PLACE_CHANGE)[number];

/** SSDA903 CIN (category of need) */
export const CATEGORIES_OF_NEED = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'] as const;
export type CategoryOfNeed = (typeof CATEGORIES_OF_NEED)[number];

/** SSDA903 REVIEW_CODE: participation of the child in the review. */
export const PARTICIPATION_CODES = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'] as const;
export type ParticipationCode = (typeof PARTICIPATION_CODES)[number];

/** CIN census category of abuse at the start of a plan. */
export const CATEGORIES_OF_ABUSE = ['NEG', 'EMO', 'PHY', 'SAB', 'MUL'] as const;
export type CategoryOfAbuse = (typeof CATEGORIES_OF_ABUSE)[number];

export const CONFERENCE_TYPES = ['initial', 'review'] as const;
export type ConferenceType = (typeof CONFERENCE_TYPES)[number];

export const CONFERENCE_OUTCOMES = ['plan-started', 'plan-continued', 'plan-ended', 'no-plan'] as const;
export type ConferenceOutcome = (typeof CONFERENCE_OUTCOMES)[number];

/** Issues Resolution Process stages, lowest first. */
export const CHALLENGE_STAGES = [1, 2, 3, 4, 'cafcass'] as const;
export type ChallengeStage = (typeof CHALLENGE_STAGES)[number];
export const stageRank = (stage: ChallengeStage): number => CHALLENGE_STAGES.indexOf(stage);

export const CHALLENGE_CATEGORIES = [
  'drift-and-delay', 'care-planning', 'permanence', 'placement', 'statutory-visits', 'health',
  'education', 'contact', 'legal-status', 'assessment', 'participation', 'other',
] as const;
export type ChallengeCategory = (typeof CHALLENGE_CATEGORIES)[number];

export const CHALLENGE_OUTCOMES = ['resolved', 'recovery-plan-agreed', 'not-upheld', 'withdrawn'] as const;
export type ChallengeOutcome = (typeof CHALLENGE_OUTCOMES)[number];

/** SSDA903 ETHNIC codes. */
export const ETHNICITY_CODES = [
  'WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN',
  'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
] as const;
export type EthnicityCode = (typeof ETHNICITY_CODES)[number];

export const ROLES = ['iro', 'manager', 'panel', 'auditor', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];
