import { Projection } from '../../../src/projections/projection';
import { ALL_PROJECTIONS } from '../../../libs/projector/all-projections';
import { SAMPLE_PROJECTIONS } from '../../../libs/projector/testing/sample-projections';

/**
 * What the crash test feeds: every real read model (all-projections.ts) and the sample
 * projections, whose counters and per-stream lists would show a double-applied or lost event.
 */
export const CRASH_TEST_PROJECTIONS: readonly Projection[] = [...ALL_PROJECTIONS, ...SAMPLE_PROJECTIONS];
