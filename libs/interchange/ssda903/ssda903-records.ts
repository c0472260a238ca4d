import { CalendarDate } from '../../../src/calendar/calendar-date';
import {
  CategoryOfNeed, EthnicityCode, LegalStatus, ParticipationCode, PlacementType, Sex,
} from '../../../src/events/codes';
import { RowOrigin } from '../report/import-issue';

/** A header row: one child. */
export interface HeaderRecord {
  childId: string;
  sex: Sex;
  dateOfBirth: CalendarDate;
  ethnicity: EthnicityCode;
  origin?: RowOrigin;
  /** the collection year of the return that gave it, when known (see EpisodeRecord.year) */
  year?: number;
}

/** An episode row: a stretch of care with one legal status and one placement. */
export interface EpisodeRecord {
  childId: string;
  decom: CalendarDate;
  rne: string;
  ls: LegalStatus;
  /** '' when not given */
  cin: CategoryOfNeed | '';
  place: PlacementType;
  placeProvider: string;
  dec: CalendarDate | null;
  rec: string | null;
  reasonPlaceChange: string | null;
  homePost: string;
  plPost: string;
  urn: string;
  origin?: RowOrigin;
  /**
   * the collection year of the return that gave it: set when a return is laid over the
   * store, and read back from the events' `metadata.source`; absent when not known (records
   * an import kept before the year was recorded with them)
   */
  year?: number;
}

/** A review row: a looked-after review and how the child took part. */
export interface ReviewRecord {
  childId: string;
  dateOfBirth: CalendarDate;
  heldOn: CalendarDate;
  participation: ParticipationCode;
  origin?: RowOrigin;
  /** the collection year of the return that gave it, when known (see EpisodeRecord.year) */
  year?: number;
}

/** One child's rows in a return (or, merged, in the store and a return). */
export interface ChildSsda903History {
  childId: string;
  header: HeaderRecord | null;
  /** by DECOM */
  episodes: EpisodeRecord[];
  /** by date */
  reviews: ReviewRecord[];
}

/** The columns an episode carries that the oversight events do not: kept in the imported events' metadata. */
export type EpisodeDetails = {
  RNE: string;
  CIN: string;
  PLACE_PROVIDER: string;
  HOME_POST: string;
  PL_POST: string;
  URN: string;
};

export const episodeDetailsOf = (episode: EpisodeRecord): EpisodeDetails => ({
  RNE: episode.rne,
  CIN: episode.cin,
  PLACE_PROVIDER: episode.placeProvider,
  HOME_POST: episode.homePost,
  PL_POST: episode.plPost,
  URN: episode.urn,
});

export const byDecom = (a: EpisodeRecord, b: EpisodeRecord): number => (a.decom < b.decom ? -1 : a.decom > b.decom ? 1 : 0);
export const byHeldOn = (a: ReviewRecord, b: ReviewRecord): number => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0);
