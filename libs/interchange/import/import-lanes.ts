import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ImportLane, InThreadLane } from './import-lane';
import { WorkerLane } from './worker-lane';

/** Below this much input a worker thread costs more to start than it saves. */
const PARALLEL_FROM_BYTES = 4_000_000;
/** A worker's young generation: the import keeps much of what it allocates, and a small one is collected over and over. */
const WORKER_YOUNG_GENERATION_MB = 64;

/**
 * The threads an import runs on: the calling thread, and with `threads` > 1 (by default, when
 * the input is large and the machine has a second core) worker threads beside it. Running
 * from the TypeScript sources (the tests), workers are started only when asked for, and load
 * the sources through the TypeScript compiler. Without a worker script, the calling thread
 * does everything.
 */
export function importLanes(threads: number | undefined, inputBytes: number): ImportLane[] {
  const compiled = __filename.endsWith('.js');
  const script = join(__dirname, compiled ? 'import-lane-worker.js' : 'import-lane-worker.ts');
  const wanted = threads === undefined
    ? (compiled && inputBytes >= PARALLEL_FROM_BYTES ? Math.min(2, availableParallelism()) : 1)
    : Math.max(1, Math.floor(threads));
  const lanes: ImportLane[] = [new InThreadLane()];
  if (!existsSync(script)) return lanes;
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  for (let lane = 1; lane < wanted; lane += 1) {
    lanes.push(compiled ? new WorkerLane(script, { resourceLimits }) : new WorkerLane(typeScriptWorker(script), { eval: true, resourceLimits }));
  }
  return lanes;
}

/** A worker that runs a TypeScript module, each file transpiled as it is required (as ts-jest does for the tests). */
function typeScriptWorker(script: string): string {
  return `
const { readFileSync } = require('node:fs');
const ts = require(require.resolve('typescript', { paths: [${JSON.stringify(__dirname)}] }));
const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true };
require.extensions['.ts'] = (module, fileName) =>
  module._compile(ts.transpileModule(readFileSync(fileName, 'utf8'), { compilerOptions, fileName }).outputText, fileName);
require(${JSON.stringify(script)});
`;
}
