/**
 * The 12-digit ID number encodes where the birth was registered (3 digits), sex and century
 * (1 digit: 0/1 male/female 1900-1999, 2/3 for 2000-2099, 4/5 for 2100-2199 ...) and the last
 * two digits of the year of birth. A number that disagrees with the chip's date of birth and sex
 * is a typo or a forgery; the problems are said in plain words for staff.
 */
import type { IdNumberCheck, IsoDate, Sex } from '../../../shared/domain';

/** Province codes of the CCCD number (the 63 provinces' codes as issued on cards). */
const PROVINCE_CODES = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 ' +
    '035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 ' +
    '070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'
  ).split(' '),
);

export interface IdNumberFacts {
  province: string;
  sex: Sex;
  /** First year of the century the digit says, e.g. 1900. */
  century: number;
  /** Year of birth the number implies. */
  year: number;
}

/** What the number itself says; null when it is not 12 digits. */
export function decodeIdNumber(idNumber: string): IdNumberFacts | null {
  if (!/^\d{12}$/.test(idNumber)) return null;
  const digit = Number(idNumber[3]);
  const century = 1900 + 100 * Math.floor(digit / 2);
  return {
    province: idNumber.slice(0, 3),
    sex: digit % 2 === 0 ? 'M' : 'F',
    century,
    year: century + Number(idNumber.slice(4, 6)),
  };
}

const sexWord = (s: Sex): string => (s === 'M' ? 'male' : 'female');

export function checkIdNumber(
  idNumber: string,
  dateOfBirth: IsoDate | null,
  sex: Sex | null,
): IdNumberCheck {
  const facts = decodeIdNumber(idNumber);
  if (!facts) {
    return { consistent: false, problems: ['the ID number is not 12 digits'] };
  }
  const problems: string[] = [];
  if (!PROVINCE_CODES.has(facts.province)) {
    problems.push(`the first three digits (${facts.province}) are not a province code`);
  }
  const digitSays = `the sex/century digit says ${sexWord(facts.sex)} born ${facts.century}-${facts.century + 99}`;
  if (sex && sex !== facts.sex) {
    problems.push(`${digitSays}, but the chip says ${sexWord(sex)}`);
  }
  if (dateOfBirth) {
    const year = Number(dateOfBirth.slice(0, 4));
    if (year < facts.century || year > facts.century + 99) {
      problems.push(`${digitSays}, but the chip says born ${year}`);
    } else if (year !== facts.year) {
      problems.push(`the year digits say ${facts.year}, but the chip says born ${year}`);
    }
  }
  return { consistent: problems.length === 0, problems };
}
