import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { SQLITE_EVENTS_FILE } from '../../../libs/event-store/create-event-store';
import { findSeedProfile, SEED_PROFILES } from '../../../libs/seed/profiles';
import { seedConfig } from '../../../libs/seed/seed-config';
import { seedEventStore, SeedSummary } from '../../../libs/seed/seed-event-store';

export interface SeedRequest {
  profile?: string;
  dataDir?: string;
}

export const SEED_CONFIG_FILE = 'iro-config.json';

/**
 * Writes a seed profile's synthetic history into the embedded store of `dataDir` (default
 * DATA_DIR, else ./data), which must be empty, and the profile's configuration beside it.
 * Throws an Error with a message for a bad request.
 */
export async function seedDataDir(request: SeedRequest, env: NodeJS.ProcessEnv): Promise<SeedSummary & { dataDir: string; configFile: string; reportYear: number }> {
  const names = Object.keys(SEED_PROFILES).join(', ');
  if (!request.profile) throw new Error(`--profile is required: one of ${names}`);
  const profile = findSeedProfile(request.profile);
  if (!profile) throw new Error(`no seed profile "${request.profile}": one of ${names}`);
  const dataDir = resolve(request.dataDir ?? (env.DATA_DIR?.trim() || 'data'));
  mkdirSync(dataDir, { recursive: true });
  const summary = await seedEventStore(profile, join(dataDir, SQLITE_EVENTS_FILE));
  const configFile = join(dataDir, SEED_CONFIG_FILE);
  writeFileSync(configFile, `${JSON.stringify(seedConfig(profile), null, 2)}\n`);
  return { ...summary, dataDir, configFile, reportYear: profile.reportYear };
}

/** `iro seed --profile middlesbrough-2019-20 [--data-dir ./data]` */
@Command({
  name: 'seed',
  description:
    'Write a synthetic, deterministic history (generated ids, no real child) into an empty embedded store, through the same ' +
    `deciders as the API. Profiles: ${Object.values(SEED_PROFILES).map((p) => `${p.name} (${p.description})`).join('; ')}`,
})
export class SeedCommand extends CommandRunner {
  async run(_params: string[], options: SeedRequest): Promise<void> {
    try {
      if (process.env.EVENTSTORE_URL?.trim()) {
        console.log('note: the seed writes the embedded SQLite store of the data folder, not EVENTSTORE_URL');
      }
      const seeded = await seedDataDir(options, process.env);
      console.log(
        `seeded ${seeded.profile}: ${seeded.events.toLocaleString('en-GB')} events, ${seeded.children.toLocaleString('en-GB')} children, ` +
          `${seeded.challenges} challenges, recorded ${seeded.firstRecordedOn} to ${seeded.lastRecordedOn}, ` +
          `in ${((seeded.planMs + seeded.writeMs) / 1000).toFixed(1)} s`,
      );
      console.log(`store: ${join(seeded.dataDir, SQLITE_EVENTS_FILE)}`);
      console.log(`configuration: ${seeded.configFile}`);
      console.log(
        `report: DATA_DIR=${seeded.dataDir} IRO_CONFIG=${seeded.configFile} iro report annual --year ${seeded.reportYear} --format html --out report.html`,
      );
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  }

  @Option({ flags: '--profile <name>', description: `the seed profile: ${Object.keys(SEED_PROFILES).join(', ')}`, required: true })
  parseProfile(value: string): string {
    return value;
  }

  @Option({ flags: '--data-dir <dir>', description: 'the data folder (default DATA_DIR, else ./data); its store must be empty' })
  parseDataDir(value: string): string {
    return value;
  }
}
