import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Actor } from '../../../src/events/envelope';

/** Where the guard in front of every route leaves the caller (`request.user`). */
export interface RequestWithActor {
  user?: Actor;
}

export function actorOf(request: RequestWithActor): Actor {
  if (!request.user) throw new UnauthorizedException('No authenticated user on this request.');
  return request.user;
}

/** The user calling, as the guard set it on `request.user`: `{ userId, role }`. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor =>
  actorOf(context.switchToHttp().getRequest<RequestWithActor>()),
);
