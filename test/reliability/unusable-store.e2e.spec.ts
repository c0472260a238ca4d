import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { useTempFolder } from '../../libs/testing/temp-folder';
import { runIro, startServerProcess } from './support/server-process';

/**
 * A store `iro serve` cannot use stops the start with one line naming it and what to do (exit
 * 1, no stack); the read models, derived from the events, are moved aside and rebuilt instead.
 */
const dataDir = useTempFolder('iro-unusable-store-');
const NOT_SQLITE = 'not a database, an operator copied the wrong file here. padding padding padding padding\n';
const PORT = 3961;

/** `iro serve` to its end; its output without the lines a refusal may add after the first */
async function refusedStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const serve = runIro(['serve'], { PORT: String(PORT), DATA_DIR: dataDir(), LOG_LEVEL: 'warn', ...env });
  const code = await serve.exited;
  return { code, output: serve.output().trim(), ms: Date.now() - started };
}

describe('iro serve on a store it cannot use', () => {
  it.each(['events.sqlite', 'idempotency.sqlite', 'access-audit.sqlite'])(
    'a %s that is not SQLite: refused in one line naming the file and what to do; the file is left as it was',
    async (file) => {
      writeFileSync(join(dataDir(), file), NOT_SQLITE);
      const { code, output } = await refusedStart({});
      expect(code).toBe(1);
      expect(output.split('\n')).toEqual([expect.stringContaining(join(dataDir(), file))]);
      expect(output).toMatch(/cannot start: .* is not an SQLite database .*backup/);
      expect(output).not.toMatch(/\n\s+at /);
      expect(readFileSync(join(dataDir(), file), 'utf8')).toBe(NOT_SQLITE);
    },
  );

  it('a read-models.sqlite that is not SQLite: moved aside (kept, renamed with the time), rebuilt from the events, and logged', async () => {
    writeFileSync(join(dataDir(), 'read-models.sqlite'), NOT_SQLITE);
    const server = await startServerProcess(dataDir(), {}, PORT);
    try {
      const health = (await (await fetch(`${server.url}/health`)).json()) as { projections: { lag: number }[] };
      expect(health.projections.length).toBeGreaterThan(0);
      const aside = readdirSync(dataDir()).filter((file) => /^read-models\.sqlite\.unreadable-\d{8}T\d{6}Z$/.test(file));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dataDir(), aside[0]), 'utf8')).toBe(NOT_SQLITE);
      expect(existsSync(join(dataDir(), 'read-models.sqlite'))).toBe(true);
      const warning = server.output().split('\n').find((line) => line.includes('read-models.sqlite'));
      expect(JSON.parse(warning ?? '{}')).toMatchObject({ level: 'warn', msg: expect.stringMatching(/moved aside to .*unreadable-.*rebuilt from the events/) });
    } finally {
      await server.stop();
    }
  });

  it("a read-models.sqlite left by a rebuild whose writes were not synced before the machine stopped: moved aside, rebuilt, and logged", async () => {
    const file = join(dataDir(), 'read-models.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL)');
    db.close();
    const marker = `${file}.unsynced-4242-0a1b2c3d`;
    writeFileSync(marker, JSON.stringify({ bootId: 'a-boot-before-this-one', pid: 4242, since: '2026-11-27T07:00:00.000Z' }));
    const server = await startServerProcess(dataDir(), {}, PORT);
    try {
      const health = (await (await fetch(`${server.url}/health`)).json()) as { projections: { lag: number }[] };
      expect(health.projections.length).toBeGreaterThan(0);
      expect(readdirSync(dataDir()).filter((name) => /^read-models\.sqlite\.unreadable-\d{8}T\d{6}Z$/.test(name))).toHaveLength(1);
      expect(existsSync(marker)).toBe(false);
      const warning = server.output().split('\n').find((line) => line.includes('read-models.sqlite'));
      expect(JSON.parse(warning ?? '{}')).toMatchObject({
        level: 'warn',
        msg: expect.stringMatching(/not yet synced to the disk when the machine has started again since .*moved aside to .*rebuilt from the events/),
      });
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['EVENTSTORE_URL', 'esdb://admin:changeit@127.0.0.1:3963?tls=false', 'EventStoreDB'],
    ['MONGODB_URL', 'mongodb://iro:changeit@127.0.0.1:3964/iro', 'MongoDB'],
  ])('an unreachable %s: refused in one line naming the host, not the credentials, within 15 s', async (name, url, what) => {
    const { code, output, ms } = await refusedStart({ [name]: url });
    expect(code).toBe(1);
    expect(output.split('\n')).toEqual([expect.stringMatching(new RegExp(`^cannot start: ${name} \\(127\\.0\\.0\\.1:${url.match(/:(\d{4})/)![1]}\\): cannot reach ${what} \\(.*ECONNREFUSED`))]);
    expect(output).not.toContain('changeit');
    expect(ms).toBeLessThan(15_000);
  }, 30_000);
});
