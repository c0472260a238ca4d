import { EventStore } from '../../event-store/event-store.port';
import { StoredOversightEvent } from '../../../src/events/envelope';
import { upcast } from '../../../src/events/schema-versions';
import { writeCsvTable } from '../csv/csv-table';
import { liveEvents } from '../import/live-events';
import { collectionYear, CollectionYear } from './collection-year';
import { formatDfeDate } from './dfe-date';
import { ChildSsda903History } from './ssda903-records';
import { ssda903HistoryFromEvents } from './ssda903-history-from-events';
import { SSDA903_TABLES } from './ssda903-tables';

export interface Ssda903Tables {
  /** CSV text with the DfE header row */
  episodes: string;
  reviews: string;
  episodeRows: number;
  reviewRows: number;
}

const CHILD_STREAM = /^child-(.+)$/;

/**
 * The SSDA903 episodes and reviews tables for a collection year, from the events (voided
 * records left out), in the DfE format, so that an authority can diff them against the
 * return it submitted: every episode open during the year, and an episode still open at
 * 31 March shown without its later ending. Columns the events do not carry (RNE detail,
 * PLACE_PROVIDER, postcodes, URN) come from the imported rows' metadata, blank otherwise.
 */
export async function exportSsda903Tables(store: EventStore, year: number): Promise<Ssda903Tables> {
  const streams = new Map<string, StoredOversightEvent[]>();
  for await (const recorded of store.readAll()) {
    const match = CHILD_STREAM.exec(recorded.stream);
    if (!match) continue;
    let events = streams.get(match[1]);
    if (!events) {
      events = [];
      streams.set(match[1], events);
    }
    events.push(upcast(recorded));
  }
  const period = collectionYear(year);
  const episodeRows: string[][] = [];
  const reviewRows: string[][] = [];
  for (const childId of [...streams.keys()].sort()) {
    const history = ssda903HistoryFromEvents(childId, liveEvents(streams.get(childId)!));
    episodeRows.push(...episodeRowsOf(history, period));
    reviewRows.push(...reviewRowsOf(history, period));
  }
  return {
    episodes: writeCsvTable(SSDA903_TABLES.episodes, episodeRows),
    reviews: writeCsvTable(SSDA903_TABLES.reviews, reviewRows),
    episodeRows: episodeRows.length,
    reviewRows: reviewRows.length,
  };
}

export function episodeRowsOf(history: ChildSsda903History, year: CollectionYear): string[][] {
  return history.episodes
    .filter((episode) => episode.decom <= year.end && (episode.dec === null || episode.dec >= year.start))
    .map((episode) => {
      const endedInYear = episode.dec !== null && episode.dec <= year.end;
      return [
        history.childId, formatDfeDate(episode.decom), episode.rne, episode.ls, episode.cin, episode.place, episode.placeProvider,
        endedInYear ? formatDfeDate(episode.dec!) : '', endedInYear ? episode.rec ?? '' : '',
        endedInYear ? episode.reasonPlaceChange ?? '' : '', episode.homePost, episode.plPost, episode.urn,
      ];
    });
}

export function reviewRowsOf(history: ChildSsda903History, year: CollectionYear): string[][] {
  const dateOfBirth = history.header ? formatDfeDate(history.header.dateOfBirth) : '';
  return history.reviews
    .filter((review) => review.heldOn >= year.start && review.heldOn <= year.end)
    .map((review) => [history.childId, dateOfBirth, formatDfeDate(review.heldOn), review.participation]);
}
