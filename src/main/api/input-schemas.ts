/**
 * Runtime validation of every request's input. The renderer is ours, but the transports are a
 * boundary (a web page, an IPC message), so nothing reaches a handler unchecked.
 */
import { z } from 'zod';
import type { RequestName } from '../../shared/api-contract';
import {
  FACE_INSTRUCTIONS,
  LANES,
  LIVENESS_VERDICTS,
  ROOM_ACTIONS,
  SIM_GATEWAY_UI_MODES,
} from '../../shared/domain';
import { hospitalDay } from '../../shared/hospital-day';
import {
  CAN_NUMBER,
  checkManualIdentity,
  ID_NUMBER,
  IDENTITY_FIELD_MESSAGES,
} from '../../shared/identity-input';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');
const idNumber = z.string().regex(ID_NUMBER, 'ID number: 12 digits');
const none = z.null().optional();
const lane = z.enum(LANES as unknown as [string, ...string[]]);
const roomCode = z.string().regex(/^[A-Z0-9]{1,6}$/, 'room code: 1-6 capital letters or digits');

const livenessVerdict = z.enum(LIVENESS_VERDICTS);
const faceModel = z
  .object({ name: z.string().min(1).max(60), version: z.string().min(1).max(30) })
  .strict();
/** The camera step's report: numbers and names only (strict: no room for a frame or template). */
const faceReport = z.discriminatedUnion('outcome', [
  z
    .object({
      outcome: z.literal('compared'),
      score: z.number().min(0).max(1),
      liveness: livenessVerdict,
      model: faceModel,
    })
    .strict(),
  z.object({ outcome: z.literal('no-face'), liveness: livenessVerdict, model: faceModel }).strict(),
  z.object({ outcome: z.literal('declined') }).strict(),
  z
    .object({ outcome: z.literal('unavailable'), reason: z.string().regex(/^[a-z-]{1,40}$/) })
    .strict(),
]);

const accessKey = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('qr'), text: z.string().min(1).max(2000) }).strict(),
  // The ID number or CAN alone: enough for cards with PACE (the CCCD reference).
  z
    .object({
      kind: z.literal('id'),
      idNumber,
    })
    .strict(),
  z.object({ kind: z.literal('can'), can: z.string().regex(CAN_NUMBER, 'CAN: 6 digits') }).strict(),
  z
    .object({
      kind: z.literal('id-dob'),
      idNumber,
      dateOfBirth: isoDate,
      dateOfExpiry: isoDate.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('mrz'), text: z.string().min(30).max(200) }).strict(),
]);

/** UTC+14, where each calendar day begins first. */
const LATEST_TIME_ZONE = 'Pacific/Kiritimati';

export const INPUT_SCHEMAS: Record<RequestName, z.ZodType> = {
  'app.info': none,
  'readers.list': none,
  'gateway.status': none,
  'checkin.current': none,
  'checkin.provideKey': accessKey,
  // The shape is read in main by the one parser (src/shared/presented-input), which never throws.
  'checkin.present': z.object({ text: z.string().min(1).max(4000) }).strict(),
  'checkin.withoutCard': none,
  'checkin.noDocuments': none,
  // The values are checked by the shared rules the desk and main use (one place).
  'checkin.manualIdentity': z
    .object({
      idNumber: z.string().max(40),
      fullName: z.string().max(400),
      dateOfBirth: z.string().max(40),
      sex: z.enum(['M', 'F']),
      cardNumber: z.string().max(40).optional(),
      document: z.enum(['typed-cccd', 'vneid-desk', 'cccd-qr', 'bhyt-qr', 'none']).optional(),
      ticketVisitId: z.string().min(1).max(64).optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      // The shared rules at the boundary; a date of birth is checked against the latest calendar
      // day on Earth here, so nothing valid at the hospital is refused: the check-in checks it
      // again against the hospital's own day (hospital.timeZone), which only main knows.
      const result = checkManualIdentity(value, hospitalDay(new Date(), LATEST_TIME_ZONE));
      if (result.ok) return;
      for (const [field, code] of Object.entries(result.errors)) {
        ctx.addIssue({ code: 'custom', path: [field], message: IDENTITY_FIELD_MESSAGES[code].en });
      }
    }),
  'checkin.choose': z.object({ department: z.string().min(1).max(6), lane }).strict(),
  'checkin.override': z
    .object({
      decision: z.enum(['self-pay', 'use-cached', 'insurance-pending', 'accept-insurance']),
      note: z.string().max(500).optional(),
    })
    .strict(),
  'checkin.acceptChip': z
    .object({
      officer: z
        .object({
          name: z.string().trim().min(1).max(120),
          idNumber: z.string().regex(/^\d{12}$/, 'idNumber: 12 digits'),
        })
        .strict()
        .optional(),
    })
    .strict(),
  'checkin.faceResult': faceReport,
  'checkin.retry': none,
  'checkin.reset': none,
  'checkin.reprint': none,
  'visits.list': z
    .object({
      date: isoDate.optional(),
      query: z.string().max(120).optional(),
      department: z.string().max(6).optional(),
      includeCancelled: z.boolean().optional(),
    })
    .strict(),
  'visits.cancel': z
    .object({ visitId: z.string().min(1).max(64), reason: z.string().trim().min(1).max(500) })
    .strict(),
  'visits.reprint': z.object({ visitId: z.string().min(1).max(64) }).strict(),
  'visits.sendOn': z
    .object({ visitId: z.string().min(1).max(64), department: z.string().min(1).max(6), lane })
    .strict(),
  'recheck.summary': none,
  'recheck.resolve': z.object({ discrepancyId: z.string().min(1).max(64) }).strict(),
  'his.status': z.object({ ping: z.boolean().optional() }).strict(),
  'his.resend': z.object({ visitId: z.string().min(1).max(64) }).strict(),
  'evidence.count': none,
  'store.status': none,
  'insurance.setChecking': z.object({ enabled: z.boolean() }).strict(),
  'sim.catalog': none,
  'sim.insertCard': z.object({ index: z.number().int().min(1).max(1000) }).strict(),
  'sim.removeCard': none,
  'sim.scanQr': z.object({ index: z.number().int().min(1).max(1000) }).strict(),
  'queue.callNext': z
    .object({
      room: roomCode,
      department: z
        .string()
        .regex(/^[A-Z0-9]{1,6}$/)
        .optional(),
    })
    .strict(),
  'queue.act': z
    .object({ visitId: z.string().min(1).max(100), action: z.enum(ROOM_ACTIONS), room: roomCode })
    .strict(),
  'queue.board': z.object({ rooms: z.array(roomCode).max(50).optional() }).strict(),
  'queue.audio': z.object({ visitId: z.string().min(1).max(100), room: roomCode }).strict(),
  'face.instructionAudio': z
    .object({ instruction: z.enum(FACE_INSTRUCTIONS), language: z.enum(['vi', 'en']) })
    .strict(),
  'sim.setGateway': z.object({ mode: z.enum(SIM_GATEWAY_UI_MODES) }).strict(),
  'staff.current': none,
  // The name's length and the ID's digits are checked by main (officer-sessions.ts).
  'staff.signIn': z.object({ name: z.string().max(400), idNumber: z.string().max(40) }).strict(),
  'staff.signInWithCard': z.object({ key: accessKey }).strict(),
  'staff.signOut': none,
  'audit.visit': z.object({ visitId: z.string().min(1).max(64) }).strict(),
};
