import { join } from 'node:path';
import { useTempFolder } from '../../../libs/testing/temp-folder';
import { today, systemClock } from '../../../src/clock/clock';
import { projectionsCaughtUp } from '../../reliability/support/read-models';
import { ServerProcess, startServerProcess } from '../../reliability/support/server-process';
import { readmeCurlSession } from './readme-curl-session';
import { ShellSession } from './shell-session';
import { matchesShownAnswer } from './shown-answer';

/** the day the README's session was recorded: its dates of that day stand for today */
const RECORDED_ON = '2026-11-26';

const ROOT = join(__dirname, '..', '..', '..');
const REGISTER = join(ROOT, 'test', 'reliability', 'support', 'register-typescript.js');
const CLI = join(ROOT, 'apps', 'cli', 'main.ts');

const folder = useTempFolder('iro-readme-session-', 'all');

/**
 * What a newcomer does with the README: `npm start` on a fresh data folder, then the
 * commands of "A session with curl" typed one after another into bash (`npx iro` runs
 * this checkout's command line from its sources, `localhost:3000` is the server's port).
 * Each answer must be the one the README shows under its command, up to what the README
 * leaves out (`…`, shortened ids, moments of recording).
 */
describe("the README's curl session", () => {
  let server: ServerProcess | undefined;
  let shell: ShellSession | undefined;

  afterAll(async () => {
    shell?.close();
    await server?.stop();
  });

  it('gives the answers the README shows, the clinic candidates and the stage analysis among them', async () => {
    const steps = readmeCurlSession();
    const asked = (path: string) => steps.filter((step) => step.command.includes(path) && step.shown !== undefined);
    expect(asked('/clinic/candidates')).toHaveLength(1);
    expect(asked('/analysis/issues-resolution')).toHaveLength(1);
    expect(steps.filter((step) => step.shown !== undefined).length).toBeGreaterThanOrEqual(10);

    server = await startServerProcess(folder());
    const port = new URL(server.url).port;
    shell = new ShellSession({ PATH: process.env.PATH, HOME: folder(), DATA_DIR: folder() }, folder());
    await shell.run(`npx() { if [ "$1" = iro ]; then shift; node -r '${REGISTER}' '${CLI}' "$@"; else command npx "$@"; fi; }`);

    const mismatches: { command: string; shown: string; answer: string; errors: string }[] = [];
    for (const step of steps) {
      await projectionsCaughtUp(server.url);
      const answer = await shell.run(step.command.replace(/localhost:3000/g, `127.0.0.1:${port}`));
      if (step.shown !== undefined && !matchesShownAnswer(answer, step.shown, RECORDED_ON, today(systemClock))) {
        mismatches.push({ command: step.command, shown: step.shown, answer: answer.trim(), errors: shell.lastErrors() });
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000);
});
