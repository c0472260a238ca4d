/** Collection names become table and collection names in both backends: keep them plain. */
export const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,100}$/;

export function assertCollectionName(collection: string): void {
  if (!COLLECTION_NAME.test(collection)) {
    throw new Error(`invalid collection name ${JSON.stringify(collection)}: letters, digits, _ and - only, starting with a letter`);
  }
}
