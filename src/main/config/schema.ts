import { z } from 'zod';
import { arrivalsDefaults, arrivalsSchema } from './sections/arrivals';
import { faceDefaults, faceSchema } from './sections/face';
import { hisDefaults, hisSchema } from './sections/his';
import { insuranceDefaults, insuranceSchema, isPlaceholderOfficer } from './sections/insurance';
import { INSECURE_SERVICE_URL, isSecureServiceUrl } from './secure-url';
import { printerDefaults, printerSchema } from './sections/printer';
import { queueDefaults, queueSchema } from './sections/queue';
import { readerDefaults, readerSchema } from './sections/reader';
import {
  departmentDefaults,
  departmentSchema,
  hospitalDefaults,
  hospitalSchema,
  stationDefaults,
  stationSchema,
} from './sections/station';
import { storeDefaults, storeSchema } from './sections/store';
import { staffDefaults, staffSchema } from './sections/staff';

export const configSchema = z
  .object({
    /** Bumped when the file's shape changes incompatibly. */
    version: z.literal(1),
    /**
     * A simulated part beside a real one (a real reader with the simulated lookup service, the
     * real service with the placeholder officer) is refused unless this is true: a test bench,
     * never a hospital.
     */
    allowSimulated: z.boolean(),
    station: stationSchema,
    hospital: hospitalSchema,
    departments: z
      .array(departmentSchema)
      .min(1, 'at least one department')
      .refine(
        (ds) => new Set(ds.map((d) => d.code)).size === ds.length,
        'department codes must be unique',
      ),
    reader: readerSchema,
    insurance: insuranceSchema,
    store: storeSchema,
    printer: printerSchema,
    queue: queueSchema,
    his: hisSchema,
    staff: staffSchema,
    arrivals: arrivalsSchema,
    face: faceSchema,
    log: z
      .object({
        level: z.enum(['debug', 'info', 'warn', 'error']),
        maxFileBytes: z.number().int().min(10000),
        maxFiles: z.number().int().min(1).max(50),
      })
      .strict(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (
      c.insurance.service === 'bhxh' &&
      c.insurance.baseUrl &&
      !isSecureServiceUrl(c.insurance.baseUrl)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['insurance', 'baseUrl'],
        message: `the real service ${INSECURE_SERVICE_URL}`,
      });
    }
    if (c.insurance.service === 'bhxh') {
      for (const key of ['baseUrl', 'username'] as const) {
        if (!c.insurance[key]) {
          ctx.addIssue({
            code: 'custom',
            path: ['insurance', key],
            message: `required when insurance.service is "bhxh"`,
          });
        }
      }
      if (!c.insurance.password && !c.insurance.passwordMd5) {
        ctx.addIssue({
          code: 'custom',
          path: ['insurance', 'password'],
          message: 'password or passwordMd5 is required when insurance.service is "bhxh"',
        });
      }
    }
    if (c.insurance.apiVersion === '2024' && !c.insurance.officer) {
      ctx.addIssue({
        code: 'custom',
        path: ['insurance', 'officer'],
        message: 'the 2024 card check needs the checking officer (name and 12-digit ID)',
      });
    }
    const departmentCodes = new Set(c.departments.map((d) => d.code));
    c.queue.rooms.forEach((room, i) => {
      for (const d of room.departments.filter((code) => !departmentCodes.has(code))) {
        ctx.addIssue({
          code: 'custom',
          path: ['queue', 'rooms', i, 'departments'],
          message: `no department "${d}"`,
        });
      }
    });
    if (c.printer.driver === 'escpos' && !c.printer.escpos.host && !c.printer.escpos.devicePath) {
      ctx.addIssue({
        code: 'custom',
        path: ['printer', 'escpos', 'host'],
        message: 'escpos needs a host or a devicePath',
      });
    }
    if (c.printer.driver === 'system' && !c.printer.systemName) {
      ctx.addIssue({
        code: 'custom',
        path: ['printer', 'systemName'],
        message: 'required when printer.driver is "system"',
      });
    }
    // Last: a missing field says so before the mix of parts is judged.
    for (const problem of simulationProblems(c)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }
  });

export type KioskConfig = z.infer<typeof configSchema>;

/**
 * Why this mix of real and simulated parts may not run, unless `allowSimulated` is true; each
 * names the field to change (`allowSimulated` when the mix itself is the problem).
 */
function simulationProblems(c: {
  allowSimulated: boolean;
  reader: { driver: string; trustTestCsca: boolean };
  insurance: {
    service: string;
    apiVersion: string;
    officer: { name: string; idNumber: string } | null;
  };
}): { path: string[]; message: string }[] {
  if (c.allowSimulated) return [];
  const problems: { path: string[]; message: string }[] = [];
  if (c.reader.driver !== 'simulated' && c.insurance.service === 'simulated') {
    problems.push(
      mix(
        'a real card reader with the simulated lookup service (insurance.service "simulated"): configure the real service, or set "allowSimulated": true on a test bench',
      ),
    );
  }
  if (c.reader.driver === 'simulated' && c.insurance.service === 'bhxh') {
    problems.push(
      mix(
        'the simulated card reader with the real lookup service (insurance.service "bhxh"): made-up people would be looked up in the national register, and the developer panel would show on the screen; configure reader.driver "pcsc", or set "allowSimulated": true on a test bench',
      ),
    );
  }
  if (
    c.insurance.service === 'bhxh' &&
    c.insurance.apiVersion === '2024' &&
    isPlaceholderOfficer(c.insurance.officer)
  ) {
    problems.push(
      mix(
        'the real lookup service with the placeholder officer "Nguyễn Văn Thử": set insurance.officer to the checking officer, or set "allowSimulated": true on a test bench',
      ),
    );
  }
  // The test CSCA's Document Signer key ships with the app: anyone can sign a fake chip with it,
  // and a real reader would call that chip "verified" before the real service looks it up.
  if (c.reader.driver !== 'simulated' && c.reader.trustTestCsca && c.insurance.service === 'bhxh') {
    problems.push({
      path: ['reader', 'trustTestCsca'],
      message:
        'trusting the simulator\'s test CSCA with a real reader and the real lookup service: its Document Signer key is public, so anyone could make a "verified" fake card; set reader.trustTestCsca false, or set "allowSimulated": true on a test bench',
    });
  }
  return problems;
}

const mix = (message: string) => ({ path: ['allowSimulated'], message });

export const defaultConfig: z.input<typeof configSchema> = {
  version: 1,
  allowSimulated: false,
  station: stationDefaults,
  hospital: hospitalDefaults,
  departments: departmentDefaults,
  reader: readerDefaults,
  insurance: insuranceDefaults,
  store: storeDefaults,
  printer: printerDefaults,
  queue: queueDefaults,
  his: hisDefaults,
  staff: staffDefaults,
  arrivals: arrivalsDefaults,
  face: faceDefaults,
  log: { level: 'info', maxFileBytes: 5_000_000, maxFiles: 5 },
};

/** Keys whose values are never printed or logged. */
export const SECRET_KEYS = new Set(['password', 'passwordMd5', 'bearerToken']);
