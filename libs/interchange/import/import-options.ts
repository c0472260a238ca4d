import { CalendarDate } from '../../../src/calendar/calendar-date';
import { LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import { Actor } from '../../../src/events/envelope';
import { EventStore } from '../../event-store/event-store.port';

export interface ImportProgress {
  stage: 'read' | 'checked' | 'decided' | 'appended';
  files: number;
  rows: number;
  children: number;
  events: number;
}

export interface ImportOptions {
  store: EventStore;
  config: LocalAuthorityConfig;
  /** today, from the injected clock: nothing may be dated after it */
  today: CalendarDate;
  /** default `{ userId: 'import', role: 'admin' }` */
  actor?: Actor;
  /** the collection year (2019 for 2019-20); read from the files when absent */
  year?: number;
  /** check and decide everything, append nothing */
  dryRun?: boolean;
  /** import every child whose rows are all valid, and list the others, instead of refusing the whole set */
  skipInvalidChildren?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * threads to read, check and decide on (the calling thread and worker threads beside it);
   * by default 2 for a large input on a machine with a second core, else 1. The events are
   * the same either way, and are appended from the calling thread.
   */
  threads?: number;
}

export const IMPORT_ACTOR: Actor = { userId: 'import', role: 'admin' };
