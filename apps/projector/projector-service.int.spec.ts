import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreUnusableError } from '../../libs/nest/infrastructure/check-stores';
import { useTempFolder } from '../../libs/testing/temp-folder';
import { ProjectorSettingsError, startProjectorService } from './projector-service';

const dataDir = useTempFolder('iro-projector-');

/** Runs the projector service on a fresh DATA_DIR until it has caught up, and gives what it logged. */
async function logOfARun(env: NodeJS.ProcessEnv): Promise<string[]> {
  const lines: string[] = [];
  const service = await startProjectorService({ DATA_DIR: dataDir(), ...env }, { logDestination: { write: (line: string) => lines.push(line) } });
  await service.caughtUp;
  await service.stop();
  return lines.join('').split('\n').filter((line) => line !== '');
}

describe('the projector service (apps/projector, the compose projector)', () => {
  it('logs JSON lines as the API does: level, time, service and message', async () => {
    const lines = await logOfARun({});
    expect(lines.length).toBeGreaterThan(0);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(entry).toMatchObject({ level: expect.stringMatching(/^(info|warn|error|fatal)$/), service: 'iro-projector', msg: expect.any(String) });
      expect(new Date(entry.time as string).toISOString()).toBe(entry.time);
    }
    expect(entries.map((entry) => entry.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^feeding /), expect.stringMatching(/^caught up/)]));
  });

  it('honours LOG_LEVEL: warn leaves out the progress lines', async () => {
    expect(await logOfARun({ LOG_LEVEL: 'warn' })).toEqual([]);
  });

  it('refuses a bad LOG_LEVEL with the other settings, one line each', async () => {
    const refused = startProjectorService({ DATA_DIR: dataDir(), LOG_LEVEL: 'verbose', SQLITE_SYNCHRONOUS: 'off' }, {});
    await expect(refused).rejects.toBeInstanceOf(ProjectorSettingsError);
    await expect(refused).rejects.toMatchObject({
      problems: ['SQLITE_SYNCHRONOUS must be normal or full, got "off"', expect.stringMatching(/^LOG_LEVEL must be one of .*, got "verbose"$/)],
    });
  });
});

describe('the projector service on a store it cannot use', () => {
  it('refuses an events.sqlite that is not SQLite in one line naming it, and moves aside a read-models.sqlite that is not', async () => {
    writeFileSync(join(dataDir(), 'read-models.sqlite'), 'not a database\n');
    const lines: string[] = [];
    const service = await startProjectorService({ DATA_DIR: dataDir() }, { logDestination: { write: (line: string) => lines.push(line) } });
    await service.stop();
    expect(readdirSync(dataDir()).filter((file) => file.startsWith('read-models.sqlite.unreadable-'))).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'warn', msg: expect.stringContaining('moved aside') });

    writeFileSync(join(dataDir(), 'events.sqlite'), 'not a database\n');
    const refused = startProjectorService({ DATA_DIR: dataDir() });
    await expect(refused).rejects.toBeInstanceOf(StoreUnusableError);
    await expect(refused).rejects.toThrow(/^cannot start: .*events\.sqlite is not an SQLite database/);
  });
});
