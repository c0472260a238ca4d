import { ProjectionHealth } from '../nest/health/projection-health';

/**
 * One projection's health as GET /health shows it: the shape the API's health endpoint
 * reads (name, checkpoint, lag, status) with the projector's details.
 */
export interface ProjectorHealth extends ProjectionHealth {
  /** the checkpoint: the last global position committed with the projection's documents */
  position: number;
  /** the store's last global position */
  headPosition: number;
  /** headPosition - position */
  lag: number;
  /**
   * ok: caught up; catching-up: behind the head; error: the projection threw (see error);
   * stopped: runs in this process but is not started
   */
  status: 'ok' | 'catching-up' | 'stopped' | 'error';
  /** this-process: fed by this process's projector; another-process: e.g. the apps/projector worker */
  runsIn: 'this-process' | 'another-process';
  /** the version of the projection's code in this process (Projection.version) */
  version: number;
  /** the version of the code the stored documents were built by; null when never recorded */
  builtByVersion: number | null;
  error?: string;
  /** present while a rebuild holds the projection (see RebuildClaim); processGone: it died, and the next rebuild takes it over */
  rebuild?: { since: string; host: string; pid: number; processGone: boolean };
}
