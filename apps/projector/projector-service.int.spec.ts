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
