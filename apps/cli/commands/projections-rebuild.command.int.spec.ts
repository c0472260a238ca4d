import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEventStore } from '../../../libs/event-store/create-event-store';
import { SqliteEventStore } from '../../../libs/event-store/sqlite/sqlite-event-store';
import { appendHistory } from '../../../libs/history-generator/append-history';
import { generateHistory } from '../../../libs/history-generator/history-generator';
import { ALL_PROJECTIONS } from '../../../libs/projector/all-projections';
import { createReadStore } from '../../../libs/read-store/create-read-store';
import { newRebuildClaim } from '../../../libs/projector/rebuild-claim';
import { useTempFolder } from '../../../libs/testing/temp-folder';
import { ProjectionsRebuildCommand } from './projections-rebuild.command';

const dataDir = useTempFolder('iro-rebuild-');

describe('iro projections rebuild [name]', () => {
  let out: string;
  let err: string;
  const env = { ...process.env };

  beforeEach(async () => {
    process.env = { ...env, DATA_DIR: dataDir() };
    delete process.env.EVENTSTORE_URL;
    delete process.env.MONGODB_URL;
    const events = createEventStore({ DATA_DIR: dataDir() }) as SqliteEventStore;
    appendHistory(events, generateHistory({ events: 1_500, seed: 11 }));
    await events.close();
    out = '';
    err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
    process.exitCode = undefined;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...env };
    process.exitCode = undefined;
  });

  it('rebuilds every read model into DATA_DIR’s read store, at the head of the event store', async () => {
    await new ProjectionsRebuildCommand().run([]);
    expect({ exitCode: process.exitCode, err }).toEqual({ exitCode: undefined, err: '' });
    for (const projection of ALL_PROJECTIONS) expect(out).toMatch(new RegExp(`^${projection.name}: rebuilt from \\d+ events into \\d+ documents, swapped in at position 1500`, 'm'));
    const readStore = createReadStore({ DATA_DIR: dataDir() });
    try {
      for (const projection of ALL_PROJECTIONS) expect(await readStore.checkpoint(projection.name)).toBe(1_500);
    } finally {
      await readStore.close();
    }
  });

  it('rebuilds only the one named, and names the projections when the name is unknown', async () => {
    const [first, ...others] = ALL_PROJECTIONS;
    await new ProjectionsRebuildCommand().run([first.name]);
    expect(out.trim().split('\n')).toHaveLength(1);
    const readStore = createReadStore({ DATA_DIR: dataDir() });
    try {
      expect(await readStore.checkpoint(first.name)).toBe(1_500);
      for (const other of others) expect(await readStore.checkpoint(other.name)).toBe(0);
    } finally {
      await readStore.close();
    }
    await new ProjectionsRebuildCommand().run(['no-such-read-model']);
    expect(process.exitCode).toBe(1);
    expect(err).toContain(`no projection named no-such-read-model; the projections are: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
  });

  it('refuses when DATA_DIR holds no event store, and writes no read store there', async () => {
    const mistyped = join(dataDir(), 'mistyped');
    process.env.DATA_DIR = mistyped;
    await new ProjectionsRebuildCommand().run([]);
    expect(process.exitCode).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`iro projections rebuild: no event store at ${join(mistyped, 'events.sqlite')}`);
    expect(existsSync(join(mistyped, 'events.sqlite'))).toBe(false);
    expect(existsSync(join(mistyped, 'read-models.sqlite'))).toBe(false);
  });

  it('refuses, saying who holds it, to rebuild a read model another rebuild is working on, and changes nothing', async () => {
    const [first] = ALL_PROJECTIONS;
    const readStore = createReadStore({ DATA_DIR: dataDir() });
    const running = { ...newRebuildClaim(new Date()), id: 'the-other-rebuild' };
    try {
      await readStore.claimRebuild(first.name, running, () => false);
      await new ProjectionsRebuildCommand().run([first.name]);
      expect(process.exitCode).toBe(1);
      expect(out).toBe('');
      expect(err).toBe(
        `iro projections rebuild: a rebuild of ${first.name} is already running (process ${process.pid} on ${running.host}, ` +
          `since ${running.claimedAt}): wait for it to finish, or if it no longer runs (its machine went down), ` +
          'rebuild with --take-over\n',
      );
      expect(await readStore.checkpoint(first.name)).toBe(0);

      // the operator knows that rebuild is gone (its host went down): they take it over
      err = '';
      process.exitCode = undefined;
      await new ProjectionsRebuildCommand().run([first.name], { takeOver: true });
      expect({ exitCode: process.exitCode, err }).toEqual({ exitCode: undefined, err: '' });
      expect(out).toMatch(new RegExp(`^${first.name}: rebuilt from \\d+ events`));
      expect(await readStore.checkpoint(first.name)).toBe(1_500);
      // and gave the claim back when done
      await readStore.claimRebuild(first.name, newRebuildClaim(new Date()), () => false);
    } finally {
      await readStore.close();
    }
  });
});
