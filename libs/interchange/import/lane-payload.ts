/**
 * A bulky answer or request between the import's threads (a thread's decided events, the
 * records it hands over) sent as JSON in a transferred buffer rather than structured-cloned:
 * the receiving thread, which also appends, parses JSON about twice as fast as it
 * deserializes a clone, and the bytes cross without a copy. Only plain data goes this way
 * (records and events: strings, numbers, booleans, null, arrays and objects); a property
 * whose value is undefined is left out, as the store's own JSON leaves it out.
 */
export interface LanePayload {
  json: Uint8Array;
}

export function toLanePayload(value: unknown): LanePayload {
  return { json: Buffer.from(JSON.stringify(value), 'utf8') };
}

export function fromLanePayload<T>(payload: LanePayload): T {
  const { json } = payload;
  return JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')) as T;
}

/** The buffer to transfer with a payload, when it owns it whole (Buffer.from of a large string does). */
export function transferListOf(payload: LanePayload): ArrayBuffer[] {
  const { buffer, byteOffset, byteLength } = payload.json;
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength ? [buffer] : [];
}

export const isLanePayload = (value: unknown): value is LanePayload =>
  typeof value === 'object' && value !== null && (value as Partial<LanePayload>).json instanceof Uint8Array;
