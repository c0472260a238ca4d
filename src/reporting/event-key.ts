/**
 * A 32-bit FNV-1a hash of an event id. Facts keep it instead of the id itself (an id is
 * a 36-character string; twenty million of them would not fit the report's memory
 * budget). A void is matched on key and event type within one stream; if two facts of
 * that type in the stream share a key the void is ambiguous and the fold refuses it
 * (AmbiguousVoidError) rather than guess.
 */
export function eventKey(eventId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < eventId.length; i += 1) {
    hash ^= eventId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export class AmbiguousVoidError extends Error {
  constructor(
    readonly stream: string,
    readonly eventId: string,
  ) {
    super(`void of ${eventId} in ${stream} matches more than one record; the report cannot tell which`);
    this.name = 'AmbiguousVoidError';
  }
}
