import { CollectionYear } from './collection-year';
import { byDecom, byHeldOn, ChildSsda903History, EpisodeRecord } from './ssda903-records';

const openDuring = (episode: EpisodeRecord, year: CollectionYear): boolean =>
  episode.decom <= year.end && (episode.dec === null || episode.dec >= year.start);

/**
 * What the store already holds from earlier returns, with a return for `year` laid over it.
 * The return is the whole truth for its year: an episode open during the year, or a review
 * in it, that the return leaves out is gone; one it gives again replaces the stored one
 * (a corrected record). Episodes and reviews outside its year are kept. An episode the
 * return shows still open at its year end keeps the ending a later return gave it.
 */
export function mergeSsda903History(stored: ChildSsda903History, incoming: ChildSsda903History, year: CollectionYear): ChildSsda903History {
  if (stored.episodes.length === 0 && stored.reviews.length === 0) {
    // nothing to lay the return over (a child's first return): what follows would give the
    // return's rows as they are (they are kept by DECOM and by date)
    return { childId: incoming.childId, header: incoming.header ?? stored.header, episodes: incoming.episodes.slice(), reviews: incoming.reviews.slice() };
  }
  // a child has a few episodes and reviews a year: scanning them beats building maps
  const inIncoming = (decom: string): boolean => incoming.episodes.some((episode) => episode.decom === decom);
  const storedAt = (decom: string): EpisodeRecord | undefined => {
    for (let index = stored.episodes.length - 1; index >= 0; index -= 1) if (stored.episodes[index].decom === decom) return stored.episodes[index];
    return undefined;
  };
  const episodes: EpisodeRecord[] = stored.episodes.filter((episode) => !inIncoming(episode.decom) && !openDuring(episode, year));
  for (const episode of incoming.episodes) {
    const before = storedAt(episode.decom);
    const endedAfterThisYear = before?.dec != null && before.dec > year.end;
    episodes.push(
      episode.dec === null && endedAfterThisYear
        ? { ...episode, dec: before!.dec, rec: before!.rec, reasonPlaceChange: before!.reasonPlaceChange }
        : episode,
    );
  }
  const reviewedIn = (heldOn: string): boolean => incoming.reviews.some((review) => review.heldOn === heldOn);
  const reviews = [
    ...stored.reviews.filter((review) => !reviewedIn(review.heldOn) && (review.heldOn < year.start || review.heldOn > year.end)),
    ...incoming.reviews,
  ];
  return {
    childId: incoming.childId,
    header: incoming.header ?? stored.header,
    episodes: episodes.sort(byDecom),
    reviews: reviews.sort(byHeldOn),
  };
}
