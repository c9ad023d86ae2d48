import { z } from 'zod';
import { INSECURE_SERVICE_URL, isSecureServiceUrl } from '../secure-url';
import { DEFAULT_IDENTIFIER_SYSTEMS, isAbsoluteExtensionUrl } from './identifier-systems';

/** The hospital information system that receives each visit as FHIR R4 (issue 14). */
export const hisSchema = z
  .object({
    /** Off by default: a kiosk without a HIS keeps its visits to itself. */
    enabled: z.boolean(),
    /** The FHIR R4 base URL, e.g. https://his.example/fhir (transactions are POSTed to it). */
    fhirBaseUrl: z
      .string()
      .url()
      .regex(/^https?:\/\//i, 'an http:// or https:// address')
      .nullable(),
    auth: z
      .object({
        kind: z.enum(['none', 'basic', 'bearer']),
        username: z.string().nullable(),
        password: z.string().nullable(),
        bearerToken: z.string().nullable(),
      })
      .strict(),
    requestTimeoutMs: z.number().int().min(500).max(120000),
    retryBaseMs: z.number().int().min(100),
    retryMaxMs: z.number().int().min(1000),
    intervalMs: z.number().int().min(200),
    /** Ask the HIS for today's Appointments of the patient at check-in. */
    appointments: z.boolean(),
    /** A check-in waits at most this long for the appointment search, then goes on without. */
    appointmentBudgetMs: z.number().int().min(100).max(10000),
    /**
     * HIS serviceType/specialty codes → our department codes, for a HIS whose codes differ
     * (a code that already is one of our department codes needs no entry).
     */
    appointmentDepartments: z.record(z.string().min(1), z.string().min(1)),
    /** Identifier and code system URIs (see ./identifier-systems.ts). */
    systems: z
      .object({
        cccd: z.string().min(1),
        oldId: z.string().min(1),
        insuranceCard: z.string().min(1),
        facility: z.string().min(1),
        visit: z.string().min(1),
        queueNumber: z.string().min(1),
        department: z.string().min(1),
        lane: z.string().min(1),
        /** Canonical base of the extensions' StructureDefinitions (R4: a URL, not a URN). */
        extensionBase: z
          .string()
          .refine(
            isAbsoluteExtensionUrl,
            'an absolute URL such as https://fhir.your-hospital.vn/StructureDefinition (R4: an extension url is a URL, not a URN)',
          ),
      })
      .strict(),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (h.enabled && !h.fhirBaseUrl) {
      ctx.addIssue({ code: 'custom', path: ['fhirBaseUrl'], message: 'required when his.enabled' });
    }
    // Patients' identities and the HIS credentials travel to it: the lookup service's rule.
    if (h.fhirBaseUrl && !isSecureServiceUrl(h.fhirBaseUrl)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fhirBaseUrl'],
        message: `the HIS ${INSECURE_SERVICE_URL}`,
      });
    }
    if (h.auth.kind === 'basic' && (!h.auth.username || h.auth.password === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['auth'],
        message: 'basic auth needs username and password',
      });
    }
    if (h.auth.kind === 'bearer' && !h.auth.bearerToken) {
      ctx.addIssue({
        code: 'custom',
        path: ['auth', 'bearerToken'],
        message: 'bearer auth needs bearerToken',
      });
    }
  });

export const hisDefaults = {
  enabled: false,
  fhirBaseUrl: null,
  auth: { kind: 'none', username: null, password: null, bearerToken: null },
  requestTimeoutMs: 10000,
  retryBaseMs: 5000,
  retryMaxMs: 600000,
  intervalMs: 15000,
  appointments: false,
  appointmentBudgetMs: 1500,
  appointmentDepartments: {},
  systems: DEFAULT_IDENTIFIER_SYSTEMS,
} satisfies z.input<typeof hisSchema>;

export type HisConfig = z.infer<typeof hisSchema>;
