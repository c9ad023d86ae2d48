import { z } from 'zod';
import { isTimeZone } from '../../../shared/hospital-day';

export const printerSchema = z
  .object({
    /**
     * `pdf`: write each slip as a PDF into `pdfFolder` (default; no printer needed).
     * `system`: the OS printer `systemName` through Electron's silent print.
     * `escpos`: a thermal printer on TCP (host:port, usually 9100) or a device path.
     * `none`: no slip.
     */
    driver: z.enum(['pdf', 'system', 'escpos', 'none']),
    paper: z.enum(['80mm', '58mm', 'A5']),
    systemName: z.string().nullable(),
    pdfFolder: z.string().min(1),
    escpos: z
      .object({
        host: z.string().nullable(),
        port: z.number().int().min(1).max(65535),
        devicePath: z.string().nullable(),
        timeoutMs: z.number().int().min(100).max(60000),
        /**
         * How long to wait for the printer's answer to a real-time status query (DLE EOT 4)
         * before printing anyway: many printers and USB bridges never answer.
         */
        statusTimeoutMs: z.number().int().min(50).max(10000).default(800),
        /**
         * Thermal printers rarely have a Vietnamese code page: `ascii` prints text without
         * diacritics (đ → d), which every printer can do. See docs/slips/README.md.
         */
        text: z.enum(['ascii']).default('ascii'),
      })
      .strict(),
    language: z.enum(['vi', 'vi+en']),
    /** IANA time zone for the times printed on the slip; null = the hospital's (hospital.timeZone). */
    timeZone: z
      .string()
      .min(1)
      .refine(isTimeZone, 'unknown IANA time zone, e.g. "Asia/Ho_Chi_Minh"')
      .nullable()
      .default(null),
    /** Give up on rendering or handing a slip to the OS printer after this long. */
    jobTimeoutMs: z.number().int().min(1000).max(120000).default(20000),
  })
  .strict();

export const printerDefaults = {
  driver: 'pdf',
  paper: '80mm',
  systemName: null,
  pdfFolder: 'slips',
  escpos: {
    host: null,
    port: 9100,
    devicePath: null,
    timeoutMs: 5000,
    statusTimeoutMs: 800,
    text: 'ascii',
  },
  language: 'vi+en',
  timeZone: null,
  jobTimeoutMs: 20000,
} satisfies z.input<typeof printerSchema>;
