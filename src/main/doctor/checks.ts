/**
 * `doctor`: what is installed and reachable, one line each. Every check is independent, bounded
 * in time, and reports instead of throwing, so one broken part never hides the others.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { cscaFolderProblem, effectiveCscaFolder } from '../card/csca-folder';
import { loadTrustAnchors, staleCrls } from '../card/protocol/passive-auth';
import type { KioskConfig } from '../config/schema';
import { INSECURE_SERVICE_URL, isSecureServiceUrl } from '../config/secure-url';
import { createHisClient, type HisPing } from '../his/his-client';
import { inDataDir, maskSecrets } from '../config/load-config';
import { ensurePrivateDir } from '../fs/private-files';
import { utcOffsetMinutes } from '../../shared/hospital-day';
import { simulatedParts } from '../config/simulated-parts';
import { toErrorShape } from '../../shared/errors';
import { isServerUnreachable } from '../store/hospital/reachability';
import type { StoreHealth } from '../store/store-health';
import { STATION_GROUP_ROLES } from '../store/postgres/pg-grants';
import type { StationMode } from '../../shared/domain';

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  name: string;
  status: CheckStatus;
  detail: string;
}

const require = createRequire(import.meta.url);

export function checkNode(): CheckResult {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > 20 || (major === 20 && minor >= 19);
  return {
    name: 'node',
    status: ok ? 'ok' : 'fail',
    detail: `Node ${process.versions.node} on ${process.platform}/${process.arch}${ok ? '' : ' (needs 20.19 or later)'}`,
  };
}

export function checkDataDir(dataDir: string): CheckResult {
  try {
    ensurePrivateDir(dataDir);
    accessSync(dataDir, constants.W_OK);
    return { name: 'data folder', status: 'ok', detail: dataDir };
  } catch (err) {
    return { name: 'data folder', status: 'fail', detail: `${dataDir}: ${(err as Error).message}` };
  }
}

export function checkNativeModule(moduleName: string): CheckResult {
  try {
    require(moduleName);
    return { name: moduleName, status: 'ok', detail: 'loads in this runtime' };
  } catch (err) {
    const message = (err as Error).message.split('\n')[0] ?? '';
    const hint = message.includes('NODE_MODULE_VERSION')
      ? ' (built for another runtime: run `node scripts/native-abi.mjs node`)'
      : '';
    return { name: moduleName, status: 'fail', detail: `${message}${hint}` };
  }
}

export function checkElectron(): CheckResult {
  try {
    const bin = require('electron') as unknown;
    if (typeof bin === 'string' && existsSync(bin)) {
      return { name: 'electron runtime', status: 'ok', detail: bin };
    }
  } catch {
    // fall through: package present without its binary
  }
  return {
    name: 'electron runtime',
    status: 'warn',
    detail:
      'not installed: `npm start` runs the web host instead (node node_modules/electron/install.js fetches it)',
  };
}

export function checkExecutable(name: string, candidates: string[], why: string): CheckResult {
  const found = candidates.find((c) => existsSync(c));
  return found
    ? { name, status: 'ok', detail: found }
    : { name, status: 'warn', detail: `not found (${why})` };
}

export function checkVpcd(): CheckResult {
  const conf = '/etc/reader.conf.d/vpcd';
  return existsSync(conf)
    ? {
        name: 'vpcd (virtual reader)',
        status: 'ok',
        detail: `${conf} (reader "Virtual PCD 00 00")`,
      }
    : {
        name: 'vpcd (virtual reader)',
        status: 'warn',
        detail: 'vsmartcard-vpcd not installed: `simulate card` cannot appear in PC/SC',
      };
}

export function checkPcscd(): CheckResult {
  const socket = '/run/pcscd/pcscd.comm';
  return existsSync(socket)
    ? { name: 'pcscd', status: 'ok', detail: `running (${socket})` }
    : {
        name: 'pcscd',
        status: 'warn',
        detail: 'not running: real readers are unavailable (start it with `pcscd`)',
      };
}

export function tcpReachable(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (problem: string | null): void => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(timeoutMs, () => finish(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => finish(null));
    socket.once('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
  });
}

export function checkCardReader(config: KioskConfig, now = new Date()): CheckResult {
  const name = 'card reader';
  const r = config.reader;
  if (r.driver === 'simulated') {
    return { name, status: 'ok', detail: 'simulated reader (default)' };
  }
  const which = `PC/SC${r.name ? `: ${r.name}` : ' (first reader with a card)'}`;
  const folder = effectiveCscaFolder(r);
  const problem = folder ? cscaFolderProblem(folder) : 'no CSCA folder';
  if (problem) {
    return {
      name,
      status: 'fail',
      detail: `${which}; ${problem}: passive authentication can only say "unverified" and every chip needs staff`,
    };
  }
  const source = r.cscaFolder ? 'reader.cscaFolder' : 'the shipped CCCD CSCA';
  // Unreadable files and CRLs no trusted CSCA signed are ignored by the reader; a trusted CRL
  // whose dates say it is out of date is still used: say which, for both.
  const loaded = loadTrustAnchors([folder!]);
  if (loaded.anchors.length === 0) {
    return {
      name,
      status: 'fail',
      detail: `${which}; ${folder} holds no usable certificate (${loaded.problems.join(', ')}): passive authentication can only say "unverified" and every chip needs staff`,
    };
  }
  if (r.trustTestCsca) {
    return {
      name,
      status: 'warn',
      detail: `${which}; reader.trustTestCsca is on: a fake card signed with the public test key passes passive authentication (set it to false in production)`,
    };
  }
  const notes = [
    loaded.problems.length ? `ignored: ${loaded.problems.join(', ')}` : '',
    ...staleCrls(loaded.revoked, now),
  ].filter(Boolean);
  if (notes.length) {
    return {
      name,
      status: 'warn',
      detail: `${which}; CSCA certificates from ${folder} (${source}); ${notes.join('; ')}`,
    };
  }
  return { name, status: 'ok', detail: `${which}; CSCA certificates from ${folder} (${source})` };
}

/** Any simulator in use is a warning: its answers and slips are made up ("MÔ PHỎNG"). */
export function checkSimulation(config: KioskConfig): CheckResult {
  const name = 'simulators';
  const parts = simulatedParts(config);
  const which = [parts.reader && 'card reader', parts.gateway && 'lookup service'].filter(Boolean);
  if (which.length === 0) return { name, status: 'ok', detail: 'none: real reader and service' };
  const bench = config.allowSimulated
    ? '; allowSimulated is true (a test bench, never a hospital)'
    : '';
  return {
    name,
    status: 'warn',
    detail: `simulated ${which.join(' and ')}: slips and screens say MÔ PHỎNG / SIMULATED${bench}`,
  };
}

export async function checkLookupService(config: KioskConfig): Promise<CheckResult> {
  const name = 'lookup service';
  if (!config.insurance.enabled)
    return { name, status: 'warn', detail: 'checking is switched off' };
  if (config.insurance.service === 'simulated') {
    return { name, status: 'ok', detail: 'embedded simulator (default; no credentials needed)' };
  }
  const url = new URL(config.insurance.baseUrl ?? '');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const problem = await tcpReachable(url.hostname, port, 3000);
  return problem
    ? { name, status: 'fail', detail: `${url.host}: ${problem}` }
    : { name, status: 'ok', detail: `${url.host} reachable (credentials not tested)` };
}

/**
 * The HIS: off, or its address (https, the lookup service's rule), how it is signed in to (never
 * the credentials) and whether it answers /metadata.
 */
export async function checkHis(
  config: KioskConfig,
  ping: (timeoutMs: number) => Promise<HisPing> = (ms) => createHisClient(config.his).ping(ms),
): Promise<CheckResult> {
  const name = 'HIS (FHIR)';
  const his = config.his;
  if (!his.enabled) return { name, status: 'ok', detail: 'hand-off switched off (his.enabled)' };
  const url = his.fhirBaseUrl ?? '';
  if (!isSecureServiceUrl(url)) {
    return { name, status: 'fail', detail: `his.fhirBaseUrl ${INSECURE_SERVICE_URL}` };
  }
  const where = `${new URL(url).host}, ${his.auth.kind === 'none' ? 'no' : his.auth.kind} auth`;
  const answer = await ping(3000);
  return answer.reachable
    ? { name, status: 'ok', detail: `${where}: /metadata answered` }
    : { name, status: 'fail', detail: `${where}: ${answer.detail}` };
}

/**
 * Whether the configuration file's permissions let others read secrets: a file with a password,
 * token or URL password must not be readable (or writable) by the group or others. `mode` is
 * the file's st_mode; POSIX only (Windows has no such bits).
 */
export function configFileModeProblem(mode: number, holdsSecrets: boolean): string | null {
  const open = mode & 0o077;
  if (!holdsSecrets || open === 0) return null;
  return `holds secrets but is open to ${open & 0o070 ? 'its group' : ''}${
    open & 0o070 && open & 0o007 ? ' and ' : ''
  }${open & 0o007 ? 'others' : ''} (mode ${(mode & 0o777).toString(8)}): chmod 600 it`;
}

/** Secrets are whatever maskSecrets hides: the one list of what is secret. */
export function holdsSecrets(config: KioskConfig): boolean {
  return JSON.stringify(maskSecrets(config)) !== JSON.stringify(config);
}

export function checkConfigFile(file: string, config: KioskConfig): CheckResult {
  const name = 'configuration file';
  if (process.platform === 'win32') return { name, status: 'ok', detail: 'not checked on Windows' };
  const problem = configFileModeProblem(statSync(file).mode, holdsSecrets(config));
  return problem
    ? { name, status: 'fail', detail: `${file} ${problem}` }
    : { name, status: 'ok', detail: `${file}: not readable by others, or holds no secret` };
}

export async function checkPrinter(config: KioskConfig, dataDir: string): Promise<CheckResult> {
  const name = 'printer';
  const p = config.printer;
  switch (p.driver) {
    case 'none':
      return { name, status: 'warn', detail: 'no slips are printed (driver none)' };
    case 'pdf': {
      const folder = inDataDir(dataDir, p.pdfFolder);
      return checkDataDir(folder).status === 'ok'
        ? { name, status: 'ok', detail: `PDF slips into ${folder} (${p.paper})` }
        : { name, status: 'fail', detail: `cannot write ${folder}` };
    }
    case 'system':
      return {
        name,
        status: 'ok',
        detail: `system printer "${p.systemName ?? ''}" (checked by Electron at print time)`,
      };
    case 'escpos': {
      if (p.escpos.devicePath) {
        try {
          accessSync(p.escpos.devicePath, constants.W_OK);
          return { name, status: 'ok', detail: `ESC/POS device ${p.escpos.devicePath}` };
        } catch (err) {
          return {
            name,
            status: 'fail',
            detail: `${p.escpos.devicePath}: ${(err as Error).message}`,
          };
        }
      }
      const problem = await tcpReachable(p.escpos.host ?? '', p.escpos.port, p.escpos.timeoutMs);
      return problem
        ? { name, status: 'fail', detail: `ESC/POS ${p.escpos.host}:${p.escpos.port}: ${problem}` }
        : { name, status: 'ok', detail: `ESC/POS ${p.escpos.host}:${p.escpos.port} reachable` };
    }
  }
}

/**
 * The hospital's day comes from `hospital.timeZone`, so a machine left in another zone still
 * numbers by the right day; but its own clock, logs and anything else on it would disagree, which
 * is worth a warning. Zones with the same offset now (Asia/Saigon, Asia/Bangkok) agree on the day.
 */
export function checkTimeZone(
  config: KioskConfig,
  now: Date = new Date(),
  machineZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
): CheckResult {
  const name = 'time zone';
  const hospital = config.hospital.timeZone;
  const off = (zone: string): string => {
    const m = utcOffsetMinutes(now, zone);
    const abs = Math.abs(m);
    return `UTC${m < 0 ? '-' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
  };
  if (utcOffsetMinutes(now, machineZone) === utcOffsetMinutes(now, hospital)) {
    return { name, status: 'ok', detail: `${hospital} (${off(hospital)}); machine ${machineZone}` };
  }
  return {
    name,
    status: 'warn',
    detail:
      `machine ${machineZone} (${off(machineZone)}) differs from hospital.timeZone ${hospital} ` +
      `(${off(hospital)}): days and numbers follow the hospital; set the machine's zone to match`,
  };
}

/**
 * The configured store, from the same reading `store status` makes (`storeHealth`, which changes
 * nothing). Fails what stops the station from starting (a file it cannot read, a schema newer than
 * this app, a server refusing the login); warns about what it gets past by itself (migrations at
 * start, an unreachable hospital server: it works offline).
 */
export function storeCheck(h: StoreHealth): CheckResult {
  const name = 'store';
  const fail = (why: string): CheckResult => ({
    name,
    status: 'fail',
    detail: `${h.location}: ${why}`,
  });
  const problem = h.error ? `${h.error.message.en} (${h.error.code})` : '';
  const schema = `schema ${h.schemaVersion} of ${h.latestSchemaVersion}`;
  if (h.engine === 'sqlite') {
    if (!h.reachable || h.error) return fail(problem);
    // No file yet (or an empty one) is a new station: the first start creates it, nothing to do.
    if (h.schemaVersion === 0) {
      return {
        name,
        status: 'ok',
        detail: `SQLite ${h.location}: not created yet (the first start creates it at schema ${h.latestSchemaVersion})`,
      };
    }
    return h.migrationPending
      ? {
          name,
          status: 'warn',
          detail: `SQLite ${h.location}, ${schema}: older schema, migrated at the next start`,
        }
      : { name, status: 'ok', detail: `SQLite ${h.location}, schema ${h.schemaVersion}` };
  }
  // The station opens its own file whatever the server does; without it, it cannot start.
  if (h.offlineVisitsWaiting === null) {
    return fail(
      h.reachable
        ? problem
        : `server unreachable, and the station's own file cannot be read: it cannot work offline`,
    );
  }
  const waiting = `${h.offlineVisitsWaiting} offline visits waiting to upload`;
  // The same rule the station uses to decide to work offline (../store/hospital/reachability).
  if (!h.reachable && h.error && isServerUnreachable(h.error)) {
    return {
      name,
      status: 'warn',
      detail: `server unreachable (${h.location}): the station will work offline with station-prefixed numbers, ${waiting}`,
    };
  }
  if (!h.reachable || h.error) return fail(problem);
  const local = h.offlineVisitsWaiting ? `; ${waiting}` : '';
  return h.migrationPending
    ? {
        name,
        status: 'warn',
        detail: `server reachable (${h.location}), ${schema}: migrations pending, run \`npm run cli -- store migrate\`${local}`,
      }
    : {
        name,
        status: 'ok',
        detail: `server reachable (${h.location}), schema ${h.schemaVersion}${local}`,
      };
}

/**
 * On the hospital server: which role this station logs in as and how (TLS, verified). Fails a
 * station that logs in as the database owner over the network (the owner is for `store migrate`
 * only), a role outside its station kind's group, a kiosk whose role holds another kind's rights
 * too (it could read the patients), and a session without TLS that the configuration asked TLS for.
 */
export function storeAccessCheck(h: StoreHealth, mode: StationMode): CheckResult | null {
  if (h.engine !== 'postgres') return null;
  const name = 'store role';
  const tls = h.tls ? h.tls.text : 'TLS unknown (see the store line)';
  const group = STATION_GROUP_ROLES[mode];
  const out = (status: CheckStatus, why: string): CheckResult => ({
    name,
    status,
    detail: `${why}; ${tls}`,
  });
  if (h.tls?.tls && h.tls.inUse === false) {
    return out('fail', 'the session is not encrypted although store.postgres.caFile is set');
  }
  const role = h.role;
  if (!role) return out('warn', 'role unknown: the server did not answer');
  const kinds = role.kinds.length
    ? role.kinds.map((k) => STATION_GROUP_ROLES[k]).join(', ')
    : 'no station group';
  const who = `role ${role.name} (${role.owner ? 'the database owner' : kinds})`;
  if (role.owner) {
    return out(
      h.tls?.loopback ? 'warn' : 'fail',
      `${who}: a station must log in as its own role in ${group}, the owner is for store migrate only`,
    );
  }
  if (!role.kinds.includes(mode)) {
    return out(
      'fail',
      `${who}: not a member of ${group}, this ${mode} station's requests will be refused`,
    );
  }
  if (role.kinds.length > 1) {
    return out(
      mode === 'kiosk' ? 'fail' : 'warn',
      `${who}: more than the ${mode} station's rights (${group} only)`,
    );
  }
  return out('ok', who);
}

/** The store line and, on the hospital server, the role line, from one reading. */
export async function checkStores(config: KioskConfig, dataDir: string): Promise<CheckResult[]> {
  try {
    const { storeHealth } = await import('../store/store-health');
    const h = await storeHealth(config, dataDir);
    const access = storeAccessCheck(h, config.station.mode);
    return access ? [storeCheck(h), access] : [storeCheck(h)];
  } catch (err) {
    const e = toErrorShape(err);
    return [{ name: 'store', status: 'fail', detail: `${e.message.en} (${e.code})` }];
  }
}

/** Bounded by the server's connectTimeoutMs (and statement timeout); reports, never throws. */
export async function checkStore(config: KioskConfig, dataDir: string): Promise<CheckResult> {
  try {
    // Loaded here so that a broken native module (better-sqlite3) fails this line, not doctor.
    const { storeHealth } = await import('../store/store-health');
    return storeCheck(await storeHealth(config, dataDir));
  } catch (err) {
    const e = toErrorShape(err);
    return { name: 'store', status: 'fail', detail: `${e.message.en} (${e.code})` };
  }
}
