import { ChallengeHistory } from './challenge-history';
import { ChildHistory } from './child-history';
import { YearFigure } from './figure';

/**
 * A family of figures for one reporting year, built child by child: each child's history
 * is offered once and dropped, so the report never needs every history at once (it can
 * be fed stream by stream). Challenges, which read the state of their children on the
 * day they were raised, are all offered before the first child.
 */
export interface FigureFamily {
  addChallenge?(challenge: ChallengeHistory): void;
  addChild(child: ChildHistory): void;
  finish(): Record<string, YearFigure>;
}

/** A breakdown entry: an id under a key. */
export interface KeyedId {
  id: string;
  key: string;
}
