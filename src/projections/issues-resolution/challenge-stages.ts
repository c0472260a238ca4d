import { ChallengeStage, CHALLENGE_STAGES } from '../../events/codes';

/** Stages as read-model keys (and query values): '1', '2', '3', '4', 'cafcass'. */
export const STAGE_KEYS = ['1', '2', '3', '4', 'cafcass'] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

export const stageKey = (stage: ChallengeStage): StageKey => String(stage) as StageKey;

export function isStageKey(value: unknown): value is StageKey {
  return typeof value === 'string' && (STAGE_KEYS as readonly string[]).includes(value);
}

export const stageOf = (key: StageKey): ChallengeStage => CHALLENGE_STAGES[STAGE_KEYS.indexOf(key)];

export const rankOf = (key: StageKey): number => STAGE_KEYS.indexOf(key);

/** A map with every stage key, each starting at `initial`. */
export function byStage<T>(initial: () => T): Record<StageKey, T> {
  return Object.fromEntries(STAGE_KEYS.map((key) => [key, initial()])) as Record<StageKey, T>;
}
