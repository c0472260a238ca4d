import { NewEvent } from '../../src/events/envelope';

/** An event as its row stores it: data and metadata as JSON text. */
export interface EncodedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
}

export const encodeEvent = (event: NewEvent): EncodedEvent => ({
  id: event.id,
  type: event.type,
  schemaVersion: event.schemaVersion,
  dataJson: JSON.stringify(event.data),
  metadataJson: JSON.stringify(event.metadata),
});
