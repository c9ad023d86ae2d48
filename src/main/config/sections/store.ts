import { z } from 'zod';
import { pgTlsProblem } from '../pg-tls';

/** The hospital's PostgreSQL server, shared by all stations (`store.engine: "postgres"`). */
export const postgresSchema = z
  .object({
    /**
     * `postgres://user[:password]@host[:port]/database`; without a password in it, PGPASSWORD is
     * used. Printed (config, doctor, errors) with the password masked.
     */
    url: z
      .string()
      .regex(
        /^postgres(ql)?:\/\/[^/]+/,
        'must be a postgres:// URL, e.g. postgres://kiosk@db.bv.local:5432/kiosk',
      ),
    /** Connections one station keeps at most. */
    poolMax: z.number().int().min(1).max(50).default(4),
    /** How long connecting may take before the server counts as unreachable. */
    connectTimeoutMs: z.number().int().min(100).max(60000).default(5000),
    /** A statement running longer is cancelled (the write is not made; retry). */
    statementTimeoutMs: z.number().int().min(100).max(600000).default(15000),
    /**
     * PEM file of the CA that signed the server's certificate: TLS with the certificate verified
     * (against this CA and the URL's host). Required unless the host is this machine; TLS is set
     * here only, never in the URL (`sslmode=...` is refused: ../pg-tls.ts).
     */
    caFile: z.string().min(1).optional(),
    /** Client certificate and key (PEM) when pg_hba.conf asks for one (`clientcert=verify-full`). */
    certFile: z.string().min(1).optional(),
    keyFile: z.string().min(1).optional(),
    /**
     * The database owner's URL, for `store migrate` only (the running app never uses it); the
     * stations' own URLs name their station role. Same TLS fields.
     */
    ownerUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\/[^/]+/, 'must be a postgres:// URL')
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const url of [p.url, ...(p.ownerUrl ? [p.ownerUrl] : [])]) {
      const problem = pgTlsProblem(url, p);
      if (problem) {
        const field = url === p.url ? problem.field : problem.field.replace(/\.url$/, '.ownerUrl');
        ctx.addIssue({
          code: 'custom',
          path: field.split('.').slice(2),
          message: problem.message,
        });
        return;
      }
    }
  });

export const storeSchema = z
  .object({
    /**
     * "sqlite": the station's own file (`file`); "postgres": the hospital's server
     * (`postgres.url`), one queue and one list of visits for all stations.
     */
    engine: z.enum(['sqlite', 'postgres']).default('sqlite'),
    postgres: postgresSchema.optional(),
    /** Database file, relative to the data folder unless absolute. */
    file: z.string().min(1),
    /** Personal data older than this many days is purged. */
    retentionDays: z.number().int().min(1).max(3650),
    /** A write waits this long for another process's lock before failing with STORE_LOCKED. */
    busyTimeoutMs: z.number().int().min(100).max(60000).default(5000),
    /** The purge job runs at start and then every this many hours. */
    purgeIntervalHours: z
      .number()
      .min(1)
      .max(24 * 7)
      .default(24),
    /** The re-check worker looks for due ones this often (and at once when the service is back). */
    recheckIntervalSeconds: z.number().int().min(5).max(3600).default(60),
    /** First delay after a failed re-check; doubles per attempt up to recheckRetryMaxSeconds. */
    recheckRetryBaseSeconds: z.number().int().min(1).max(3600).default(30),
    recheckRetryMaxSeconds: z.number().int().min(10).max(86400).default(3600),
  })
  .strict()
  .refine((s) => s.recheckRetryMaxSeconds >= s.recheckRetryBaseSeconds, {
    message: 'recheckRetryMaxSeconds must be at least recheckRetryBaseSeconds',
    path: ['recheckRetryMaxSeconds'],
  })
  .refine((s) => s.engine !== 'postgres' || s.postgres !== undefined, {
    message: 'engine "postgres" needs store.postgres.url (postgres://user@host:5432/database)',
    path: ['postgres', 'url'],
  });

export const storeDefaults = {
  engine: 'sqlite',
  file: 'kiosk.sqlite',
  retentionDays: 90,
  busyTimeoutMs: 5000,
  purgeIntervalHours: 24,
  recheckIntervalSeconds: 60,
  recheckRetryBaseSeconds: 30,
  recheckRetryMaxSeconds: 3600,
} satisfies z.input<typeof storeSchema>;
