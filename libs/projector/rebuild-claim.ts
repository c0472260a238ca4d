import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { RebuildClaim } from '../read-store/read-store.port';

/**
 * A claim older than this is taken over whoever holds it: on another machine its
 * process cannot be seen, and no rebuild runs this long (a million events take seconds).
 */
export const REBUILD_CLAIM_LIMIT_MS = 6 * 60 * 60 * 1000;

/** This machine, as a claim names it, and whether one of its processes runs. */
export interface ClaimingMachine {
  host: string;
  alive(pid: number): boolean;
}

const THIS_MACHINE: ClaimingMachine = { host: hostname(), alive: processRuns };

/** A claim for a rebuild by this process, made at `now`. */
export function newRebuildClaim(now: Date): RebuildClaim {
  return { id: randomUUID(), host: THIS_MACHINE.host, pid: process.pid, claimedAt: now.toISOString() };
}

/**
 * Whether a claim's rebuild is gone, so that another may take it over: its process no
 * longer runs on this machine, or the claim is older than REBUILD_CLAIM_LIMIT_MS.
 */
export function isStaleRebuildClaim(holder: RebuildClaim, now: Date, machine: ClaimingMachine = THIS_MACHINE): boolean {
  if (now.getTime() - Date.parse(holder.claimedAt) > REBUILD_CLAIM_LIMIT_MS) return true;
  return holder.host === machine.host && !machine.alive(holder.pid);
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
