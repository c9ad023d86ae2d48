import { z } from 'zod';
import { STATION_MODES } from '../../../shared/domain';
import { isTimeZone, VIETNAM_TIME_ZONE } from '../../../shared/hospital-day';

const localized = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();

export const departmentSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9]{1,6}$/, 'department code: 1-6 capital letters or digits'),
    name: localized,
    room: localized,
    directions: localized.nullable().default(null),
  })
  .strict();

export const stationSchema = z
  .object({
    /** Prefix of every queue number printed here; unique per station in a hospital. */
    id: z.string().regex(/^[A-Z0-9]{1,4}$/, 'station id: 1-4 capital letters or digits'),
    mode: z.enum(STATION_MODES),
    language: z.enum(['vi', 'en']),
    /**
     * Full screen without window chrome. null (the default): by mode, full screen for the
     * public kiosk and display, a window for desk and room (see electron/window-behaviour.ts).
     */
    fullscreen: z.boolean().nullable(),
    /**
     * Start the app when the station's user logs in (Windows/macOS login item, Linux XDG
     * autostart entry). Set on the kiosk and display machines themselves.
     */
    startAtLogin: z.boolean(),
    idleTimeoutSeconds: z.number().int().min(10).max(600),
    doneReturnSeconds: z.number().int().min(3).max(120),
  })
  .strict();

export const hospitalSchema = z
  .object({
    name: localized,
    /** 5-digit facility code registered with BHXH (2-digit province + 3). */
    facilityCode: z.string().regex(/^\d{5}$/, 'facility code: 5 digits'),
    /** Path to a PNG/SVG logo, absolute or relative to the data folder. */
    logoPath: z.string().nullable(),
    address: z.string(),
    /**
     * IANA zone whose calendar day is the hospital's day: queue numbers restart, visits,
     * duplicates, card validity, reprints, purge and exports follow it, whatever the machine's
     * own zone (doctor warns when the two differ).
     */
    timeZone: z
      .string()
      .min(1)
      .refine(isTimeZone, 'unknown IANA time zone, e.g. "Asia/Ho_Chi_Minh"')
      .default(VIETNAM_TIME_ZONE),
  })
  .strict();

export const stationDefaults = {
  id: 'K01',
  mode: 'kiosk',
  language: 'vi',
  fullscreen: null,
  startAtLogin: false,
  idleTimeoutSeconds: 60,
  doneReturnSeconds: 12,
} satisfies z.input<typeof stationSchema>;

export const hospitalDefaults = {
  name: { vi: 'Bệnh viện Đa khoa Mô phỏng', en: 'Simulated General Hospital' },
  facilityCode: '01001',
  logoPath: null,
  address: '1 Đường Thử Nghiệm, Hà Nội',
  timeZone: VIETNAM_TIME_ZONE,
} satisfies z.input<typeof hospitalSchema>;

export const departmentDefaults: z.input<typeof departmentSchema>[] = [
  {
    code: 'KHAM',
    name: { vi: 'Khám bệnh đa khoa', en: 'General examination' },
    room: { vi: 'Phòng 101, tầng 1', en: 'Room 101, ground floor' },
    directions: { vi: 'Đi thẳng, rẽ trái', en: 'Straight ahead, then left' },
  },
  {
    code: 'NHI',
    name: { vi: 'Khoa Nhi', en: 'Paediatrics' },
    room: { vi: 'Phòng 205, tầng 2', en: 'Room 205, first floor' },
    directions: { vi: 'Thang máy số 2', en: 'Lift number 2' },
  },
  {
    code: 'SAN',
    name: { vi: 'Khoa Sản', en: 'Obstetrics' },
    room: { vi: 'Phòng 301, tầng 3', en: 'Room 301, second floor' },
    directions: null,
  },
  {
    code: 'RHM',
    name: { vi: 'Răng Hàm Mặt', en: 'Dental' },
    room: { vi: 'Phòng 110, tầng 1', en: 'Room 110, ground floor' },
    directions: null,
  },
  {
    code: 'CC',
    name: { vi: 'Cấp cứu', en: 'Emergency' },
    room: { vi: 'Khu cấp cứu, cổng B', en: 'Emergency unit, gate B' },
    directions: { vi: 'Ra cổng B', en: 'Go to gate B' },
  },
];
