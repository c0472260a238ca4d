import { importChildren } from './import-children';
import { ImportOptions } from './import-options';
import { ImportReport } from '../report/import-report';
import { readCinSource } from '../cin/import-cin-census';
import { ImportFile } from '../ssda903/read-ssda903-return';
import { readSsda903Source, Ssda903ReturnFiles } from '../ssda903/import-ssda903-return';

export interface CouncilHistory {
  ssda903: readonly Ssda903ReturnFiles[];
  cin: readonly ImportFile[];
}

/**
 * A council's history, SSDA903 returns and CIN censuses together: the same events as
 * importing the returns and then the censuses, but each child's stream is read, decided and
 * appended once (for a first import of many years, the quick way). One report for both.
 */
export async function importCouncilHistory(history: CouncilHistory, options: ImportOptions): Promise<ImportReport> {
  return importChildren([readSsda903Source(history.ssda903, options), readCinSource(history.cin, options)], options);
}
