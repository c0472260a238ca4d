/** The database a MONGODB_URL names (`mongodb://host/iro?replicaSet=rs0`: `iro`), else `iro_oversight`: every MongoDB store uses the same one. */
export function mongoDatabaseName(url: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(url);
  return match ? decodeURIComponent(match[1]) : 'iro_oversight';
}
