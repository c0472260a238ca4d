import { CollectionYear } from './collection-year';
import { byDecom, byHeldOn, ChildSsda903History, EpisodeRecord } from './ssda903-records';

const openDuring = (episode: EpisodeRecord, year: CollectionYear): boolean =>
  episode.decom <= year.end && (episode.dec === null || episode.dec >= year.start);

/**
 * A stored episode a return later than `year` gave: its year says so, or its ending does (a
 * return dates nothing after its year end; the year is not known for records an import kept
 * before it was recorded with them).
 */
const fromLaterReturn = (episode: EpisodeRecord, year: CollectionYear): boolean =>
  (episode.year !== undefined && episode.year > year.year) || (episode.dec !== null && episode.dec > year.end);

/**
 * What the store already holds from other returns, with a return for `year` laid over it.
 * The return is the whole truth for its year: an episode open during the year, or a review
 * in it, that the return leaves out is gone; one it gives again replaces the stored one
 * (a corrected record). Episodes and reviews outside its year are kept. A later return wins
 * for what it covers, whichever was imported first, so that years imported in any order give
 * the same history: an episode a later return gave is kept as it gave it (its corrections
 * and its ending), and the return's episode of the same DECOM, or still open at its year end
 * (which the later return covers), is left out. Each record keeps the year of its return.
 */
export function mergeSsda903History(stored: ChildSsda903History, incoming: ChildSsda903History, year: CollectionYear): ChildSsda903History {
  if (stored.episodes.length === 0 && stored.reviews.length === 0) {
    // nothing to lay the return over (a child's first return): what follows would give the
    // return's rows as they are (they are kept by DECOM and by date)
    return { childId: incoming.childId, header: incoming.header ?? stored.header, episodes: incoming.episodes.slice(), reviews: incoming.reviews.slice() };
  }
  // a child has a few episodes and reviews a year: scanning them beats building maps
  const later = stored.episodes.filter((episode) => fromLaterReturn(episode, year));
  const kept = (episode: EpisodeRecord): boolean =>
    !later.some((other) => other.decom === episode.decom) && !(episode.dec === null && later.length > 0);
  const returned = incoming.episodes.filter(kept);
  const inReturned = (decom: string): boolean => returned.some((episode) => episode.decom === decom);
  const episodes: EpisodeRecord[] = [
    ...stored.episodes.filter((episode) => later.includes(episode) || (!inReturned(episode.decom) && !openDuring(episode, year))),
    ...returned,
  ];
  const reviewedIn = (heldOn: string): boolean => incoming.reviews.some((review) => review.heldOn === heldOn);
  const reviews = [
    ...stored.reviews.filter((review) => !reviewedIn(review.heldOn) && (review.heldOn < year.start || review.heldOn > year.end)),
    ...incoming.reviews,
  ];
  const headerFromLaterReturn = stored.header?.year !== undefined && stored.header.year > year.year;
  return {
    childId: incoming.childId,
    header: incoming.header && !headerFromLaterReturn ? incoming.header : stored.header,
    episodes: episodes.sort(byDecom),
    reviews: reviews.sort(byHeldOn),
  };
}
