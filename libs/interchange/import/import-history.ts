import { cinUnits } from '../cin/import-cin-census';
import { ImportReport } from '../report/import-report';
import { ImportFile } from '../ssda903/read-ssda903-return';
import { ssda903Units, Ssda903ReturnFiles } from '../ssda903/import-ssda903-return';
import { importUnits } from './import-children';
import { ImportOptions } from './import-options';

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
  return importUnits(
    { ssda903: ssda903Units(history.ssda903, 0), cin: cinUnits(history.cin, options.year, history.ssda903.length) },
    options,
  );
}
