import { FigureId } from '../../src/reporting/figure-ids';

/**
 * What the keys of a breakdown are called in the published report (md, html): SSDA903 and
 * CIN census codes by their DfE names (../shared/reference/csc-data.md), shortened where the
 * DfE's wording is a paragraph, with the code beside for whoever checks them against a
 * return; the report's own keys (placement groups, age groups, stages...) in words. A key
 * with no name here (an IRO id, a code not in the lists) shows as it is. The csv keeps the
 * keys themselves: it is read by programs.
 */
const SEX: Record<string, string> = { male: 'Male', female: 'Female', unknown: 'Not known', unborn: 'Unborn' };

const AGE_GROUP: Record<string, string> = {
  under1: 'Under 1', '1-4': '1 to 4', '5-9': '5 to 9', '10-15': '10 to 15', '16+': '16 and over', unknown: 'Date of birth not known',
};

/** SSDA903 ETHNIC */
const ETHNICITY: Record<string, string> = {
  WBRI: 'White British', WIRI: 'White Irish', WOTH: 'Any other White background', WIRT: 'Traveller of Irish heritage',
  WROM: 'Gypsy/Roma', MWBC: 'White and Black Caribbean', MWBA: 'White and Black African', MWAS: 'White and Asian',
  MOTH: 'Any other Mixed background', AIND: 'Indian', APKN: 'Pakistani', ABAN: 'Bangladeshi', AOTH: 'Any other Asian background',
  BCRB: 'Caribbean', BAFR: 'African', BOTH: 'Any other Black background', CHNE: 'Chinese', OOTH: 'Any other ethnic group',
  REFU: 'Refused', NOBT: 'Information not yet obtained',
};

/** SSDA903 REC (reason episode ceased) */
const REASON_CEASED: Record<string, string> = {
  E11: 'Adopted: application unopposed',
  E12: 'Adopted: consent dispensed with by the court',
  E2: 'Died',
  E3: 'Care taken over by another local authority',
  E4A: 'Returned home as part of the care plan',
  E4B: 'Returned home, not as part of the care plan',
  E13: 'Left care to live with parents, relatives or others with no parental responsibility',
  E41: 'Residence order or child arrangements order',
  E45: 'Special guardianship order: former foster carers, relatives or friends',
  E46: 'Special guardianship order: former foster carers, not relatives or friends',
  E47: 'Special guardianship order: other carers, relatives or friends',
  E48: 'Special guardianship order: other carers, not relatives or friends',
  E5: 'Moved into independent living with support',
  E6: 'Moved into independent living without formal support',
  E7: 'Transferred to residential care funded by adult social care',
  E8: 'Ceased for any other reason',
  E9: 'Sentenced to custody',
  E14: 'Accommodation on remand ended',
  E15: 'Age assessment: aged 18 or over',
  E16: 'Moved abroad',
  E17: 'Aged 18 or over and stayed with current carers (including staying put)',
};

/** SSDA903 REVIEW_CODE */
const PARTICIPATION: Record<string, string> = {
  PN0: 'Child aged under 4',
  PN1: 'Child attends and speaks for themselves',
  PN2: 'Child attends and an advocate speaks for them',
  PN3: 'Child attends and conveys views symbolically',
  PN4: 'Child attends but does not contribute',
  PN5: 'Child does not attend but briefs an advocate',
  PN6: 'Child does not attend but conveys views by other means',
  PN7: 'Child does not attend, nor are views conveyed',
};

const PLACEMENT_GROUP: Record<string, string> = {
  foster: 'Foster care', connected: 'Connected carers (family and friends)', placedWithParents: 'Placed with parents',
  childrensHomes: "Children's homes", supportedAccommodation: 'Supported accommodation', independentLiving: 'Independent living',
  secure: 'Secure units', health: 'Health settings', adoption: 'Placed for adoption', other: 'Other placements',
};

/** CIN census category of abuse */
const CATEGORY_OF_ABUSE: Record<string, string> = {
  NEG: 'Neglect', EMO: 'Emotional abuse', PHY: 'Physical abuse', SAB: 'Sexual abuse', MUL: 'Multiple', unknown: 'Not recorded',
};

const STAGE: Record<string, string> = { '1': 'Stage 1', '2': 'Stage 2', '3': 'Stage 3', '4': 'Stage 4', cafcass: 'Cafcass' };

const LOOKED_AFTER_VS_PROTECTION: Record<string, string> = {
  lookedAfter: 'About a child in our care', protection: 'About a child on a protection plan', neither: 'About neither',
};

/** Names of codes shown with the code beside them; names of the report's own keys shown alone. */
const CODES: Partial<Record<FigureId, Record<string, string>>> = {
  'cla.atYearEnd.byEthnicity': ETHNICITY,
  'cla.ceased.byReason': REASON_CEASED,
  'reviews.participation': PARTICIPATION,
  'cp.plansStarted.byCategory': CATEGORY_OF_ABUSE,
};
const WORDS: Partial<Record<FigureId, Record<string, string>>> = {
  'cla.atYearEnd.bySex': SEX,
  'cla.atYearEnd.byAgeGroup': AGE_GROUP,
  'cla.ceased.byAgeGroup': AGE_GROUP,
  'cla.atYearEnd.byPlacementGroup': PLACEMENT_GROUP,
  'challenges.byHighestStage': STAGE,
  'challenges.lookedAfterVsProtection': LOOKED_AFTER_VS_PROTECTION,
  'cp.atYearEnd.bySex': SEX,
  'cp.repeatPlanCohort': { children: 'Children', families: 'Families' },
};

/** "drift-and-delay" -> "Drift and delay" (the API's challenge categories) */
const sentence = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, ' ');

/** A breakdown key as the published report shows it: "White British (WBRI)", "Placed with parents", "iro-3". */
export function keyLabel(id: FigureId, key: string): string {
  const code = CODES[id];
  if (code && Object.hasOwn(code, key)) return key === 'unknown' ? code[key] : `${code[key]} (${key})`;
  const words = WORDS[id];
  if (words && Object.hasOwn(words, key)) return words[key];
  if (id === 'challenges.byCategory') return sentence(key);
  if (key === 'unknown' && (id === 'cla.atYearEnd.byEthnicity' || id === 'cla.ceased.byReason')) return 'Not recorded';
  return key;
}
