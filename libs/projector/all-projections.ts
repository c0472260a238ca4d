import { Projection } from '../../src/projections/projection';
import { driftAndDelayProjection } from '../../src/projections/drift-and-delay/drift-and-delay.projection';
import { issuesResolutionProjection } from '../../src/projections/issues-resolution/issues-resolution.projection';
import { annualReportProjection } from '../../src/reporting/annual-report.projection';

/**
 * Every read model's projection: what the projector feeds in the API process, in
 * apps/projector, in `iro projections rebuild`, in the crash test and in the projection
 * benchmark. A new projection is registered by adding it here.
 */
export const ALL_PROJECTIONS: readonly Projection[] = [issuesResolutionProjection, driftAndDelayProjection, annualReportProjection];
