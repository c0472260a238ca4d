import { Projection } from '../../src/projections/projection';

/** Where a module exports the projections, as an array of Projection under `exportName` (a worker thread loads them from there). */
export interface ProjectionsModule {
  module: string;
  exportName: string;
}

export function loadProjections(from: ProjectionsModule, names: readonly string[]): Projection[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const all = (require(from.module) as Record<string, unknown>)[from.exportName] as readonly Projection[] | undefined;
  if (!Array.isArray(all)) throw new Error(`${from.module} exports no projections as ${from.exportName}`);
  return names.map((name) => {
    const projection = all.find((candidate) => candidate.name === name);
    if (!projection) throw new Error(`${from.module} has no projection named ${name}`);
    return projection;
  });
}
