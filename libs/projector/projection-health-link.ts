import { noProjections, ProjectionHealthSource } from '../nest/health/projection-health';
import { Projector } from './projector';

/**
 * Connects GET /health to a projector created later inside the Nest app: pass `source`
 * as InfrastructureOptions.projectionHealth when opening the runtime, and the link to
 * ProjectorModule.forRoot({ health }), which attaches its projector.
 */
export class ProjectionHealthLink {
  private projector?: Projector;

  readonly source: ProjectionHealthSource = () => (this.projector ? this.projector.health() : noProjections());

  attach(projector: Projector): void {
    this.projector = projector;
  }
}
