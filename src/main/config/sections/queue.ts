import { z } from 'zod';
import { LANES } from '../../../shared/domain';

const localized = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();
const lane = z.enum(LANES as unknown as [string, ...string[]]);

/** A clinic room that calls patients: its code is what is said ("phòng một trăm lẻ một"). */
export const roomSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9]{1,6}$/, 'room code: 1-6 capital letters or digits'),
    name: localized,
    /** Departments whose waiting patients this room calls. */
    departments: z.array(z.string()).min(1),
    /** How the room is said when not its code, e.g. { vi: "khu cấp cứu", en: "the emergency unit" }. */
    spoken: localized.nullable().default(null),
  })
  .strict();

export const queueSchema = z
  .object({
    policy: z
      .object({
        emergencyFirst: z.boolean().default(true),
        priorityLanes: z
          .array(lane)
          .default(['elderly', 'child', 'disability', 'pregnant', 'merit']),
        priorityPerTurn: z.number().int().min(1).max(10).default(1),
        normalPerTurn: z.number().int().min(1).max(10).default(2),
      })
      .strict(),
    rooms: z.array(roomSchema),
    /** The room a `room` station (or the desk's caller) calls for; null: chosen on screen. */
    room: z.string().nullable().default(null),
    speech: z
      .object({
        voice: z.enum(['vi', 'vi-vn-x-central', 'vi-vn-x-south']).default('vi'),
        wordsPerMinute: z.number().int().min(80).max(300).default(160),
        english: z.boolean().default(true),
        /** Folder of recorded word clips, relative to the data folder unless absolute. */
        clipsFolder: z.string().nullable().default(null),
        /** Spoken word per department code; codes not listed are spelled letter by letter. */
        departmentWords: z.record(z.string(), z.string()).default({}),
        /** "lẻ" (north) or "linh" (south) for a zero tens digit: "một trăm lẻ một". */
        zeroTens: z.enum(['lẻ', 'linh']).default('lẻ'),
      })
      .strict(),
    display: z
      .object({
        /** Rooms shown on a `display` station; empty: all rooms. */
        rooms: z.array(z.string()).default([]),
        /** How many earlier calls the board lists. */
        recent: z.number().int().min(0).max(20).default(6),
        /** Show a masked name ("Nguyễn V. A.") under the number. */
        maskedNames: z.boolean().default(false),
        /** The display plays the spoken call. */
        sound: z.boolean().default(true),
      })
      .strict(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const codes = q.rooms.map((r) => r.code);
    if (new Set(codes).size !== codes.length) {
      ctx.addIssue({ code: 'custom', path: ['rooms'], message: 'room codes must be unique' });
    }
    if (q.room !== null && !codes.includes(q.room)) {
      ctx.addIssue({
        code: 'custom',
        path: ['room'],
        message: `no room "${q.room}" in queue.rooms`,
      });
    }
    q.display.rooms.forEach((r, i) => {
      if (!codes.includes(r)) {
        ctx.addIssue({ code: 'custom', path: ['display', 'rooms', i], message: `no room "${r}"` });
      }
    });
  });

export const queueDefaults = {
  policy: {
    emergencyFirst: true,
    priorityLanes: ['elderly', 'child', 'disability', 'pregnant', 'merit'],
    priorityPerTurn: 1,
    normalPerTurn: 2,
  },
  rooms: [
    {
      code: '101',
      name: { vi: 'Phòng 101', en: 'Room 101' },
      departments: ['KHAM'],
      spoken: null,
    },
    { code: '205', name: { vi: 'Phòng 205', en: 'Room 205' }, departments: ['NHI'], spoken: null },
    { code: '301', name: { vi: 'Phòng 301', en: 'Room 301' }, departments: ['SAN'], spoken: null },
    { code: '110', name: { vi: 'Phòng 110', en: 'Room 110' }, departments: ['RHM'], spoken: null },
    {
      code: 'CC',
      name: { vi: 'Khu cấp cứu', en: 'Emergency unit' },
      departments: ['CC'],
      spoken: { vi: 'khu cấp cứu', en: 'the emergency unit' },
    },
  ],
  room: null,
  speech: {
    voice: 'vi',
    wordsPerMinute: 160,
    english: true,
    clipsFolder: null,
    departmentWords: { KHAM: 'khám', NHI: 'nhi', SAN: 'sản', RHM: 'răng hàm mặt', CC: 'cấp cứu' },
    zeroTens: 'lẻ',
  },
  display: { rooms: [], recent: 6, maskedNames: false, sound: true },
} satisfies z.input<typeof queueSchema>;
