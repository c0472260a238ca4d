/** How far one projection has got, as GET /health shows it. */
export interface ProjectionHealth {
  name: string;
  /** the last global position applied */
  checkpoint: number;
  /** events in the store not yet applied */
  lag: number;
  status: 'ok' | 'catching-up' | 'stopped' | 'error';
  [detail: string]: unknown;
}

/** Gives the projections' health; a function so each /health call reads it fresh. */
export type ProjectionHealthSource = () => ProjectionHealth[] | Promise<ProjectionHealth[]>;

/**
 * The hook for the projector: OversightInfrastructureModule binds this token to
 * `() => []` (no projections running in this process). The projector replaces the binding
 * (see `projectionHealth` in InfrastructureOptions) with a source reading its checkpoints.
 */
export const PROJECTION_HEALTH = Symbol('ProjectionHealth');

export const noProjections: ProjectionHealthSource = () => [];
