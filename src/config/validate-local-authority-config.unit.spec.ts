import { readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from './local-authority-config';
import { validateLocalAuthorityConfig } from './validate-local-authority-config';

const minimal = {
  localAuthority: 'Teesside Borough',
  populationUnder18ByYear: { '2019': 32751 },
  stageDeadlineWorkingDays: { '1': 5, '2': 5, '3': 5, '4': 5 },
};

const errorsOf = (json: unknown): string[] => {
  const result = validateLocalAuthorityConfig(json);
  return 'errors' in result ? result.errors : [];
};

describe('validateLocalAuthorityConfig', () => {
  it('accepts the shipped default file and reads it as the built-in defaults', () => {
    const file = join(__dirname, '..', '..', 'config', 'iro-config.default.json');
    const result = validateLocalAuthorityConfig(JSON.parse(readFileSync(file, 'utf8')));
    expect(result).toEqual({ config: DEFAULT_LOCAL_AUTHORITY_CONFIG });
  });

  it('fills the optional settings with their defaults', () => {
    const result = validateLocalAuthorityConfig(minimal);
    expect(result).toEqual({
      config: {
        ...minimal,
        localCaseloadTarget: 80,
        disclosureThreshold: 5,
        placementGroups: DEFAULT_LOCAL_AUTHORITY_CONFIG.placementGroups,
        postcodeDistricts: [],
      },
    });
  });

  it('refuses stage deadlines totalling more than the IRO Handbook\'s 20 working days', () => {
    expect(errorsOf({ ...minimal, stageDeadlineWorkingDays: { '1': 5, '2': 5, '3': 5, '4': 10 } })).toEqual([
      'stageDeadlineWorkingDays total 25 working days; the IRO Handbook allows no more than 20 for stages 1-4 together',
    ]);
  });

  it('accepts stage deadlines totalling exactly 20 working days, unevenly spread', () => {
    expect(errorsOf({ ...minimal, stageDeadlineWorkingDays: { '1': 2, '2': 3, '3': 5, '4': 10 } })).toEqual([]);
  });

  it('names each stage deadline that is not a positive integer, and a stage that does not exist', () => {
    expect(errorsOf({ ...minimal, stageDeadlineWorkingDays: { '1': 0, '2': 2.5, '3': '5', cafcass: 5 } })).toEqual([
      'stageDeadlineWorkingDays.1 must be a positive integer of working days, got 0',
      'stageDeadlineWorkingDays.2 must be a positive integer of working days, got 2.5',
      'stageDeadlineWorkingDays.3 must be a positive integer of working days, got "5"',
      'stageDeadlineWorkingDays.4 is missing: stages 1-4 each need a deadline in working days',
      'stageDeadlineWorkingDays.cafcass is not a stage (stages 1-4 have deadlines; Cafcass has none)',
    ]);
  });

  it('gives one message per bad setting, all at once', () => {
    const errors = errorsOf({
      localAuthority: '',
      populationUnder18ByYear: { '19': -3 },
      stageDeadlineWorkingDays: 'five',
      localCaseloadTarget: 0,
      disclosureThreshold: -1,
      placementGroups: { foster: ['U4', 'XX'], connected: ['U4'], pets: [] },
      postcodeDistricts: ['ts1'],
      stageDeadlines: {},
    });
    expect(errors).toEqual([
      'stageDeadlines is not a known setting',
      "localAuthority must be a non-empty string (the authority's name)",
      'populationUnder18ByYear: "19" is not a year (yyyy)',
      'populationUnder18ByYear.19 must be a positive integer, got -3',
      'stageDeadlineWorkingDays must be an object { "1": n, "2": n, "3": n, "4": n } of working days',
      'localCaseloadTarget must be a positive integer, got 0',
      'disclosureThreshold must be an integer of 0 or more, got -1',
      'placementGroups.pets is not a placement group (foster, connected, placedWithParents, childrensHomes, supportedAccommodation, independentLiving, secure, health, adoption, other)',
      'placementGroups.foster: "XX" is not an SSDA903 placement code',
      'placementGroups: U4 is in both foster and connected',
      'placementGroups.placedWithParents is missing (use [] for none)',
      'placementGroups.childrensHomes is missing (use [] for none)',
      'placementGroups.supportedAccommodation is missing (use [] for none)',
      'placementGroups.independentLiving is missing (use [] for none)',
      'placementGroups.secure is missing (use [] for none)',
      'placementGroups.health is missing (use [] for none)',
      'placementGroups.adoption is missing (use [] for none)',
      'placementGroups.other is missing (use [] for none)',
      'postcodeDistricts: "ts1" is not an upper-case postcode district such as "TS1"',
    ]);
  });

  it('refuses what is not an object', () => {
    expect(errorsOf([])).toEqual(['the configuration must be a JSON object']);
    expect(errorsOf(null)).toEqual(['the configuration must be a JSON object']);
  });

  it('lets keys starting with $ stand as comments', () => {
    expect(errorsOf({ ...minimal, $comment: 'ours' })).toEqual([]);
  });
});
