import { LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { Projection } from '../../src/projections/projection';
import { EventStore } from '../../libs/event-store/event-store.port';
import { Projector, ProjectorLogger } from '../../libs/projector/projector';
import { ReadStore } from '../../libs/read-store/read-store.port';

export interface ProjectorWorkerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: readonly Projection[];
  config: LocalAuthorityConfig;
  logger: ProjectorLogger;
  batchSize?: number;
  /** how often to log progress while catching up (default 10 s) */
  progressEveryMs?: number;
}

export interface ProjectorWorker {
  projector: Projector;
  /** resolves when the catch-up has reached the head */
  caughtUp: Promise<void>;
  /** stops feeding and commits what was applied (the stores stay open) */
  stop(): Promise<void>;
}

/** Starts the projector on its own (production: the apps/projector worker), logging its catch-up. */
export async function startProjectorWorker(options: ProjectorWorkerOptions): Promise<ProjectorWorker> {
  const projector = new Projector({
    eventStore: options.eventStore,
    readStore: options.readStore,
    projections: options.projections,
    context: { config: options.config },
    batchSize: options.batchSize,
    logger: options.logger,
  });
  await projector.start();
  const progress = setInterval(() => {
    void projector.health().then((health) => {
      const behind = health.filter((h) => h.lag > 0);
      if (behind.length > 0) options.logger.log(behind.map((h) => `${h.name} at ${h.position}/${h.headPosition}`).join('; '));
    });
  }, options.progressEveryMs ?? 10_000);
  progress.unref();
  const caughtUp = projector.whenCaughtUp();
  void caughtUp.then(() => options.logger.log('caught up; following new events'));
  return {
    projector,
    caughtUp,
    async stop() {
      clearInterval(progress);
      await projector.stop();
    },
  };
}
