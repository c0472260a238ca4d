import { ProjectionRunner } from './projection-runner';
import { SqliteEventReplay } from './sqlite-event-replay';

/**
 * Replays the events past the runners' positions up to `head` into them, each event read
 * once for all. Returns, per runner, the oversight events it applied; throws at the
 * first event a projection fails on. The runners end at `head` (past the events the
 * replay leaves out, which the projections do not read).
 */
export function replayInto(runners: readonly ProjectionRunner[], replay: SqliteEventReplay, head: number): number[] {
  const applied = runners.map(() => 0);
  const from = Math.min(...runners.map((runner) => runner.position));
  replay.replay(from, head, (event) => {
    for (let i = 0; i < runners.length; i += 1) {
      const runner = runners[i];
      if (runner.position >= event.position) continue;
      if (runner.apply(event)) {
        applied[i] += 1;
        continue;
      }
      const failure = runner.failure;
      throw new Error(`rebuilding ${runner.name} failed at position ${failure?.position} (${failure?.eventType}): ${failure?.message}`);
    }
  });
  for (const runner of runners) runner.skip(head);
  return applied;
}
