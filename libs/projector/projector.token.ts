/** The Projector of this process, for rebuilds, health and read-your-writes. */
export const PROJECTOR = Symbol('Projector');
