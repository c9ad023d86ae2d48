/**
 * The store on the hospital's PostgreSQL server (`npm run bench -- store`, after the SQLite
 * figures), on a throwaway cluster of the tests (tests/integration/support/pg-cluster.ts: a real
 * server on loopback, fsync and synchronous_commit off, so these are the CPU and lock costs, not a
 * disk's):
 * - 1, 4 and 8 stations, each its own process with its own PostgresStore and pool
 *   (./pg-station-child.ts), checking in back to back into one department and lane at once: queue
 *   numbers handed out per second by all of them together (one committed check-in each) and each
 *   check-in's latency (p50, p99);
 * - a station that worked offline (HospitalStore with the server stopped: 1000 visits with offline
 *   numbers in its own SQLite file) opened again with the server back: time until the upload
 *   (importOfflineVisits, in batches) has committed all of them.
 * The stations check in on a fresh database, each run on a day of its own so that its queue starts at
 * 1; each offline upload goes to a fresh database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { StoreStatus } from '../src/shared/domain';
import { nullLogger } from '../src/main/logging/logger';
import { openHospitalStore } from '../src/main/store/hospital/open-hospital-store';
import { openPostgresStore } from '../src/main/store/postgres/open-postgres-store';
import { startChild, until, type Child } from '../tests/integration/store/checkin-children';
import { freshDatabase } from '../tests/integration/store/pg-databases';
import {
  pgAvailable,
  startPgCluster,
  type PgCluster,
} from '../tests/integration/support/pg-cluster';
import { quantile, type Report } from './report';
import { BENCH_DAY, benchRequest } from './store-requests';

const STATION = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pg-station-child.ts');
const RUNS = 3;
/** Enough check-ins for a p99 in every run, few enough to keep the whole store bench short. */
const checkInsPerStation = (stations: number): number => Math.max(100, 400 / stations);
const OFFLINE_VISITS = 1000;

/** A fresh database with the schema in place, so that no station's timing includes migrating. */
async function migratedDatabase(cluster: PgCluster): Promise<string> {
  const url = await freshDatabase(cluster, 'bench');
  await (await openPostgresStore({ url })).close();
  return url;
}

async function scalar(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number(Object.values((await client.query(sql)).rows[0] as object)[0]);
  } finally {
    await client.end();
  }
}

interface StationResult {
  latenciesMs: number[];
  startedAt: number;
  endedAt: number;
}

const MAX_STATIONS = 8;

/**
 * One run: the first `stations` station processes told to start at once, waited for, their
 * figures combined. Each run checks in on a day of its own, so its queue starts at number 1.
 */
async function stationsRun(url: string, children: Child[], stations: number, run: number) {
  const day = `2026-11-${String(run).padStart(2, '0')}`;
  const count = checkInsPerStation(stations);
  const running = children.slice(0, stations);
  const tag = `result ${run} `;
  for (const c of running) c.proc.stdin!.write(`run ${run} ${day} ${count}\n`);
  await until(
    () => stationEnded(children) || running.every((c) => c.lines.some((l) => l.startsWith(tag))),
    120_000,
    `run ${run}`,
  );
  if (stationEnded(children)) throw new Error('a station process ended during a run');
  const results = running.map(
    (c) => JSON.parse(c.lines.find((l) => l.startsWith(tag))!.slice(tag.length)) as StationResult,
  );
  const total = stations * count;
  // The figures are only worth printing if every check-in got its own number of one queue.
  const lastSeq = await scalar(
    url,
    `SELECT last_seq FROM queue_counters WHERE day = '${day}' AND department = 'KHAM'`,
  );
  if (lastSeq !== total) throw new Error(`KHAM counter at ${lastSeq} on ${day}, expected ${total}`);
  const latencies = results.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const wallMs =
    Math.max(...results.map((r) => r.endedAt)) - Math.min(...results.map((r) => r.startedAt));
  return {
    perSecond: (total / wallMs) * 1000,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

const stationEnded = (children: Child[]): boolean =>
  children.some((c) => c.proc.exitCode !== null || c.proc.signalCode !== null);

async function concurrentStations(report: Report, cluster: PgCluster): Promise<void> {
  const url = await migratedDatabase(cluster);
  const children = Array.from({ length: MAX_STATIONS }, (_, i) =>
    startChild([url, String(i + 1)], STATION, true),
  );
  try {
    await until(
      () => stationEnded(children) || children.every((c) => c.lines.includes('ready')),
      180_000,
      'stations ready',
    );
    if (stationEnded(children)) throw new Error('a station process ended before it was ready');
    let run = 0;
    for (const stations of [1, 4, MAX_STATIONS]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await stationsRun(url, children, stations, ++run));
      const what = `${stations} station${stations > 1 ? 's' : ''} × ${checkInsPerStation(stations)}, one department`;
      report.samples(
        `pg queue numbers per second (${what})`,
        runs.map((r) => r.perSecond),
        '/s',
      );
      report.samples(
        `pg check-in p50 (${what})`,
        runs.map((r) => r.p50),
        'ms',
      );
      report.samples(
        `pg check-in p99 (${what})`,
        runs.map((r) => r.p99),
        'ms',
      );
    }
    for (const c of children) c.proc.stdin!.end();
    const codes = await Promise.all(children.map((c) => c.exited));
    if (codes.some((code) => code !== 0)) throw new Error(`station exit codes ${codes.join(', ')}`);
  } finally {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
  }
}

/** Resolves once the station says it is on the server with nothing left to upload. */
function uploaded(store: { onStatus(l: (s: StoreStatus) => void): () => void }): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = store.onStatus((s) => {
      if (s.uploadError) reject(new Error(`upload failed: ${s.uploadError.code}`));
      else if (s.serverReachable && s.waitingUpload === 0) resolve();
      else return;
      off();
    });
  });
}

interface OfflineStation {
  url: string;
  options: Parameters<typeof openHospitalStore>[0];
}

/** A station on its own fresh database, with `OFFLINE_VISITS` made while the server is stopped. */
async function offlineStation(url: string, dir: string, run: number): Promise<OfflineStation> {
  const options = {
    server: { url, connectTimeoutMs: 2000 },
    localFile: path.join(dir, `K0${run}.sqlite`),
    logger: nullLogger,
    listen: false,
  };
  const offline = await openHospitalStore(options);
  try {
    for (let i = 0; i < OFFLINE_VISITS; i++) {
      await offline.checkIn(benchRequest(i, { stationId: `K0${run}` }));
    }
    const status = await offline.status();
    if (status.serverReachable || status.waitingUpload !== OFFLINE_VISITS) {
      throw new Error(
        `expected ${OFFLINE_VISITS} offline visits, status ${JSON.stringify(status)}`,
      );
    }
  } finally {
    await offline.close();
  }
  return { url, options };
}

/** From opening the station with the server back until its offline visits are all on it. */
async function timeUpload(station: OfflineStation): Promise<number> {
  const t0 = performance.now();
  // The first reconnect attempt runs as the store opens, and uploads.
  const back = await openHospitalStore(station.options);
  let ms: number;
  try {
    await Promise.race([
      uploaded(back),
      new Promise((_, reject) => setTimeout(() => reject(new Error('upload timed out')), 60_000)),
    ]);
    ms = performance.now() - t0;
  } finally {
    await back.close();
  }
  const onServer = await scalar(
    station.url,
    `SELECT count(*) FROM visits WHERE day = '${BENCH_DAY}'`,
  );
  if (onServer !== OFFLINE_VISITS) throw new Error(`${onServer} visits on the server`);
  return ms;
}

async function offlineUpload(report: Report, cluster: PgCluster): Promise<void> {
  const urls: string[] = [];
  for (let run = 1; run <= RUNS; run++) urls.push(await migratedDatabase(cluster));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-offline-'));
  try {
    // One stop and start of the server for all runs (each costs seconds on a busy machine).
    const stations: OfflineStation[] = [];
    await cluster.pause();
    try {
      for (const [i, url] of urls.entries()) stations.push(await offlineStation(url, dir, i + 1));
    } finally {
      await cluster.start();
    }
    const times: number[] = [];
    for (const station of stations) times.push(await timeUpload(station));
    report.samples(
      `pg upload of ${OFFLINE_VISITS} offline visits (station opened, server back)`,
      times,
      'ms',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function postgresBench(report: Report): Promise<void> {
  const available = pgAvailable();
  if (!available.ok) {
    report.figure('pg', `skipped: ${available.reason}`);
    return;
  }
  // The figures depend on what else runs: the server, the stations and anything else share the
  // machine's cores.
  report.figure(
    'pg machine',
    `${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the start`,
  );
  const cluster = await startPgCluster();
  try {
    await concurrentStations(report, cluster);
    await offlineUpload(report, cluster);
  } finally {
    await cluster.stop();
  }
}
