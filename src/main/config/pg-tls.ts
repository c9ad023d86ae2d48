/**
 * How a station talks TLS to the hospital's PostgreSQL server, decided from the configuration
 * alone (pure: the files are read by the caller). The rule: any host that is not this machine
 * needs TLS with the server's certificate verified against the configured CA
 * (`store.postgres.caFile`); this machine (127.0.0.0/8, ::1, localhost, a unix socket) may go
 * without. TLS lives in the config fields only: node-postgres reads `sslmode`, `ssl`,
 * `sslrootcert`... from the URL itself and lets them override what it is given (`sslmode=no-verify`
 * turns verification off), so a URL carrying any of them is refused, and stripped besides.
 */

/** Query parameters of a connection URL that node-postgres turns into TLS settings. */
export const URL_TLS_PARAMS = [
  'ssl',
  'sslmode',
  'sslcert',
  'sslkey',
  'sslrootcert',
  'sslpassword',
  'uselibpqcompat',
] as const;

export interface PgTlsFiles {
  /** PEM file of the CA that signed the server's certificate. */
  caFile?: string;
  /** Client certificate and key (PEM), for a `pg_hba.conf` line with `clientcert=verify-full`. */
  certFile?: string;
  keyFile?: string;
}

/** The host the URL connects to: a name, an IP address, or a unix-socket folder (`/...`). */
export function pgUrlHost(url: string): string {
  try {
    const u = new URL(url);
    // libpq style `?host=/var/run/postgresql` wins over the authority (node-postgres does the same).
    const fromQuery = u.searchParams.get('host');
    if (fromQuery) return fromQuery;
    const host = decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, '$1');
    // `postgres:///kiosk` (no host): node-postgres goes to localhost.
    return host || 'localhost';
  } catch {
    return '';
  }
}

/** Whether a host is this machine: traffic to it never crosses the network. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h.startsWith('/')) return true; // a unix socket folder
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

const isIpAddress = (h: string): boolean => /^[\d.]+$/.test(h) || h.includes(':');

/** The TLS parameters the URL carries (their names), in the order found. */
export function urlTlsParams(url: string): string[] {
  try {
    const params = new URL(url).searchParams;
    return URL_TLS_PARAMS.filter((p) => params.has(p));
  } catch {
    return [];
  }
}

/** The URL without TLS parameters: what node-postgres is given, so only the fields decide. */
export function urlWithoutTlsParams(url: string): string {
  try {
    const u = new URL(url);
    if (!URL_TLS_PARAMS.some((p) => u.searchParams.has(p))) return url;
    for (const p of URL_TLS_PARAMS) u.searchParams.delete(p);
    return u.toString();
  } catch {
    return url;
  }
}

export interface PgTlsProblem {
  /** The config field to fix, e.g. `store.postgres.caFile`. */
  field: string;
  message: string;
}

/** What is wrong with this URL and these TLS files (config load refuses them), or null. */
export function pgTlsProblem(url: string, tls: PgTlsFiles): PgTlsProblem | null {
  const inUrl = urlTlsParams(url);
  if (inUrl.length > 0) {
    return {
      field: 'store.postgres.url',
      message:
        `TLS is set by store.postgres.caFile (certFile, keyFile), not in the URL: remove ${inUrl.join(', ')} ` +
        '(node-postgres would let the URL switch certificate verification off)',
    };
  }
  if ((tls.certFile === undefined) !== (tls.keyFile === undefined)) {
    return {
      field: tls.certFile === undefined ? 'store.postgres.certFile' : 'store.postgres.keyFile',
      message: 'a client certificate needs both certFile and keyFile',
    };
  }
  const host = pgUrlHost(url);
  if (!isLoopbackHost(host) && !tls.caFile) {
    return {
      field: 'store.postgres.caFile',
      message: `the server ${host} is not this machine: its certificate must be verified, set store.postgres.caFile to the CA's PEM file (TLS without verification is refused)`,
    };
  }
  return null;
}

/** What node-postgres gets as `ssl`: false (loopback without a CA) or verified TLS. */
export type PgSslOption =
  | false
  | {
      ca: string;
      cert?: string;
      key?: string;
      rejectUnauthorized: true;
      servername?: string;
    };

export interface PgTlsPlan {
  /** The URL node-postgres is given (TLS parameters removed). */
  url: string;
  ssl: PgSslOption;
  /** For doctor and `store status`: "verified TLS" or why none. */
  summary: PgTlsSummary;
}

export interface PgTlsSummary {
  tls: boolean;
  /** The server's certificate is checked against the CA (always, when tls). */
  verified: boolean;
  host: string;
  loopback: boolean;
}

/**
 * The connection plan; `read` returns a PEM file's text (it throws on a missing file: the caller
 * turns that into its typed error). Throws on a configuration pgTlsProblem refuses: config load
 * already did, so this only guards callers that build options by hand.
 */
export function planPgTls(url: string, tls: PgTlsFiles, read: (file: string) => string): PgTlsPlan {
  const problem = pgTlsProblem(url, tls);
  if (problem) throw new Error(`${problem.field}: ${problem.message}`);
  const host = pgUrlHost(url);
  const loopback = isLoopbackHost(host);
  const clean = urlWithoutTlsParams(url);
  if (!tls.caFile) {
    return { url: clean, ssl: false, summary: { tls: false, verified: false, host, loopback } };
  }
  return {
    url: clean,
    ssl: {
      ca: read(tls.caFile),
      ...(tls.certFile && tls.keyFile ? { cert: read(tls.certFile), key: read(tls.keyFile) } : {}),
      rejectUnauthorized: true,
      // SNI and the name checked against the certificate; an IP address is checked as itself.
      ...(isIpAddress(host) ? {} : { servername: host }),
    },
    summary: { tls: true, verified: true, host, loopback },
  };
}

/** One line for doctor and `store status`. */
export function describePgTls(s: PgTlsSummary): string {
  if (s.tls) return `TLS, server certificate verified (${s.host})`;
  return s.loopback ? `no TLS (loopback ${s.host})` : `NO TLS to ${s.host}`;
}
