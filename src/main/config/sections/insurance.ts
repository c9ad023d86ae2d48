import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

/**
 * Who pays how much, as dated data: the rule set in force on a day is the one with the latest
 * `effectiveFrom` not after that day. Law changes (e.g. CN and LH moving to level 2 on
 * 2026-01-01) are a new entry here, not a code change.
 */
export const coverageRuleSchema = z
  .object({
    effectiveFrom: isoDate,
    /** Benefit level (card character 3) → share paid by the fund, in percent. */
    levels: z.record(z.string().regex(/^[1-5]$/, 'level: 1-5'), z.number().min(0).max(100)),
    /** Beneficiary group (card characters 1-2) → benefit level; overrides the printed digit. */
    groups: z.record(
      z.string().regex(/^[A-Z]{2}$/, 'group: 2 capital letters'),
      z.number().int().min(1).max(5),
    ),
    /** Where the rule comes from, for staff reading the configuration. */
    source: z.string().optional(),
  })
  .strict();

export type CoverageRule = z.infer<typeof coverageRuleSchema>;

/**
 * The made-up checking officer of the defaults, so the simulator has one to receive. Sent to the
 * real service it would put a fake name on every check: the configuration refuses that
 * combination (schema.ts) unless `allowSimulated` is set.
 */
export const PLACEHOLDER_OFFICER = { name: 'Nguyễn Văn Thử', idNumber: '001090000001' };

export function isPlaceholderOfficer(officer: { name: string; idNumber: string } | null): boolean {
  return (
    officer !== null &&
    (officer.name === PLACEHOLDER_OFFICER.name || officer.idNumber === PLACEHOLDER_OFFICER.idNumber)
  );
}

export const insuranceSchema = z
  .object({
    /** Staff may switch checking off; check-in then records "insurance not checked". */
    enabled: z.boolean(),
    /** `simulated`: the embedded simulator; `bhxh`: the real gateway at baseUrl. */
    service: z.enum(['simulated', 'bhxh']),
    baseUrl: z
      .string()
      .url()
      .regex(/^https?:\/\//i, 'an http:// or https:// address')
      .nullable(),
    username: z.string().nullable(),
    /** Plain password (hashed with MD5 before sending) ... */
    password: z.string().nullable(),
    /** ... or its MD5 hex, so the plain one need not be stored. */
    passwordMd5: z
      .string()
      .regex(/^[0-9a-fA-F]{32}$/, 'passwordMd5: 32 hex digits')
      .nullable(),
    passwordCase: z.enum(['upper', 'lower']),
    /**
     * How the token request, the card check and the history are sent: `form` (urlencoded; the
     * one encoding seen working on all three) or `json`. The sources disagree (reference §2).
     */
    bodyEncoding: z.enum(['form', 'json']),
    /** The token request only, when it must differ from `bodyEncoding` (null: the same). */
    tokenBody: z.enum(['form', 'json']).nullable(),
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
    /**
     * The treatment history (Lskcb2025) waits at most this long, apart from the check-in's own
     * budget: it never delays nor fails a check-in.
     */
    historyBudgetMs: z.number().int().min(200).max(60000),
    /** The history is asked at all (some accounts may not have it). */
    historyEnabled: z.boolean(),
    /**
     * An answer for the same person and question is reused for this long instead of asking
     * again (a re-scan, a second try); 0 asks every time. Public tools use 15 minutes.
     */
    answerReuseMinutes: z
      .number()
      .min(0)
      .max(24 * 60),
    /** A cached result younger than this is used offline without staff confirmation. */
    cacheMaxAgeHours: z
      .number()
      .min(0)
      .max(24 * 365),
    circuitFailureThreshold: z.number().int().min(1).max(100),
    circuitResetMs: z.number().int().min(1000).max(3600000),
    /** Extra attempts after a refused/reset connection or HTTP 502/503/504 (never for 4xx). */
    retryCount: z.number().int().min(0).max(5),
    /** First back-off delay; doubles per attempt, with jitter. */
    retryBaseMs: z.number().int().min(50).max(10000),
    /** A cached token is renewed this long before the expiry the service announced. */
    tokenMarginSeconds: z.number().int().min(0).max(3600),
    /** Kept-alive connections to the service (shared by concurrent lookups). */
    maxSockets: z.number().int().min(1).max(256),
    /** `strip`: send hoTen without diacritics (some accounts match better that way). */
    nameDiacritics: z.enum(['keep', 'strip']),
    coverageRules: z
      .array(coverageRuleSchema)
      .min(1)
      .refine(
        (rules) => new Set(rules.map((r) => r.effectiveFrom)).size === rules.length,
        'coverageRules: one entry per effectiveFrom date',
      ),
  })
  .strict();

const LEVEL_SHARES = { '1': 100, '2': 100, '3': 95, '4': 80, '5': 100 };

// Groups per level from the public summaries of the Health Insurance Law (secondary source).
const GROUPS_BEFORE_2026: Record<string, number> = {
  CC: 1,
  TE: 1,
  CK: 2,
  CB: 2,
  KC: 2,
  HN: 2,
  DT: 2,
  DK: 2,
  XD: 2,
  BT: 2,
  HT: 3,
  TC: 3,
  CN: 3,
  DN: 4,
  HX: 4,
  CH: 4,
  NN: 4,
  TK: 4,
  HC: 4,
  XK: 4,
  HS: 4,
  SV: 4,
  GB: 4,
  GD: 4,
  LH: 4,
  QN: 5,
  CA: 5,
  CY: 5,
};

export const coverageRuleDefaults: CoverageRule[] = [
  {
    effectiveFrom: '2015-01-01',
    levels: LEVEL_SHARES,
    groups: GROUPS_BEFORE_2026,
    source: 'Health Insurance Law 25/2008/QH12 as amended by 46/2014/QH13',
  },
  {
    effectiveFrom: '2026-01-01',
    levels: LEVEL_SHARES,
    groups: { ...GROUPS_BEFORE_2026, CN: 2, LH: 2 },
    source: 'Law 51/2024/QH15: CN and LH (75+ on social pension) move to level 2',
  },
];

export const insuranceDefaults = {
  enabled: true,
  service: 'simulated',
  baseUrl: null,
  username: null,
  password: null,
  passwordMd5: null,
  passwordCase: 'upper',
  bodyEncoding: 'form',
  tokenBody: null,
  apiVersion: '2024',
  officer: PLACEHOLDER_OFFICER,
  requestTimeoutMs: 15000,
  checkinBudgetMs: 4000,
  historyBudgetMs: 3000,
  historyEnabled: true,
  answerReuseMinutes: 15,
  cacheMaxAgeHours: 72,
  circuitFailureThreshold: 3,
  circuitResetMs: 30000,
  retryCount: 2,
  retryBaseMs: 400,
  tokenMarginSeconds: 120,
  maxSockets: 16,
  nameDiacritics: 'keep',
  coverageRules: coverageRuleDefaults,
} satisfies z.input<typeof insuranceSchema>;
