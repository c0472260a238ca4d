import { CalendarDate } from '../../../src/calendar/calendar-date';
import { CategoryOfNeed } from '../../../src/events/codes';
import { StoredOversightEvent } from '../../../src/events/envelope';
import { CONTINUES_SAME_DAY } from './ssda903-codes';
import { byDecom, byHeldOn, ChildSsda903History, EpisodeDetails, EpisodeRecord, HeaderRecord, ReviewRecord } from './ssda903-records';

interface EpisodeParts {
  decom: CalendarDate;
  startsPeriod: boolean;
  ls?: EpisodeRecord['ls'];
  place?: EpisodeRecord['place'];
  cin?: string;
  /** the reason recorded with this episode's placement change: it belongs to the episode before */
  reasonForChange?: string;
  end?: { dec: CalendarDate; rec: string; year?: number };
  details?: Partial<EpisodeDetails>;
  /** the latest collection year of the returns its events came from */
  year?: number;
}

/** The collection year of the return an imported event came from (`metadata.source`, e.g. `ssda903:2019:episodes.csv:42`). */
const yearOfSource = (event: StoredOversightEvent): number | undefined => {
  const year = /^ssda903:(\d{4}):/.exec(String(event.metadata.source ?? ''));
  return year ? Number(year[1]) : undefined;
};
const latest = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/**
 * A child's SSDA903 rows rebuilt from the events an SSDA903 import recorded (voided ones left
 * out): what an earlier import said, to merge a new return into. `importKey`
 * (`episode:<DECOM>:<part>`) groups the events of one episode; the columns the events do not
 * carry come from the metadata, and each record's `year` from the sources of its events.
 */
export function ssda903HistoryFromEvents(childId: string, events: readonly StoredOversightEvent[]): ChildSsda903History {
  let header: HeaderRecord | null = null;
  const parts = new Map<CalendarDate, EpisodeParts>();
  const reviews: ReviewRecord[] = [];
  const endings: NonNullable<EpisodeParts['end']>[] = [];
  const partsOf = (decom: CalendarDate): EpisodeParts => {
    let found = parts.get(decom);
    if (!found) {
      found = { decom, startsPeriod: false };
      parts.set(decom, found);
    }
    return found;
  };

  for (const event of events) {
    const key = String(event.metadata.importKey ?? '');
    const details = event.metadata.ssda903 as Partial<EpisodeDetails> | undefined;
    const episodeKey = /^episode:(\d{4}-\d{2}-\d{2}):/.exec(key);
    const year = yearOfSource(event);
    switch (event.type) {
      case 'ChildRegistered':
        // an unborn child has no SSDA903 header; a child registered without ethnicity is NOBT (not yet obtained)
        if (event.data.dateOfBirth) {
          header = {
            childId, sex: event.data.sex, dateOfBirth: event.data.dateOfBirth, ethnicity: event.data.ethnicity ?? 'NOBT',
            ...(year !== undefined && { year }),
          };
        }
        break;
      case 'CareStarted': {
        const episode = partsOf(event.data.startDate);
        Object.assign(episode, {
          startsPeriod: true, ls: event.data.legalStatus, place: event.data.placementType,
          cin: event.data.categoryOfNeed ?? '', details, year: latest(episode.year, year),
        });
        break;
      }
      case 'LegalStatusChanged': {
        const episode = partsOf(episodeKey?.[1] ?? event.data.effectiveDate);
        Object.assign(episode, { ls: event.data.legalStatus, details: details ?? episode.details, year: latest(episode.year, year) });
        break;
      }
      case 'PlacementChanged': {
        const episode = partsOf(episodeKey?.[1] ?? event.data.effectiveDate);
        Object.assign(episode, {
          place: event.data.placementType, reasonForChange: event.data.reasonForChange, details: details ?? episode.details,
          year: latest(episode.year, year),
        });
        break;
      }
      case 'CareEnded':
        endings.push({ dec: event.data.endDate, rec: event.data.reasonCeased, year });
        break;
      case 'ReviewHeld':
        reviews.push({
          childId, dateOfBirth: '', heldOn: event.data.heldOn, participation: event.data.participation, ...(year !== undefined && { year }),
        });
        break;
      default:
        break;
    }
  }

  // an ending closes the episode the child was in on its date, known only once every change is read: a change
  // dated inside an ended period may be recorded after the ending (even after the next period has started), and
  // an imported ending's key names the episode that was the last one when the return was sent
  for (const end of endings) {
    const episode = partsOf(episodeStartedBy(parts, end.dec));
    episode.end = end;
    episode.year = latest(episode.year, end.year);
  }

  const episodes: EpisodeRecord[] = [];
  for (const part of [...parts.values()].sort((a, b) => (a.decom < b.decom ? -1 : a.decom > b.decom ? 1 : 0))) {
    const previous = episodes[episodes.length - 1];
    if (previous && !part.startsPeriod) {
      previous.dec = part.decom;
      previous.rec = CONTINUES_SAME_DAY;
      previous.reasonPlaceChange = part.reasonForChange ?? null;
    }
    const ls = part.ls ?? previous?.ls;
    const place = part.place ?? previous?.place;
    if (!ls || !place) continue;
    const details = part.details ?? {};
    episodes.push({
      childId,
      decom: part.decom,
      rne: details.RNE ?? (part.startsPeriod ? 'S' : part.ls && part.place ? 'B' : part.ls ? 'L' : 'P'),
      ls,
      cin: (details.CIN ?? part.cin ?? previous?.cin ?? '') as CategoryOfNeed | '',
      place,
      placeProvider: details.PLACE_PROVIDER ?? '',
      dec: part.end?.dec ?? null,
      rec: part.end?.rec ?? null,
      reasonPlaceChange: null,
      homePost: details.HOME_POST ?? '',
      plPost: details.PL_POST ?? '',
      urn: details.URN ?? '',
      ...(part.year !== undefined && { year: part.year }),
    });
  }
  const dateOfBirth = header?.dateOfBirth ?? '';
  return {
    childId,
    header,
    episodes: episodes.sort(byDecom),
    reviews: reviews.map((review) => ({ ...review, dateOfBirth })).sort(byHeldOn),
  };
}

/** The start of the latest episode begun on or before `date` (`date` itself when there is none). */
function episodeStartedBy(parts: ReadonlyMap<CalendarDate, EpisodeParts>, date: CalendarDate): CalendarDate {
  let latest: CalendarDate | undefined;
  for (const decom of parts.keys()) if (decom <= date && (latest === undefined || decom > latest)) latest = decom;
  return latest ?? date;
}
