import { PLACEMENT_TYPES, PlacementType } from '../events/codes';
import {
  DEFAULT_LOCAL_AUTHORITY_CONFIG,
  IRO_HANDBOOK_TOTAL_WORKING_DAYS,
  LocalAuthorityConfig,
  PLACEMENT_GROUPS,
  PlacementGroup,
} from './local-authority-config';

export type LocalAuthorityConfigValidation = { config: LocalAuthorityConfig } | { errors: string[] };

const STAGES = ['1', '2', '3', '4'] as const;
const KNOWN_KEYS = [
  'localAuthority', 'populationUnder18ByYear', 'stageDeadlineWorkingDays', 'localCaseloadTarget',
  'disclosureThreshold', 'placementGroups', 'postcodeDistricts',
];
/** An outward postcode district, e.g. TS1, TS10, SW1A. */
const POSTCODE_DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPositiveInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;
const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/**
 * Checks the local authority's configuration (IRO_CONFIG) and gives either the
 * configuration or one message per bad setting. Required: localAuthority,
 * populationUnder18ByYear, stageDeadlineWorkingDays. The rest default to the shipped
 * values. Keys starting with `$` are comments.
 */
export function validateLocalAuthorityConfig(json: unknown): LocalAuthorityConfigValidation {
  if (!isRecord(json)) return { errors: ['the configuration must be a JSON object'] };
  const errors: string[] = [];

  for (const key of Object.keys(json)) {
    if (!key.startsWith('$') && !KNOWN_KEYS.includes(key)) errors.push(`${key} is not a known setting`);
  }

  const localAuthority = json.localAuthority;
  if (typeof localAuthority !== 'string' || localAuthority.trim() === '') {
    errors.push('localAuthority must be a non-empty string (the authority\'s name)');
  }

  const population = checkPopulation(json.populationUnder18ByYear, errors);
  const stageDeadlines = checkStageDeadlines(json.stageDeadlineWorkingDays, errors);

  const localCaseloadTarget = json.localCaseloadTarget ?? DEFAULT_LOCAL_AUTHORITY_CONFIG.localCaseloadTarget;
  if (!isPositiveInteger(localCaseloadTarget)) {
    errors.push(`localCaseloadTarget must be a positive integer, got ${show(localCaseloadTarget)}`);
  }

  const disclosureThreshold = json.disclosureThreshold ?? DEFAULT_LOCAL_AUTHORITY_CONFIG.disclosureThreshold;
  if (!Number.isInteger(disclosureThreshold) || (disclosureThreshold as number) < 0) {
    errors.push(`disclosureThreshold must be an integer of 0 or more, got ${show(disclosureThreshold)}`);
  }

  const placementGroups = checkPlacementGroups(json.placementGroups, errors);
  const postcodeDistricts = checkPostcodeDistricts(json.postcodeDistricts, errors);

  if (errors.length > 0) return { errors };
  return {
    config: {
      localAuthority: (localAuthority as string).trim(),
      populationUnder18ByYear: population,
      stageDeadlineWorkingDays: stageDeadlines,
      localCaseloadTarget: localCaseloadTarget as number,
      disclosureThreshold: disclosureThreshold as number,
      placementGroups,
      postcodeDistricts,
    },
  };
}

function checkPopulation(value: unknown, errors: string[]): Record<string, number> {
  if (!isRecord(value) || Object.keys(value).length === 0) {
    errors.push('populationUnder18ByYear must be an object of year -> population aged 0-17, e.g. { "2019": 32751 }');
    return {};
  }
  for (const [year, population] of Object.entries(value)) {
    if (!/^\d{4}$/.test(year)) errors.push(`populationUnder18ByYear: "${year}" is not a year (yyyy)`);
    if (!isPositiveInteger(population)) {
      errors.push(`populationUnder18ByYear.${year} must be a positive integer, got ${show(population)}`);
    }
  }
  return value as Record<string, number>;
}

function checkStageDeadlines(value: unknown, errors: string[]): LocalAuthorityConfig['stageDeadlineWorkingDays'] {
  const fallback = DEFAULT_LOCAL_AUTHORITY_CONFIG.stageDeadlineWorkingDays;
  if (!isRecord(value)) {
    errors.push('stageDeadlineWorkingDays must be an object { "1": n, "2": n, "3": n, "4": n } of working days');
    return fallback;
  }
  let allValid = true;
  for (const stage of STAGES) {
    if (value[stage] === undefined) {
      allValid = false;
      errors.push(`stageDeadlineWorkingDays.${stage} is missing: stages 1-4 each need a deadline in working days`);
    } else if (!isPositiveInteger(value[stage])) {
      allValid = false;
      errors.push(`stageDeadlineWorkingDays.${stage} must be a positive integer of working days, got ${show(value[stage])}`);
    }
  }
  for (const key of Object.keys(value)) {
    if (!(STAGES as readonly string[]).includes(key)) {
      errors.push(`stageDeadlineWorkingDays.${key} is not a stage (stages 1-4 have deadlines; Cafcass has none)`);
    }
  }
  if (allValid) {
    const total = STAGES.reduce((sum, stage) => sum + (value[stage] as number), 0);
    if (total > IRO_HANDBOOK_TOTAL_WORKING_DAYS) {
      errors.push(
        `stageDeadlineWorkingDays total ${total} working days; the IRO Handbook allows no more than ` +
          `${IRO_HANDBOOK_TOTAL_WORKING_DAYS} for stages 1-4 together`,
      );
    }
  }
  return value as LocalAuthorityConfig['stageDeadlineWorkingDays'];
}

function checkPlacementGroups(value: unknown, errors: string[]): Record<PlacementGroup, PlacementType[]> {
  if (value === undefined) return DEFAULT_LOCAL_AUTHORITY_CONFIG.placementGroups;
  if (!isRecord(value)) {
    errors.push('placementGroups must be an object of group -> SSDA903 placement codes');
    return DEFAULT_LOCAL_AUTHORITY_CONFIG.placementGroups;
  }
  const groupOf = new Map<string, string>();
  for (const key of Object.keys(value)) {
    if (!(PLACEMENT_GROUPS as readonly string[]).includes(key)) {
      errors.push(`placementGroups.${key} is not a placement group (${PLACEMENT_GROUPS.join(', ')})`);
    }
  }
  for (const group of PLACEMENT_GROUPS) {
    const codes = value[group];
    if (codes === undefined) {
      errors.push(`placementGroups.${group} is missing (use [] for none)`);
      continue;
    }
    if (!Array.isArray(codes)) {
      errors.push(`placementGroups.${group} must be an array of SSDA903 placement codes`);
      continue;
    }
    for (const code of codes) {
      if (!(PLACEMENT_TYPES as readonly unknown[]).includes(code)) {
        errors.push(`placementGroups.${group}: ${show(code)} is not an SSDA903 placement code`);
      } else if (groupOf.has(code)) {
        errors.push(`placementGroups: ${code} is in both ${groupOf.get(code)} and ${group}`);
      } else {
        groupOf.set(code, group);
      }
    }
  }
  return value as Record<PlacementGroup, PlacementType[]>;
}

function checkPostcodeDistricts(value: unknown, errors: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.push('postcodeDistricts must be an array of postcode districts, e.g. ["TS1", "TS2"]');
    return [];
  }
  for (const district of value) {
    if (typeof district !== 'string' || !POSTCODE_DISTRICT.test(district)) {
      errors.push(`postcodeDistricts: ${show(district)} is not an upper-case postcode district such as "TS1"`);
    }
  }
  return value as string[];
}
