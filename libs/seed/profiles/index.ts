import { SeedProfile } from '../seed-profile';
import { MIDDLESBROUGH_2019_20 } from './middlesbrough-2019-20';

/** Every seed profile, by name (`iro seed --profile <name>`). */
export const SEED_PROFILES: Readonly<Record<string, SeedProfile>> = {
  [MIDDLESBROUGH_2019_20.name]: MIDDLESBROUGH_2019_20,
};

export function findSeedProfile(name: string): SeedProfile | undefined {
  return Object.prototype.hasOwnProperty.call(SEED_PROFILES, name) ? SEED_PROFILES[name] : undefined;
}

export { MIDDLESBROUGH_2019_20 };
