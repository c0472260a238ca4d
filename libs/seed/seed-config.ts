import { DEFAULT_LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { SeedProfile } from './seed-profile';

/** The local authority configuration a profile's history is decided and reported with. */
export function seedConfig(profile: SeedProfile): LocalAuthorityConfig {
  return {
    ...DEFAULT_LOCAL_AUTHORITY_CONFIG,
    localAuthority: profile.localAuthority,
    populationUnder18ByYear: { ...DEFAULT_LOCAL_AUTHORITY_CONFIG.populationUnder18ByYear, ...profile.populationUnder18ByYear },
  };
}
