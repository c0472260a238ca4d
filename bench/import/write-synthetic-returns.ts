import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SYNTHETIC_AUTHORITY_DISTRICTS, syntheticHistory } from '../../libs/interchange/synthetic/synthetic-history';
import { syntheticCinCensus, syntheticSsda903Return } from '../../libs/interchange/synthetic/synthetic-returns';

/**
 * Writes a synthetic council history to try the import with (not real children):
 * `<out>/ssda903/<year>/{header,episodes,reviews}.csv` and `<out>/cin/cin-<year+1>.xml`.
 * `node dist/bench/import/write-synthetic-returns.js --out demo --children 2000 --first-year 2015 --years 5`
 */
function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const out = resolve(option('out', 'synthetic-returns'));
const children = Number(option('children', '2000'));
const firstYear = Number(option('first-year', '2015'));
const years = Number(option('years', '5'));
const history = syntheticHistory({ children, firstYear, years });
for (let year = firstYear; year < firstYear + years; year += 1) {
  const folder = join(out, 'ssda903', String(year));
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(syntheticSsda903Return(history, year))) writeFileSync(join(folder, name), text);
  mkdirSync(join(out, 'cin'), { recursive: true });
  writeFileSync(join(out, 'cin', `cin-${year + 1}.xml`), syntheticCinCensus(history, year));
}
console.log(`wrote ${years} years of SSDA903 returns and CIN censuses for ${children} synthetic children to ${out}`);
console.log(`their placements are inside the authority when the postcode district is one of ${JSON.stringify(SYNTHETIC_AUTHORITY_DISTRICTS)}`);
