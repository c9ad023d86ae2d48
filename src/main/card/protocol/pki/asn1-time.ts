/**
 * ASN.1 UTCTime (tag 0x17) and GeneralizedTime (tag 0x18) as X.509 and CMS use them (RFC 5280
 * §4.1.2.5, RFC 5652 §11.3): UTCTime years 50-99 are 19xx, 00-49 are 20xx; times are Zulu.
 * Seconds may be missing in old UTCTime encodings and GeneralizedTime may carry a fraction.
 */
import { badTlv, type Tlv } from '../tlv';

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,3})\d*)?Z$/;

export const isTimeTag = (tag: number): boolean => tag === 0x17 || tag === 0x18;

/** The instant a UTCTime or GeneralizedTime TLV names. */
export function asn1Time(t: Tlv): Date {
  const text = new TextDecoder('latin1').decode(t.value);
  let parts: number[];
  if (t.tag === 0x17) {
    const m = UTC_TIME.exec(text);
    if (!m) throw badTlv('UTCTime expected');
    const yy = Number(m[1]);
    parts = [yy < 50 ? 2000 + yy : 1900 + yy, ...m.slice(2, 7).map((v) => Number(v ?? 0)), 0];
  } else if (t.tag === 0x18) {
    const m = GENERALIZED_TIME.exec(text);
    if (!m) throw badTlv('GeneralizedTime expected');
    parts = [...m.slice(1, 7).map(Number), Number((m[7] ?? '0').padEnd(3, '0'))];
  } else {
    throw badTlv('time expected');
  }
  const [year, month, day, hour, minute, second, ms] = parts as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  if (
    at.getUTCMonth() !== month - 1 ||
    at.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw badTlv('time out of range');
  }
  return at;
}
