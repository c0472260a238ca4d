import { join } from 'node:path';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store';
import { makeTempFolder, removeTempFolder } from '../../testing/temp-folder';
import { fixedClock } from '../../../src/clock/clock';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { RecordedEvent } from '../../../src/events/envelope';
import { cinUnits } from '../cin/import-cin-census';
import { ImportReport } from '../report/import-report';
import { ssda903Units } from '../ssda903/import-ssda903-return';
import { SYNTHETIC_AUTHORITY_DISTRICTS, syntheticHistory } from '../synthetic/synthetic-history';
import { syntheticCinCensus, syntheticSsda903Return } from '../synthetic/synthetic-returns';
import { importCouncilHistory } from './import-history';
import { ImportInput, importOnLanes } from './import-children';
import { ImportLane, InThreadLane } from './import-lane';
import { ImportOptions } from './import-options';

/**
 * Reading and deciding on several threads must not change an import: the same report (issues
 * in the same order, the same children skipped) and the same events, ids and all.
 */
const TODAY = '2020-06-01';
const config = { ...DEFAULT_LOCAL_AUTHORITY_CONFIG, postcodeDistricts: SYNTHETIC_AUTHORITY_DISTRICTS };
const YEARS = [2014, 2015, 2016, 2017, 2018, 2019];

function councilInput(seed: number, years: readonly number[], spoil = false): ImportInput {
  const children = syntheticHistory({ children: 150, firstYear: 2014, years: 6, seed });
  const returns = years.map((year) => ({
    year,
    files: Object.entries(syntheticSsda903Return(children, year)).map(([name, text]) => ({
      name: `${year}/${name}`,
      // a few rows spoilt: a review before the period of care, a code that is not one
      content: Buffer.from(spoil ? text.replace(/,PN4\n/g, ',PN9\n').replace(/,U4,/, ',XX,') : text),
    })),
  }));
  const censuses = years.map((year) => ({ name: `cin-${year + 1}.xml`, content: Buffer.from(syntheticCinCensus(children, year)) }));
  return { ssda903: ssda903Units(returns, 0), cin: cinUnits(censuses, undefined, returns.length) };
}

interface Outcome {
  reports: ImportReport[];
  events: unknown[];
}

/** The imports one after the other into a fresh store, each on the lanes `lanes()` gives; what they reported and recorded. */
async function importAll(inputs: { input: ImportInput; skipInvalidChildren?: boolean }[], lanes: () => ImportLane[]): Promise<Outcome> {
  const folder = makeTempFolder('lanes-');
  const store = new SqliteEventStore({ file: join(folder, 'events.sqlite'), clock: fixedClock(`${TODAY}T12:00:00Z`) });
  try {
    const reports: ImportReport[] = [];
    for (const { input, skipInvalidChildren } of inputs) {
      const options: ImportOptions = { store, config, today: TODAY, skipInvalidChildren };
      const used = lanes();
      try {
        reports.push(await importOnLanes(input, options, used));
      } finally {
        await Promise.all(used.map((lane) => lane.close()));
      }
    }
    return { reports, events: await recorded(store) };
  } finally {
    await store.close();
    removeTempFolder(folder);
  }
}

/** The store's events with each run's correlation id (random) numbered in order of first use. */
async function recorded(store: SqliteEventStore): Promise<unknown[]> {
  const runs = new Map<unknown, number>();
  const run = (id: unknown): number => {
    if (!runs.has(id)) runs.set(id, runs.size);
    return runs.get(id)!;
  };
  const events: unknown[] = [];
  for await (const event of store.readAll() as AsyncIterable<RecordedEvent>) {
    const { correlationId, causationId, ...metadata } = event.metadata;
    events.push({ ...event, metadata: { ...metadata, correlationId: run(correlationId), causationId: run(causationId) } });
  }
  return events;
}

describe('an import read and decided on several threads', () => {
  // a first import; a second whose later years come from another history (records corrected,
  // voided, some refused by the decider); a third with spoilt rows, refused as a whole
  const imports = [
    { input: councilInput(1, YEARS) },
    { input: councilInput(2, YEARS.slice(3)), skipInvalidChildren: true },
    { input: councilInput(1, YEARS.slice(2), true) },
  ];

  it('reports and records the same as on one thread, whichever thread reads and decides what', async () => {
    const one = await importAll(imports, () => [new InThreadLane()]);
    expect(one.reports.map((report) => report.accepted)).toEqual([true, true, false]);
    expect(one.reports[1].events.voided).toBeGreaterThan(0);
    expect(one.reports[1].issues.some((issue) => issue.rule !== '' && issue.file.endsWith('.csv'))).toBe(true);
    expect(one.reports[2].issues.length).toBeGreaterThan(0);

    const three = await importAll(imports, () => [new InThreadLane(), new InThreadLane(), new InThreadLane()]);
    expect(three).toEqual(one);
  });

  it('gives the same with a worker thread beside the calling one', async () => {
    const history = councilInput(3, YEARS);
    const files = {
      ssda903: (history.ssda903 ?? []).map((unit) => ({ files: unit.files, year: unit.year })),
      cin: (history.cin ?? []).flatMap((unit) => unit.files),
    };
    const run = async (threads: number): Promise<Outcome> => {
      const folder = makeTempFolder('lanes-');
      const store = new SqliteEventStore({ file: join(folder, 'events.sqlite'), clock: fixedClock(`${TODAY}T12:00:00Z`) });
      try {
        const report = await importCouncilHistory(files, { store, config, today: TODAY, threads });
        return { reports: [report], events: await recorded(store) };
      } finally {
        await store.close();
        removeTempFolder(folder);
      }
    };
    const alone = await run(1);
    expect(alone.reports[0]).toMatchObject({ accepted: true, issues: [] });
    expect(await run(2)).toEqual(alone);
  });
});
