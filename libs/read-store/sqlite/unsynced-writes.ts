import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A rebuild writes its read models with SQLite's `synchronous = OFF` and syncs the file
 * once at its end: waiting for the disk at every checkpoint cost about a tenth of a
 * rebuild on a slow disk (measured). Until that sync, the operating system holds writes
 * the disk may not have: a process killed meanwhile loses nothing (the system still
 * writes them out), but a machine that stops (power, a crash of the system) may leave
 * the file damaged. So the rebuild leaves a marker beside the file, naming the boot it
 * ran in, from before its first unsynced write until after the sync; at start a marker
 * from another boot means the file cannot be trusted, and the read models are rebuilt
 * from the events.
 */
export interface UnsyncedWritesMark {
  /** Syncs the file and its write-ahead log to the disk, then removes the marker. */
  syncAndClear(): void;
}

export interface BootClock {
  /** this boot's id; undefined where the system does not say (then a dead writer's marker is taken as a risk) */
  bootId(): string | undefined;
}

export interface WriterCheck extends BootClock {
  /** whether the process with this id still runs */
  alive(pid: number): boolean;
}

interface Marker {
  bootId: string | null;
  pid: number;
  since: string;
}

const LINUX_BOOT_ID = '/proc/sys/kernel/random/boot_id';

export const SYSTEM_BOOT: WriterCheck = {
  bootId: () => {
    try {
      return readFileSync(LINUX_BOOT_ID, 'utf8').trim() || undefined;
    } catch {
      return undefined;
    }
  },
  alive: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it runs, as another user
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
};

const markerPrefix = (file: string): string => `${basename(file)}.unsynced-`;

/** Leaves the marker (synced, with its folder) before any unsynced write to `file`. */
export function markUnsyncedWrites(file: string, boot: BootClock = SYSTEM_BOOT): UnsyncedWritesMark {
  const marker = join(dirname(file), `${markerPrefix(file)}${process.pid}-${randomBytes(4).toString('hex')}`);
  const content: Marker = { bootId: boot.bootId() ?? null, pid: process.pid, since: new Date().toISOString() };
  writeFileSync(marker, JSON.stringify(content));
  syncPath(marker);
  syncFolder(dirname(file));
  return {
    syncAndClear: () => {
      for (const written of [file, `${file}-wal`]) if (existsSync(written)) syncPath(written);
      rmSync(marker, { force: true });
    },
  };
}

/**
 * Why `file` may have lost a rebuild's unsynced writes (a marker from another boot, or
 * from a writer that is gone when the boot cannot be told), or null. Markers of writers
 * that died in this boot are removed: what they wrote reached the system.
 */
export function unsyncedWritesAtRisk(file: string, check: WriterCheck = SYSTEM_BOOT): string | null {
  const bootId = check.bootId();
  for (const name of markersOf(file)) {
    const path = join(dirname(file), name);
    let marker: Marker;
    try {
      marker = JSON.parse(readFileSync(path, 'utf8')) as Marker;
    } catch {
      return `holds a rebuild's writes not yet synced to the disk (its marker ${path} is unreadable)`;
    }
    if (bootId !== undefined && marker.bootId === bootId) {
      if (!check.alive(marker.pid)) rmSync(path, { force: true });
      continue;
    }
    if (bootId === undefined && check.alive(marker.pid)) continue;
    return bootId === undefined
      ? `holds a rebuild's writes not yet synced to the disk, and this system cannot tell whether it has started again since (marker ${path})`
      : `holds a rebuild's writes not yet synced to the disk when the machine has started again since (marker ${path})`;
  }
  return null;
}

/** Removes every marker of `file` (once the file has been moved aside). */
export function clearUnsyncedMarkers(file: string): void {
  for (const name of markersOf(file)) rmSync(join(dirname(file), name), { force: true });
}

function markersOf(file: string): string[] {
  const folder = dirname(file);
  if (!existsSync(folder)) return [];
  const prefix = markerPrefix(file);
  return readdirSync(folder).filter((name) => name.startsWith(prefix));
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** a new file's name is on the disk only once its folder is synced; not every system lets a folder be opened so */
function syncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // e.g. EISDIR/EINVAL where folders cannot be synced
  } finally {
    closeSync(fd);
  }
}
