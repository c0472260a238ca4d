import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { openExistingEventStore } from '../../../libs/event-store/create-event-store';
import { eventStoreLocationOf, loadInfrastructureSettings } from '../../../libs/nest/config/infrastructure-settings';
import { ALL_PROJECTIONS } from '../../../libs/projector/all-projections';
import { Projector, UnknownProjectionError } from '../../../libs/projector/projector';
import { embeddedRebuildFor } from '../../../libs/projector/threaded-rebuild';
import { createReadStore } from '../../../libs/read-store/create-read-store';
import { RebuildInProgressError } from '../../../libs/read-store/read-store.port';
import { CommandGroup } from './command-group';

/**
 * `iro projections rebuild [name]`: replays every event from position 0 into fresh
 * collections and swaps them in with the checkpoint (with the embedded stores, the read
 * models are folded and written in worker threads, as the API's rebuild does).
 * Queries keep reading the live collections until the swap; a projector running in the
 * API or apps/projector notices the swap at its next commit and reloads. A rebuild of a
 * read model another rebuild is working on is refused (see RebuildClaim).
 */
@SubCommand({
  name: 'rebuild',
  arguments: '[name]',
  description: `Rebuild a read model (or all) from position 0 and swap it in. Names: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`,
})
export class ProjectionsRebuildCommand extends CommandRunner {
  async run([name]: string[], options: { takeOver?: boolean } = {}): Promise<void> {
    const loaded = loadInfrastructureSettings(process.env);
    if ('errors' in loaded) {
      process.stderr.write(`iro projections rebuild: ${loaded.errors.join('; ')}\n`);
      process.exitCode = 1;
      return;
    }
    const { settings } = loaded;
    let eventStore;
    try {
      eventStore = openExistingEventStore(eventStoreLocationOf(settings));
    } catch (error) {
      process.stderr.write(`iro projections rebuild: ${(error as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    const readStore = createReadStore({ DATA_DIR: settings.dataDir, MONGODB_URL: settings.mongodbUrl ?? undefined });
    try {
      const projector = new Projector({
        eventStore,
        readStore,
        projections: ALL_PROJECTIONS,
        context: { config: settings.config },
        // the embedded stores' files: read by SqliteEventReplay, the children shared out between worker threads
        embeddedRebuild: embeddedRebuildFor({
          DATA_DIR: settings.dataDir,
          EVENTSTORE_URL: settings.eventStoreUrl ?? undefined,
          MONGODB_URL: settings.mongodbUrl ?? undefined,
        }),
        logger: { log: () => undefined, error: (message) => process.stderr.write(`${message}\n`) },
      });
      for (const report of await projector.rebuild(name, { takeOver: options.takeOver })) {
        process.stdout.write(
          `${report.name}: rebuilt from ${report.eventsApplied} events into ${report.documents} documents, ` +
            `swapped in at position ${report.position} (${(report.milliseconds / 1000).toFixed(1)} s)\n`,
        );
      }
    } catch (error) {
      const known = error instanceof UnknownProjectionError || error instanceof RebuildInProgressError;
      process.stderr.write(`iro projections rebuild: ${known ? error.message : (error as Error).stack}\n`);
      process.exitCode = 1;
    } finally {
      await eventStore.close();
      await readStore.close();
    }
  }

  @Option({
    flags: '--take-over',
    description: "take over another rebuild's claim on the read models: only when that rebuild no longer runs (its machine went down)",
  })
  parseTakeOver(): boolean {
    return true;
  }
}

/** `iro projections <subcommand>` */
@Command({
  name: 'projections',
  description: 'Manage the read models (projections): rebuild [name]',
  subCommands: [ProjectionsRebuildCommand],
})
export class ProjectionsCommand extends CommandGroup {}
