/**
 * The gateway's wire contract: request shapes and zod schemas of its answers.
 *
 * Confirmed against public integrations (search tool, code corpus, 2024-2025 clients in C#,
 * PHP, TypeScript, C++): token at `/api/token/take`, answer `{maKetQua, APIKey: {access_token,
 * id_token, ...}}` with maKetQua "200" on success and `expires_in` seen as an ISO time
 * ("2025-09-05T07:31:44.6200586Z"; 7 fractional digits, from .NET); the card check is a POST to
 * `/api/egw/NhanLichSuKCB2018` or `/api/egw/KQNhanLichSuKCB2024` with
 * `?token=&id_token=&username=&password=` in the query and a JSON body `{maThe, hoTen, ngaySinh}`
 * (+ `hoTenCb, cccdCb` for 2024); answer fields in camelCase exactly as in the reference
 * (maKetQua, ghiChu, maThe, hoTen, ngaySinh, gioiTinh, diaChi, maDKBD, cqBHXH, gtTheTu,
 * gtTheDen, maKV, ngayDu5Nam, maSoBHXH, maTheCu, maTheMoi, gtTheTuMoi, gtTheDenMoi, maDKBDMoi,
 * tenDKBDMoi, dsLichSuKCB2018 [maHoSo, maCSKCB, ngayVao, ngayRa, tenBenh, tinhTrang,
 * kqDieuTri, lyDoVV], dsLichSuKT2018). Seen in the wild and tolerated here: maKetQua and maHoSo
 * as numbers, a 401 as `maKetQua: "401"` inside an HTTP 200, tokens at the top level instead of
 * under APIKey. Unknown extra fields are ignored (zod strips them).
 */
import { z } from 'zod';

export const TOKEN_PATH = '/api/token/take';
/** The treatment history, split off the card check in 2025 (letter 2746/BHXH-CNTT). */
export const HISTORY_PATH = '/api/egw/Lskcb2025';

/**
 * How a request body is sent. The sources disagree (reference §2): a production hospital tool
 * sends form-urlencoded everywhere and recorded Lskcb2025 refusing JSON; a VNPT kiosk posts JSON.
 */
export type BodyEncoding = 'form' | 'json';

export function encodeBody(
  encoding: BodyEncoding,
  fields: Record<string, string | undefined>,
): { contentType: string; body: string } {
  const present = Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return encoding === 'json'
    ? { contentType: 'application/json', body: JSON.stringify(present) }
    : {
        contentType: 'application/x-www-form-urlencoded',
        body: new URLSearchParams(present).toString(),
      };
}
export const CHECK_PATHS = {
  '2018': '/api/egw/NhanLichSuKCB2018',
  '2024': '/api/egw/KQNhanLichSuKCB2024',
} as const;

/** A text field: string, or a number some servers send; blank → null. Objects are refused. */
const text = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? null : String(v).trim() || null));

const resultCode = z
  .union([z.string().regex(/^\s*\d{1,3}\s*$/), z.number().int().min(0).max(999)])
  .transform((v) => String(v).trim().padStart(3, '0'));

export const tokenAnswerSchema = z.object({
  maKetQua: resultCode,
  APIKey: z
    .object({
      access_token: text,
      id_token: text,
      token_type: text,
      expires_in: text,
    })
    .nullish(),
  access_token: text,
  id_token: text,
  expires_in: text,
});
export type TokenAnswer = z.infer<typeof tokenAnswerSchema>;

const historyItem = z.object({
  maHoSo: text,
  maCSKCB: text,
  tenCSKCB: text,
  ngayVao: text,
  ngayRa: text,
  tenBenh: text,
  tinhTrang: text,
  kqDieuTri: text,
  lyDoVV: text,
});
export type WireHistoryItem = z.infer<typeof historyItem>;

export const cardAnswerSchema = z.object({
  maKetQua: resultCode,
  ghiChu: text,
  maThe: text,
  hoTen: text,
  ngaySinh: text,
  gioiTinh: text,
  diaChi: text,
  maDKBD: text,
  tenDKBD: text,
  cqBHXH: text,
  gtTheTu: text,
  gtTheDen: text,
  maKV: text,
  ngayDu5Nam: text,
  maSoBHXH: text,
  maTheCu: text,
  maTheMoi: text,
  gtTheTuMoi: text,
  gtTheDenMoi: text,
  maDKBDMoi: text,
  tenDKBDMoi: text,
  dsLichSuKCB2018: z.array(historyItem).nullish(),
  dsLichSuKCB2025: z.array(historyItem).nullish(),
});
export type CardAnswer = z.infer<typeof cardAnswerSchema>;

/** The Lskcb2025 answer: the result code, a note and the visits (items as in the 2018 list). */
export const historyAnswerSchema = z.object({
  maKetQua: resultCode,
  ghiChu: text,
  dsLichSuKCB2025: z.array(historyItem).nullish(),
});
export type HistoryAnswer = z.infer<typeof historyAnswerSchema>;

/** What the card check sends (values already in wire format). */
export interface CardCheckBody {
  maThe: string;
  hoTen: string;
  ngaySinh: string;
  hoTenCb?: string;
  cccdCb?: string;
}

/** Field paths of a zod failure, without the values (they may be personal data). */
export function describeSchemaError(err: z.ZodError): string {
  const paths = err.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`);
  return `unexpected answer shape (${paths.join('; ')})`;
}
