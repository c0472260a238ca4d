import { mongoDatabaseName } from './database-name';

describe('mongoDatabaseName', () => {
  it('is the database the URL names, or iro_oversight, for every MongoDB store alike', () => {
    expect(mongoDatabaseName('mongodb://mongodb:27017/iro?replicaSet=rs0')).toBe('iro');
    expect(mongoDatabaseName('mongodb+srv://user:pw@cluster.example.net/council%20a')).toBe('council a');
    expect(mongoDatabaseName('mongodb://localhost:27017')).toBe('iro_oversight');
    expect(mongoDatabaseName('mongodb://localhost:27017/?replicaSet=rs0')).toBe('iro_oversight');
  });
});
