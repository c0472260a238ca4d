/**
 * The SSDA903 tables by their exact header rows (csc-data.md §1.1). A CSV file is
 * recognised by its header, never by its file name.
 */
export const SSDA903_TABLES = {
  header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  episodes: [
    'CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE',
    'HOME_POST', 'PL_POST', 'URN',
  ],
  reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  uasc: ['CHILD', 'SEX', 'DOB', 'DUC'],
  oc2: [
    'CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK',
    'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED',
  ],
  oc3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  ad1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  placedForAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  previousPermanence: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  socialWorkerEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
  deprivationOfLiberty: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
} as const satisfies Record<string, readonly string[]>;

export type Ssda903Table = keyof typeof SSDA903_TABLES;

/** The tables this product imports; the others are recognised and reported as not imported. */
export const IMPORTED_SSDA903_TABLES = ['header', 'episodes', 'reviews'] as const;
export type ImportedSsda903Table = (typeof IMPORTED_SSDA903_TABLES)[number];

export type EpisodeColumn = (typeof SSDA903_TABLES.episodes)[number];
export type HeaderColumn = (typeof SSDA903_TABLES.header)[number];
export type ReviewColumn = (typeof SSDA903_TABLES.reviews)[number];

const byHeader = new Map<string, Ssda903Table>(
  (Object.entries(SSDA903_TABLES) as [Ssda903Table, readonly string[]][]).map(([table, columns]) => [columns.join(','), table]),
);

/** The table whose exact header row this is, or null. */
export function ssda903TableOf(header: readonly string[]): Ssda903Table | null {
  return byHeader.get(header.join(',')) ?? null;
}

export const isImportedTable = (table: Ssda903Table): table is ImportedSsda903Table =>
  (IMPORTED_SSDA903_TABLES as readonly string[]).includes(table);

/** The columns that tell each imported table from every other SSDA903 table. */
const TELLING_COLUMNS: Record<ImportedSsda903Table, readonly string[]> = {
  header: ['CHILD', 'SEX', 'DOB', 'ETHNIC'],
  episodes: ['CHILD', 'DECOM'],
  reviews: ['CHILD', 'REVIEW'],
};

/**
 * The imported table this header row is almost certainly, though not exactly its header
 * row (another order, an extra, empty or missing column), or null: it holds the columns
 * that tell that table from the others, so reading past it would lose its rows unseen.
 */
export function importedTableNearly(header: readonly string[]): ImportedSsda903Table | null {
  const given = new Set(header.map((column) => column.trim().toUpperCase()).filter((column) => column !== ''));
  return IMPORTED_SSDA903_TABLES.find((table) => TELLING_COLUMNS[table].every((column) => given.has(column))) ?? null;
}
