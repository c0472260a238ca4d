import { createHash, randomUUID } from 'node:crypto';
import { uuidFromDigest } from '../../../libs/interchange/import/deterministic-event-id';
import { CommandOrigin } from '../../../libs/nest/commands/command-origin';

/**
 * An id the API makes up when the caller gives none (a challenge's, a review's, a
 * conference's). Under an Idempotency-Key it is derived from the caller and the key, so a
 * retry of the request names the same record (and, after a crash, finds it recorded)
 * instead of making a second one; otherwise a random uuid.
 */
export function generatedId(what: string, origin: CommandOrigin): string {
  const { idempotencyKey, actor } = origin.metadata;
  if (idempotencyKey === undefined) return randomUUID();
  return uuidFromDigest(createHash('sha256').update(JSON.stringify([what, actor.userId, idempotencyKey])).digest('hex'));
}
