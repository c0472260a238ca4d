import { Injectable } from '@nestjs/common';
import { OVERSIGHT, OversightDocument } from '../../../src/projections/drift-and-delay/oversight-document';
import { ChallengeDocument } from '../../../src/projections/issues-resolution/challenge-document';
import { ChildrenAtRaising, withChildrenAtRaising } from '../../../src/projections/issues-resolution/children-at-raising';
import { Document } from '../../../libs/read-store/read-store.port';
import { FreshReadModels } from './fresh-read-models';

/**
 * Whether the children challenges name were looked after or on a plan when each was
 * raised, from the children's documents in the drift-and-delay read model (the
 * issues-resolution read model keeps no copy of the children's records).
 */
@Injectable()
export class ChallengeChildren {
  constructor(private readonly readModels: FreshReadModels) {}

  async atRaising<T extends ChallengeDocument>(challenges: readonly T[]): Promise<(T & ChildrenAtRaising)[]> {
    const childIds = [...new Set(challenges.flatMap((challenge) => challenge.childIds))];
    const children = childIds.length === 0 ? [] : await this.readModels.find<OversightDocument & Document>(OVERSIGHT, { _id: { $in: childIds } });
    const byId = new Map(children.map((child) => [child._id, child]));
    return challenges.map((challenge) => withChildrenAtRaising(challenge, (childId) => byId.get(childId)));
  }
}
