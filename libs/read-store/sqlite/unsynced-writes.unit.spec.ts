import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearUnsyncedMarkers, markUnsyncedWrites, unsyncedWritesAtRisk } from './unsynced-writes';

describe('unsynced writes to a read-models file (a rebuild that leaves syncing to its end)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'unsynced-'));
    file = join(dir, 'read-models.sqlite');
    writeFileSync(file, '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const markers = () => readdirSync(dir).filter((name) => name.includes('.unsynced-'));

  it('leaves a marker while the writes are unsynced, and none once they are synced', () => {
    const mark = markUnsyncedWrites(file, { bootId: () => 'boot-1' });
    expect(markers()).toHaveLength(1);
    mark.syncAndClear();
    expect(markers()).toHaveLength(0);
  });

  it('says nothing is at risk when there is no marker', () => {
    expect(unsyncedWritesAtRisk(file, { bootId: () => 'boot-1', alive: () => false })).toBeNull();
  });

  it('says the writes are at risk when the machine has started again since the marker was left', () => {
    markUnsyncedWrites(file, { bootId: () => 'boot-1' });
    const risk = unsyncedWritesAtRisk(file, { bootId: () => 'boot-2', alive: () => false });
    expect(risk).toMatch(/machine has started again/);
    expect(risk).toContain('.unsynced-');
  });

  it('says they are at risk when the boot cannot be told (no boot id) and the writer is gone', () => {
    markUnsyncedWrites(file, { bootId: () => undefined });
    expect(unsyncedWritesAtRisk(file, { bootId: () => undefined, alive: () => false })).toMatch(/cannot tell/);
  });

  it('takes a writer that died in the same boot as harmless (the system kept what it was handed) and removes its marker', () => {
    markUnsyncedWrites(file, { bootId: () => 'boot-1' });
    expect(unsyncedWritesAtRisk(file, { bootId: () => 'boot-1', alive: () => false })).toBeNull();
    expect(markers()).toHaveLength(0);
  });

  it('leaves alone the marker of a writer still running in this boot', () => {
    markUnsyncedWrites(file, { bootId: () => 'boot-1' });
    expect(unsyncedWritesAtRisk(file, { bootId: () => 'boot-1', alive: () => true })).toBeNull();
    expect(markers()).toHaveLength(1);
  });

  it('clears the markers it reports, with the file they belong to', () => {
    markUnsyncedWrites(file, { bootId: () => 'boot-1' });
    unsyncedWritesAtRisk(file, { bootId: () => 'boot-2', alive: () => false });
    expect(markers()).toHaveLength(1);
    clearUnsyncedMarkers(file);
    expect(markers()).toHaveLength(0);
    expect(existsSync(file)).toBe(true);
  });

  it('takes an unreadable marker as a risk (it was cut short when written)', () => {
    writeFileSync(`${file}.unsynced-123-abc`, '{"bootId":');
    expect(unsyncedWritesAtRisk(file, { bootId: () => 'boot-1', alive: () => false })).toMatch(/unreadable/);
  });
});
