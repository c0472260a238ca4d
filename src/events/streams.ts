export const childStream = (childId: string): string => `child-${childId}`;
export const challengeStream = (challengeId: string): string => `challenge-${challengeId}`;
export const accessAuditStream = (day: string): string => `audit-access-${day}`;

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
