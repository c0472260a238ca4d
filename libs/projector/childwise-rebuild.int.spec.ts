import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { NewEvent, RecordedEvent } from '../../src/events/envelope';
import { CURRENT_SCHEMA_VERSION } from '../../src/events/schema-versions';
import { challengeStream, childStream } from '../../src/events/streams';
import { Projection, ProjectionContext } from '../../src/projections/projection';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { appendHistory } from '../history-generator/append-history';
import { generateHistory } from '../history-generator/history-generator';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { useTempFolder } from '../testing/temp-folder';
import { ALL_PROJECTIONS } from './all-projections';
import { OVERSIGHT_EVENT_TYPES } from './oversight-event';
import { Projector } from './projector';
import { foldedSnapshot, snapshotOf } from './testing/read-model-snapshot';

const context: ProjectionContext = { config: DEFAULT_LOCAL_AUTHORITY_CONFIG };
/** the worker threads run the TypeScript sources, as the projector's tests do */
const TYPESCRIPT_LOADER = ['-r', require.resolve('../../test/reliability/support/register-typescript.js')];
const quiet = { log: () => undefined, error: () => undefined };

const dir = useTempFolder('childwise-rebuild-', 'all');

/**
 * What a rebuild child by child must get right beyond the generated history's usual
 * children (see embedded-rebuild.int.spec.ts): children that only a challenge names,
 * and projections that break the promise their replay.childCollections makes.
 */
describe('a childwise rebuild', () => {
  let eventStore: SqliteEventStore;
  let readStore: SqliteReadStore;
  let all: RecordedEvent[];

  const raised = (challengeId: string, childIds: string[]): NewEvent => ({
    id: `${challengeId}-raised`,
    type: 'ChallengeRaised',
    schemaVersion: CURRENT_SCHEMA_VERSION.ChallengeRaised,
    data: {
      challengeId, childIds, raisedOn: '2016-03-01', raisedBy: 'iro-1', category: 'care-planning', summary: 'Late records.',
      stage: 1, responseDueBy: '2016-03-08', effectiveDate: '2016-03-01',
    },
    metadata: { correlationId: challengeId, causationId: challengeId, actor: { userId: 'iro-1', role: 'iro' } },
  });

  beforeAll(async () => {
    eventStore = new SqliteEventStore({ file: join(dir(), 'events.sqlite') });
    appendHistory(eventStore, generateHistory({ events: 6_000, seed: 23 }));
    expect(await eventStore.readStream(childStream('child-000001'))).not.toHaveLength(0);
    // a challenge naming a child with records and one with none yet (its records come later, or never)
    appendHistory(eventStore, [{ stream: challengeStream('irp-late-1'), event: raised('irp-late-1', ['child-000001', 'zz-no-records-yet']) }]);
    all = [];
    for await (const event of eventStore.readAll()) all.push(event);
    readStore = new SqliteReadStore({ file: join(dir(), 'read-models.sqlite') });
  });
  afterAll(async () => {
    await readStore.close();
    await eventStore.close();
  });

  const projectorFor = (projections: readonly Projection[], threads: number) =>
    new Projector({
      eventStore,
      readStore,
      projections,
      context,
      logger: quiet,
      embeddedRebuild: { eventStoreFile: join(dir(), 'events.sqlite'), readStoreFile: join(dir(), 'read-models.sqlite'), threads, execArgv: TYPESCRIPT_LOADER },
    });

  it.each([1, 2])('writes the documents of a child only a challenge names (in %i thread(s)), as the plain fold does', async (threads) => {
    const oracle = foldedSnapshot(all, ALL_PROJECTIONS, context);
    expect(oracle.oversight.find((document) => document._id === 'zz-no-records-yet')).toBeDefined();
    await projectorFor(ALL_PROJECTIONS, threads).rebuild();
    expect(await snapshotOf(readStore, ALL_PROJECTIONS)).toEqual(oracle);
  });

  it.each([1, 2])('reads no child\'s records for projections that keep nothing of a child (in %i thread(s)), and gives what the plain fold gives', async (threads) => {
    const issuesResolution = ALL_PROJECTIONS.filter((projection) => projection.name === 'issues-resolution');
    expect(issuesResolution[0].replay!.childCollections).toEqual([]);
    const [report] = await projectorFor(issuesResolution, threads).rebuild();
    const notChildren = all.filter((event) => !event.stream.startsWith('child-') && OVERSIGHT_EVENT_TYPES.has(event.type));
    expect(report.eventsApplied).toBe(notChildren.length);
    expect(await snapshotOf(readStore, issuesResolution)).toEqual(foldedSnapshot(all, issuesResolution, context));
  });

  it('stops at the first record a projection folds against its promise, names it, and swaps nothing in', async () => {
    const careless: Projection = {
      name: 'sample-careless',
      collections: ['careless-children'],
      apply: () => undefined,
      replay: {
        // files every record under the registered child's sibling: another child's document
        apply: (event, documents) => {
          if (event.type === 'ChildRegistered') documents.put('careless-children', { _id: `${event.stream}-sibling` });
        },
        complete: (_collection, document) => document,
        childCollections: ['careless-children'],
      },
    };
    // child by child: the first child folded is the first in stream order
    const firstRegistration = all.filter((event) => event.type === 'ChildRegistered').sort((a, b) => (a.stream < b.stream ? -1 : 1))[0];
    await expect(projectorFor([careless], 1).rebuild()).rejects.toThrow(
      `rebuilding sample-careless failed at position ${firstRegistration.position} (ChildRegistered): ` +
        `sample-careless changed careless-children ${firstRegistration.stream}-sibling while folding child ${firstRegistration.stream.slice('child-'.length)}'s records`,
    );
    expect(await readStore.checkpoint('sample-careless')).toBe(0);
    expect(await readStore.count('careless-children')).toBe(0);
    // what the failed rebuild wrote was synced all the same, and its marker removed
    expect(readdirSync(dir()).filter((name) => name.includes('.unsynced-'))).toEqual([]);
  });
});
