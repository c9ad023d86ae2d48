import { z } from 'zod';

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
      })
      .strict(),
    language: z.enum(['vi', 'vi+en']),
  })
  .strict();

export const printerDefaults = {
  driver: 'pdf',
  paper: '80mm',
  systemName: null,
  pdfFolder: 'slips',
  escpos: { host: null, port: 9100, devicePath: null, timeoutMs: 5000 },
  language: 'vi+en',
} satisfies z.input<typeof printerSchema>;
