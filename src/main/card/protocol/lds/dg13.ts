/**
 * DG13, Vietnam's layout (tag 6D; reference/cccd.md): SEQUENCEs of `INTEGER n, value`. The
 * parser is tolerant because cards differ: it finds every `SEQUENCE { INTEGER n, ... }` at any
 * depth (with or without an outer SEQUENCE, with extra wrappers or a leading version/OID), keeps
 * numbers it does not know, leaves missing ones empty, accepts empty values, any ASN.1 string
 * type and BER long-form lengths.
 */
import type { CardIdentity, IsoDate, Sex } from '../../../../shared/domain';
import { decodeSingleTlv, decodeTlvList, type Tlv } from '../tlv';

export interface Dg13 {
  /** The identity fields of the card (CardIdentity without anything from other files). */
  identity: CardIdentity;
  /** Every field by number, as text (field 13 as father then mother). */
  fields: Map<number, string[]>;
  /** Numbers this parser does not interpret (kept, for staff and logs as counts only). */
  unknownNumbers: number[];
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;

const KNOWN = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);

function integerValue(t: Tlv): number | null {
  if (t.tag !== INTEGER || t.length === 0 || t.length > 4) return null;
  let n = 0;
  for (const b of t.value) n = n * 256 + b;
  return n;
}

const utf8 = new TextDecoder('utf-8');
const utf16be = new TextDecoder('utf-16be');

/** Text of a primitive value: UTF-8/Printable/IA5/Teletex/Visible/octet strings, BMP as UTF-16. */
function text(t: Tlv): string {
  if (t.tag === 0x1e) return utf16be.decode(t.value).normalize('NFC').trim();
  return utf8.decode(t.value).normalize('NFC').trim();
}

/** Every string under `t` (itself when primitive), depth first. */
function strings(t: Tlv): string[] {
  if (!t.constructed) return t.tag === INTEGER ? [] : [text(t)];
  const out: string[] = [];
  for (const c of decodeTlvList(t.value)) out.push(...strings(c));
  return out;
}

/** `SEQUENCE { INTEGER n, ... }` whose other children hold no such SEQUENCE: one field. */
function fieldNumber(t: Tlv, kids: Tlv[]): number | null {
  if (t.tag !== SEQUENCE || !kids[0]) return null;
  const n = integerValue(kids[0]);
  if (n === null) return null;
  const nested = kids.slice(1).some((k) => {
    if (k.tag !== SEQUENCE) return false;
    const first = decodeTlvList(k.value)[0];
    return first !== undefined && first.tag === INTEGER;
  });
  return nested ? null : n;
}

function collect(list: Tlv[], fields: Map<number, string[]>): void {
  for (const t of list) {
    if (!t.constructed) continue;
    const kids = decodeTlvList(t.value);
    const n = fieldNumber(t, kids);
    if (n === null) {
      collect(kids, fields);
    } else if (!fields.has(n)) {
      fields.set(n, kids.slice(1).flatMap(strings));
    }
  }
}

/** `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`, `ddmmyyyy`) → ISO; else null. */
export function vnDateToIso(value: string): IsoDate | null {
  const m =
    /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim()) ??
    /^(\d{2})(\d{2})(\d{4})$/.exec(value.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

const fold = (s: string): string =>
  s
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** `Nam` → M, `Nữ` → F (also without diacritics, or already M/F); otherwise null. */
export function vnSex(value: string): Sex | null {
  const v = fold(value);
  if (v === 'nam' || v === 'm' || v === 'male') return 'M';
  if (v === 'nu' || v === 'f' || v === 'female') return 'F';
  return null;
}

export function parseDg13(bytes: Uint8Array): Dg13 {
  const root = decodeSingleTlv(bytes, 0x6d);
  const fields = new Map<number, string[]>();
  collect(decodeTlvList(root.value), fields);
  const one = (n: number): string => fields.get(n)?.[0] ?? '';
  const parents = fields.get(13) ?? [];
  const expiry = one(12);
  const identity: CardIdentity = {
    idNumber: one(1),
    fullName: one(2),
    dateOfBirth: vnDateToIso(one(3)),
    sex: vnSex(one(4)),
    nationality: one(5),
    ethnicity: one(6),
    religion: one(7),
    placeOfOrigin: one(8),
    placeOfResidence: one(9),
    personalIdentification: one(10),
    dateOfIssue: vnDateToIso(one(11)),
    // "Không thời hạn" (no expiry) and anything else that is not a date: no expiry date.
    dateOfExpiry: vnDateToIso(expiry),
    fatherName: parents[0] ?? '',
    motherName: parents[1] ?? '',
    spouseName: one(14),
    oldIdNumber: one(16),
  };
  return {
    identity,
    fields,
    unknownNumbers: [...fields.keys()].filter((n) => !KNOWN.has(n)).sort((a, b) => a - b),
  };
}
