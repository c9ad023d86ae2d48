/**
 * Who owns a visit's print while it is "printing": the station (config station.id) and the
 * process run that sent it. Several processes write one store — the app and the CLI beside it on
 * a station, and every station on a shared PostgreSQL server — so a process that starts may only
 * call a print interrupted when it belonged to this station and the run that owned it is gone.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';

export interface PrintRun {
  /** The station's id (config station.id). */
  station: string;
  /** `<host>#<pid>#<nonce>`: one per process, see processRunId(). */
  run: string;
}

/** The owner stored on a visit; null on prints recorded before owners were (SQLite schema < 8). */
export interface PrintOwner {
  station: string | null;
  run: string | null;
}

const THIS_PROCESS_RUN = `${os.hostname()}#${process.pid}#${randomUUID().slice(0, 8)}`;

/** This process's run id: the same for every store it opens. */
export function processRunId(): string {
  return THIS_PROCESS_RUN;
}

export function parseRunId(run: string): { host: string; pid: number } | null {
  const m = /^(.*)#(\d+)#[^#]*$/.exec(run);
  return m ? { host: m[1]!, pid: Number(m[2]) } : null;
}

/**
 * Should `self`, starting up, mark this print failed? `pidAlive` says whether a process id is
 * running on this host (the only side effect, passed in).
 */
export function isInterruptedPrint(
  owner: PrintOwner,
  self: PrintRun,
  pidAlive: (pid: number) => boolean,
): boolean {
  // Recorded by a version that stored no owner: that process was of the older version, which
  // the schema upgrade this one did has already replaced.
  if (owner.station === null || owner.run === null) return true;
  // Another station's print: that station decides when it starts.
  if (owner.station !== self.station) return false;
  // This process is printing it right now.
  if (owner.run === self.run) return false;
  const theirs = parseRunId(owner.run);
  const mine = parseRunId(self.run);
  // A run on another host under this station's id is not one that still runs here: the station
  // was moved or reinstalled (its queue and its desk went with the id).
  if (!theirs || !mine || theirs.host !== mine.host) return true;
  return !pidAlive(theirs.pid);
}

/**
 * Whether a process with this id runs on this machine (signal 0 only asks). A reused id reads as
 * alive: the print then stays "printing" until a later start finds the id free, which is the safe
 * side (never fail a print that may still come out).
 */
export function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another account.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
