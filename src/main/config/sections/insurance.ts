import { z } from 'zod';

export const insuranceSchema = z
  .object({
    /** Staff may switch checking off; check-in then records "insurance not checked". */
    enabled: z.boolean(),
    /** `simulated`: the embedded simulator; `bhxh`: the real gateway at baseUrl. */
    service: z.enum(['simulated', 'bhxh']),
    baseUrl: z.string().url().nullable(),
    username: z.string().nullable(),
    /** Plain password (hashed with MD5 before sending) ... */
    password: z.string().nullable(),
    /** ... or its MD5 hex, so the plain one need not be stored. */
    passwordMd5: z
      .string()
      .regex(/^[0-9a-fA-F]{32}$/, 'passwordMd5: 32 hex digits')
      .nullable(),
    passwordCase: z.enum(['upper', 'lower']),
    tokenBody: z.enum(['form', 'json']),
    /** Card-check endpoint generation. */
    apiVersion: z.enum(['2018', '2024']),
    /** Checking officer (hoTenCb / cccdCb), required by the 2024 API. */
    officer: z
      .object({ name: z.string().min(1), idNumber: z.string().regex(/^\d{12}$/) })
      .strict()
      .nullable(),
    requestTimeoutMs: z.number().int().min(500).max(120000),
    /** A check-in waits at most this long for the lookup, then goes on with cache/pending. */
    checkinBudgetMs: z.number().int().min(200).max(60000),
    /** A cached result younger than this is used offline without staff confirmation. */
    cacheMaxAgeHours: z.number().min(0).max(24 * 365),
    circuitFailureThreshold: z.number().int().min(1).max(100),
    circuitResetMs: z.number().int().min(1000).max(3600000),
  })
  .strict();

export const insuranceDefaults = {
  enabled: true,
  service: 'simulated',
  baseUrl: null,
  username: null,
  password: null,
  passwordMd5: null,
  passwordCase: 'upper',
  tokenBody: 'form',
  apiVersion: '2024',
  officer: { name: 'Nguyễn Văn Thử', idNumber: '001090000001' },
  requestTimeoutMs: 15000,
  checkinBudgetMs: 4000,
  cacheMaxAgeHours: 72,
  circuitFailureThreshold: 3,
  circuitResetMs: 30000,
} satisfies z.input<typeof insuranceSchema>;
