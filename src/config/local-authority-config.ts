import { PlacementType } from '../events/codes';

/** The local authority's configuration (IRO_CONFIG), shape as in ../shared/FIGURES.md. */
export interface LocalAuthorityConfig {
  localAuthority: string;
  populationUnder18ByYear: Record<string, number>;
  /** response deadlines in working days for stages 1-4 */
  stageDeadlineWorkingDays: { '1': number; '2': number; '3': number; '4': number };
  localCaseloadTarget: number;
  disclosureThreshold: number;
  placementGroups: Record<PlacementGroup, PlacementType[]>;
  /** the authority's own postcode districts, e.g. ["TS1", "TS2"]: a placement elsewhere is outside */
  postcodeDistricts: string[];
}

export const PLACEMENT_GROUPS = [
  'foster', 'connected', 'placedWithParents', 'childrensHomes', 'supportedAccommodation',
  'independentLiving', 'secure', 'health', 'adoption', 'other',
] as const;
export type PlacementGroup = (typeof PLACEMENT_GROUPS)[number];

/** The IRO Handbook's limit for stages 1-4 together. */
export const IRO_HANDBOOK_TOTAL_WORKING_DAYS = 20;

export const DEFAULT_LOCAL_AUTHORITY_CONFIG: LocalAuthorityConfig = {
  localAuthority: 'Example Borough Council',
  populationUnder18ByYear: { '2017': 32500, '2018': 32650, '2019': 32751, '2020': 32800 },
  stageDeadlineWorkingDays: { '1': 5, '2': 5, '3': 5, '4': 5 },
  localCaseloadTarget: 80,
  disclosureThreshold: 5,
  placementGroups: {
    foster: ['U4', 'U5', 'U6'],
    connected: ['U1', 'U2', 'U3'],
    placedWithParents: ['P1'],
    childrensHomes: ['K2', 'R1'],
    supportedAccommodation: ['H5', 'K3'],
    independentLiving: ['P2'],
    secure: ['K1'],
    health: ['R2'],
    adoption: ['A3', 'A4', 'A5', 'A6'],
    other: [],
  },
  postcodeDistricts: [],
};

export const LOCAL_AUTHORITY_CONFIG = Symbol('LocalAuthorityConfig');
