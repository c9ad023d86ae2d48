/**
 * DG13, Vietnam's layout (tag 6D; the CCCD reference). Real cards wrap the fields:
 * `6D { 30 { INTEGER 1, OID 1.0.10646.1.0.8, SET { SEQUENCE { INTEGER n, value } ... } } }`;
 * older test cards and some dumps have the bare shape `6D { 30 { SEQUENCE { INTEGER n, value } ... } }`
 * or the fields straight under 6D. A field is known by its INTEGER, never by its position: fields
 * may be missing or out of order. The wrapper is recognised as such (version + OID + SET), so it
 * is never mistaken for field 1.
 *
 * The walk is bounded (MAX_DEPTH containers): a chip's bytes are untrusted, and a DG13 nested
 * thousands of levels deep is CARD_BAD_TLV, not a stack overflow.
 */
import type { CardIdentity } from '../../../../shared/domain';
import { sexFromText, vnDateToIso } from '../../../../shared/identity-input';
import { badTlv, decodeSingleTlv, decodeTlvList, type Tlv } from '../tlv';

export interface Dg13 {
  /** The identity fields of the card (CardIdentity without anything from other files). */
  identity: CardIdentity;
  /** Every field by number, as text (field 13 as father then mother; 14 empty when single). */
  fields: Map<number, string[]>;
  /** Numbers this parser does not interpret (kept, for staff and logs as counts only). */
  unknownNumbers: number[];
  /** Whether the real wrapper (version, OID 1.0.10646.1.0.8, SET) was found. */
  wrapped: boolean;
}

const SEQUENCE = 0x30;
const SET = 0x31;
const INTEGER = 0x02;
const OID = 0x06;

/**
 * Deepest nesting walked: 6D → wrapper SEQUENCE → SET → field → parents SEQUENCE → name
 * SEQUENCE is 6 levels on the deepest real card; the rest is slack for extra wrappers.
 */
export const DG13_MAX_DEPTH = 12;

/** 1..15 are shown; 16 (a 16-character serial of unconfirmed meaning) is kept but not shown. */
const KNOWN = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);

function integerValue(t: Tlv | undefined): number | null {
  if (!t || t.tag !== INTEGER || t.length === 0 || t.length > 4) return null;
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

function tooDeep(depth: number): void {
  if (depth > DG13_MAX_DEPTH) throw badTlv(`DG13 nested deeper than ${DG13_MAX_DEPTH} levels`);
}

/** Every string under `t` (itself when primitive), depth first; INTEGERs skipped. */
function strings(t: Tlv, depth: number): string[] {
  tooDeep(depth);
  if (!t.constructed) return t.tag === INTEGER ? [] : [text(t)];
  const out: string[] = [];
  for (const c of decodeTlvList(t.value)) out.push(...strings(c, depth + 1));
  return out;
}

/**
 * Field 13's names by position, so an empty name (`30 00`, no father) stays an empty name and
 * the mother is never read as the father: one SEQUENCE of names, one SEQUENCE of per-name
 * SEQUENCEs, or the names side by side after the INTEGER.
 */
function names(values: readonly Tlv[], depth: number): string[] {
  tooDeep(depth);
  const first = (t: Tlv, d: number): string => strings(t, d)[0] ?? '';
  const one = values.length === 1 && values[0]!.tag === SEQUENCE ? values[0]! : null;
  if (one) {
    const inner = decodeTlvList(one.value);
    if (inner.length > 0 && inner.every((k) => k.constructed)) {
      return inner.map((k) => first(k, depth + 2));
    }
    return strings(one, depth + 1);
  }
  return values.map((k) => first(k, depth + 1));
}

/** `SEQUENCE { INTEGER 1, OID, SET }`: the real cards' wrapper around the fields. */
function isWrapper(kids: readonly Tlv[]): boolean {
  return (
    kids.length === 3 && kids[0]!.tag === INTEGER && kids[1]!.tag === OID && kids[2]!.tag === SET
  );
}

/** A field: `SEQUENCE { INTEGER n, value... }` whose values are strings or SEQUENCEs of them. */
function isField(kids: readonly Tlv[]): boolean {
  return (
    integerValue(kids[0]) !== null && kids.slice(1).every((k) => k.tag !== OID && k.tag !== SET)
  );
}

interface Walk {
  fields: Map<number, string[]>;
  wrapped: boolean;
}

function collect(list: readonly Tlv[], walk: Walk, depth: number): void {
  tooDeep(depth);
  for (const t of list) {
    if (!t.constructed) continue; // a stray primitive (version, OID) between fields
    const kids = decodeTlvList(t.value);
    if (t.tag === SEQUENCE && isWrapper(kids)) {
      walk.wrapped = true;
      collect(decodeTlvList(kids[2]!.value), walk, depth + 2);
    } else if (t.tag === SEQUENCE && isField(kids)) {
      const n = integerValue(kids[0])!;
      // The first occurrence wins: a repeated number must not overwrite what was shown.
      if (!walk.fields.has(n)) {
        const values = kids.slice(1);
        walk.fields.set(
          n,
          n === 13 ? names(values, depth + 1) : values.flatMap((k) => strings(k, depth + 1)),
        );
      }
    } else {
      collect(kids, walk, depth + 1);
    }
  }
}

/** Parses DG13; CARD_BAD_TLV for bytes that are not a DG13 TLV or nest too deep. */
export function parseDg13(bytes: Uint8Array): Dg13 {
  const root = decodeSingleTlv(bytes, 0x6d);
  const walk: Walk = { fields: new Map(), wrapped: false };
  collect(decodeTlvList(root.value), walk, 1);
  const { fields } = walk;
  const one = (n: number): string => fields.get(n)?.[0] ?? '';
  const parents = fields.get(13) ?? [];
  const identity: CardIdentity = {
    idNumber: one(1),
    fullName: one(2),
    // People whose papers give only the year: `YYYY` goes on to the lookup, which takes it.
    dateOfBirth: vnDateToIso(one(3)) ?? (/^\d{4}$/.test(one(3)) ? one(3) : null),
    sex: sexFromText(one(4)),
    nationality: one(5),
    ethnicity: one(6),
    religion: one(7),
    placeOfOrigin: one(8),
    placeOfResidence: one(9),
    personalIdentification: one(10),
    dateOfIssue: vnDateToIso(one(11)),
    // "Không thời hạn" (no expiry) and anything else that is not a date: no expiry date.
    dateOfExpiry: vnDateToIso(one(12)),
    fatherName: parents[0] ?? '',
    motherName: parents[1] ?? '',
    // Present but empty (`30 03 02 01 0E`) for a single person.
    spouseName: one(14),
    oldIdNumber: one(15),
  };
  return {
    identity,
    fields,
    unknownNumbers: [...fields.keys()].filter((n) => !KNOWN.has(n)).sort((a, b) => a - b),
    wrapped: walk.wrapped,
  };
}
