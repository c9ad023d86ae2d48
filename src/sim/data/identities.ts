/**
 * The made-up people behind the simulated card and the simulated lookup service. Every name,
 * number and address here is invented for testing; none belongs to a real person. Both
 * simulators and the tests read this one catalog so that a card and its insurance record agree.
 *
 * Dates are ISO `YYYY-MM-DD`. Today's date in the product's examples is around 2026-11; the
 * validity windows below are wide enough to stay meaningful for years.
 */
import type { CardIdentity } from '../../shared/domain';

/** What the simulated lookup service answers for this person. */
export type InsuranceScenario =
  | 'valid' // 000
  | 'defence' // 001, managed by the Ministry of Defence
  | 'police' // 002, managed by the Ministry of Public Security
  | 'replaced-old-expired' // 003
  | 'replaced-old-valid' // 004
  | 'expired' // 010
  | 'no-card' // 050
  | 'revoked' // 110
  | 'reduced' // 120
  | 'reduced-moved' // 121
  | 'child-under-6' // 000, TE group, 100 %
  | 'child-no-card' // 130
  | 'wrong-name' // 060: the register holds a different spelling of the name
  | 'wrong-dob' // 070: the register holds a different date of birth
  | 'wrong-facility'; // 090

/**
 * The chip profiles a catalog card may name (their contents: ../card/chip-profile.ts). Named
 * here so the catalog does not depend on the chip simulator that reads it.
 */
export type ChipProfileName = 'real' | 'legacy' | 'pace-only';

export interface SimInsuranceRecord {
  scenario: InsuranceScenario;
  /** 15 characters: group(2) + level(1) + province(2) + social-insurance number(10). */
  cardNumber: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** 5-digit registered primary-care facility (the default hospital is 01001). */
  facilityCode: string;
  facilityName: string;
  areaCode: string | null;
  fiveYearsFrom: string | null;
  /** For wrong-name / wrong-dob: what the register holds instead of the chip's value. */
  registeredName?: string;
  registeredDob?: string;
  /** For replaced cards: the new card. */
  newCardNumber?: string;
  /** The treatment history (Lskcb2025) holds a stay at another facility with no discharge yet. */
  openStayElsewhere?: boolean;
}

export interface SimIdentity {
  /** 1-based, as used by `simulate card --identity <n>` and the developer panel. */
  index: number;
  /** Short label for lists (no personal meaning): what this card is for. */
  label: string;
  card: CardIdentity;
  /**
   * Expiry as written into the chip's MRZ (YYMMDD). For holders past 60 with no expiry the
   * simulator writes `991231`: an assumption of this project, documented in the README.
   */
  mrzExpiry: string;
  photo: 'jpeg' | 'jpeg2000';
  /** The SOD's DG1 hash is altered after signing: passive authentication must say invalid. */
  sodTampered?: boolean;
  /** What the chip offers (src/sim/card/chip-profile.ts); default `real`, as today's cards. */
  profile?: ChipProfileName;
  /**
   * A copy of the card on another chip: the same signed files, but Chip/Active Authentication
   * keys that are not the ones in DG14/DG15 (the originals cannot be read out of a chip).
   */
  clonedChip?: boolean;
  insurance: SimInsuranceRecord;
  notes: string[];
}

const blank = {
  nationality: 'Việt Nam',
  religion: 'Không',
  personalIdentification: '',
  spouseName: '',
  oldIdNumber: '',
};

function person(
  p: Partial<CardIdentity> & Pick<CardIdentity, 'idNumber' | 'fullName'>,
): CardIdentity {
  return {
    dateOfBirth: null,
    sex: null,
    ethnicity: 'Kinh',
    placeOfOrigin: '',
    placeOfResidence: '',
    dateOfIssue: null,
    dateOfExpiry: null,
    fatherName: '',
    motherName: '',
    ...blank,
    ...p,
  };
}

function insured(
  scenario: InsuranceScenario,
  cardNumber: string | null,
  extra: Partial<SimInsuranceRecord> = {},
): SimInsuranceRecord {
  return {
    scenario,
    cardNumber,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    facilityCode: '01001',
    facilityName: 'Bệnh viện Đa khoa Mô phỏng',
    areaCode: null,
    fiveYearsFrom: '2020-01-01',
    ...extra,
  };
}

export const SIM_IDENTITIES: readonly SimIdentity[] = [
  {
    index: 1,
    label: 'Insured, standard card',
    card: person({
      idNumber: '001085012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1985-03-14',
      sex: 'M',
      placeOfOrigin: 'Xã Thử Nghiệm, Huyện Mẫu, Hà Nội',
      placeOfResidence: 'Số 12 Ngõ 34 Phố Giả Định, Phường Mô Phỏng, Quận Ba Đình, Hà Nội',
      personalIdentification: 'Nốt ruồi C:2cm trên trước đầu mày trái',
      dateOfIssue: '2025-04-02',
      dateOfExpiry: '2045-03-14',
      fatherName: 'Nguyễn Văn Bình',
      motherName: 'Trần Thị Cúc',
      spouseName: 'Lê Thị Dung',
    }),
    mrzExpiry: '450314',
    photo: 'jpeg',
    insurance: insured('valid', 'DN4010123456781'),
    notes: ['BHYT 000, 80 %'],
  },
  {
    index: 2,
    label: 'Long name, full diacritics',
    card: person({
      idNumber: '079192004567',
      fullName: 'Tôn Nữ Hoàng Ngọc Khuê Nguyễn Thị Huỳnh Phương',
      dateOfBirth: '1992-11-05',
      sex: 'F',
      ethnicity: 'Kinh',
      religion: 'Phật giáo',
      placeOfOrigin: 'Phường Thuận Hoà, Thành phố Huế, Thừa Thiên Huế',
      placeOfResidence: 'Tổ 7, Khu phố Mỹ Hưng, Phường Tân Phong, Quận 7, Thành phố Hồ Chí Minh',
      dateOfIssue: '2021-07-19',
      dateOfExpiry: '2032-11-05',
      fatherName: 'Tôn Thất Hưng',
      motherName: 'Nguyễn Thị Huỳnh Ngọc Ánh',
    }),
    mrzExpiry: '321105',
    photo: 'jpeg',
    insurance: insured('valid', 'GD4797920045671', {
      facilityCode: '79025',
      facilityName: 'Trạm Y tế Phường Tân Phong',
    }),
    notes: ['BHYT 000, registered elsewhere'],
  },
  {
    index: 3,
    label: 'Past 60, no expiry',
    card: person({
      idNumber: '036148001122',
      fullName: 'Phạm Thị Gấm',
      dateOfBirth: '1948-06-30',
      sex: 'F',
      placeOfOrigin: 'Xã Hải Đường, Huyện Hải Hậu, Nam Định',
      placeOfResidence: 'Xóm 3, Xã Hải Đường, Huyện Hải Hậu, Nam Định',
      dateOfIssue: '2021-03-01',
      dateOfExpiry: null,
      fatherName: 'Phạm Văn Hạnh',
      motherName: 'Đỗ Thị Ích',
      spouseName: 'Vũ Văn Khải',
      oldIdNumber: '162345678',
    }),
    mrzExpiry: '991231',
    photo: 'jpeg',
    insurance: insured('valid', 'HT3360480011221', { areaCode: null }),
    notes: ['Elderly lane', 'Không thời hạn', 'old 9-digit ID'],
  },
  {
    index: 4,
    label: 'Old 9-digit ID on file',
    card: person({
      idNumber: '031078005566',
      fullName: 'Hoàng Minh Đức',
      dateOfBirth: '1978-09-21',
      sex: 'M',
      placeOfOrigin: 'Phường Máy Chai, Quận Ngô Quyền, Hải Phòng',
      placeOfResidence: 'Số 5 Đường Lạch Tray, Phường Lạch Tray, Quận Ngô Quyền, Hải Phòng',
      dateOfIssue: '2021-05-12',
      dateOfExpiry: '2038-09-21',
      fatherName: 'Hoàng Văn Lực',
      motherName: 'Bùi Thị Mai',
      oldIdNumber: '031456789',
    }),
    mrzExpiry: '380921',
    photo: 'jpeg',
    insurance: insured('valid', 'HC4310780055661'),
    notes: ['CMND 031456789'],
  },
  {
    index: 5,
    label: 'Empty optional fields',
    card: person({
      idNumber: '048301000777',
      fullName: 'Lò Thị Nga',
      dateOfBirth: '2001-02-08',
      sex: 'F',
      ethnicity: 'Thái',
      religion: '',
      placeOfOrigin: '',
      placeOfResidence: 'Bản Mường, Xã Chiềng Ngần, Thành phố Sơn La, Sơn La',
      personalIdentification: '',
      dateOfIssue: '2022-01-10',
      dateOfExpiry: '2026-02-08',
      fatherName: '',
      motherName: '',
    }),
    mrzExpiry: '260208',
    photo: 'jpeg',
    insurance: insured('valid', 'SV4480130007771'),
    profile: 'legacy',
    notes: [
      'BAC-only chip',
      'No parents, religion, marks or spouse on the chip',
      'card past its printed expiry',
    ],
  },
  {
    index: 6,
    label: 'Tampered SOD',
    card: person({
      idNumber: '001090003344',
      fullName: 'Đặng Quốc Phong',
      dateOfBirth: '1990-12-01',
      sex: 'M',
      placeOfOrigin: 'Phường Hàng Bông, Quận Hoàn Kiếm, Hà Nội',
      placeOfResidence: 'Số 8 Phố Hàng Bông, Phường Hàng Bông, Quận Hoàn Kiếm, Hà Nội',
      dateOfIssue: '2021-08-20',
      dateOfExpiry: '2030-12-01',
      fatherName: 'Đặng Văn Quý',
      motherName: 'Lý Thị Rạng',
    }),
    mrzExpiry: '301201',
    photo: 'jpeg',
    sodTampered: true,
    insurance: insured('valid', 'DN4010900033441'),
    notes: ['DG1 hash in the SOD does not match: passive authentication invalid'],
  },
  {
    index: 7,
    label: 'JPEG 2000 photo',
    card: person({
      idNumber: '092193008899',
      fullName: 'Trịnh Thị Sương',
      dateOfBirth: '1993-04-17',
      sex: 'F',
      placeOfOrigin: 'Phường An Hoà, Quận Ninh Kiều, Cần Thơ',
      placeOfResidence: 'Số 22 Đường Mậu Thân, Phường An Hoà, Quận Ninh Kiều, Cần Thơ',
      dateOfIssue: '2021-02-03',
      dateOfExpiry: '2033-04-17',
      fatherName: 'Trịnh Văn Tài',
      motherName: 'Châu Thị Út',
    }),
    mrzExpiry: '330417',
    photo: 'jpeg2000',
    insurance: insured('valid', 'DN4920930088991', {
      facilityCode: '92001',
      facilityName: 'Bệnh viện Mô phỏng Cần Thơ',
    }),
    notes: ['DG2 holds JPEG 2000'],
  },
  {
    index: 8,
    label: 'Card expired (BHYT 010)',
    card: person({
      idNumber: '001187006611',
      fullName: 'Vũ Thị Vân',
      dateOfBirth: '1987-07-07',
      sex: 'F',
      placeOfResidence: 'Số 3 Phố Thử, Phường Láng Hạ, Quận Đống Đa, Hà Nội',
      dateOfIssue: '2021-09-09',
      dateOfExpiry: '2027-07-07',
      fatherName: 'Vũ Văn Xuân',
      motherName: 'Hà Thị Yến',
    }),
    mrzExpiry: '270707',
    photo: 'jpeg',
    insurance: insured('expired', 'GD4010870066111', {
      validFrom: '2024-01-01',
      validTo: '2025-12-31',
    }),
    notes: ['BHYT 010: self-pay'],
  },
  {
    index: 9,
    label: 'Replaced card, old expired (003)',
    card: person({
      idNumber: '001080002233',
      fullName: 'Lê Văn Bảo',
      dateOfBirth: '1980-01-25',
      sex: 'M',
      placeOfResidence: 'Số 40 Đường Giải Phóng, Phường Đồng Tâm, Quận Hai Bà Trưng, Hà Nội',
      dateOfIssue: '2021-06-06',
      dateOfExpiry: '2040-01-25',
      fatherName: 'Lê Văn Cường',
      motherName: 'Ngô Thị Diệp',
    }),
    mrzExpiry: '400125',
    photo: 'jpeg',
    insurance: insured('replaced-old-expired', 'DN4010800022331', {
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      newCardNumber: 'DN4010800022332',
    }),
    notes: ['BHYT 003: use the new card'],
  },
  {
    index: 10,
    label: 'Replaced card, old still valid (004)',
    card: person({
      idNumber: '001182004455',
      fullName: 'Đỗ Thị Hằng',
      dateOfBirth: '1982-05-30',
      sex: 'F',
      placeOfResidence: 'Số 9 Phố Kim Mã, Phường Kim Mã, Quận Ba Đình, Hà Nội',
      dateOfIssue: '2022-05-01',
      dateOfExpiry: '2042-05-30',
      fatherName: 'Đỗ Văn Ích',
      motherName: 'Phan Thị Kim',
    }),
    mrzExpiry: '420530',
    photo: 'jpeg',
    insurance: insured('replaced-old-valid', 'HC4011820044551', {
      newCardNumber: 'HC4011820044552',
    }),
    notes: ['BHYT 004'],
  },
  {
    index: 11,
    label: 'Revoked card (110)',
    card: person({
      idNumber: '026075009900',
      fullName: 'Kiều Văn Lâm',
      dateOfBirth: '1975-10-10',
      sex: 'M',
      placeOfResidence: 'Thôn Đông, Xã Tam Hồng, Huyện Yên Lạc, Vĩnh Phúc',
      dateOfIssue: '2021-04-04',
      dateOfExpiry: '2035-10-10',
      fatherName: 'Kiều Văn Mạnh',
      motherName: 'Tạ Thị Nụ',
    }),
    mrzExpiry: '351010',
    photo: 'jpeg',
    insurance: insured('revoked', 'HX4260750099001'),
    profile: 'legacy',
    notes: ['BAC-only chip', 'BHYT 110: withdrawn'],
  },
  {
    index: 12,
    label: 'Reduced (120)',
    card: person({
      idNumber: '038186001010',
      fullName: 'Mai Thị Oanh',
      dateOfBirth: '1986-08-18',
      sex: 'F',
      placeOfResidence: 'Phường Đông Vệ, Thành phố Thanh Hoá, Thanh Hoá',
      dateOfIssue: '2021-10-10',
      dateOfExpiry: '2026-08-18',
      fatherName: 'Mai Văn Phúc',
      motherName: 'Lương Thị Quế',
    }),
    mrzExpiry: '260818',
    photo: 'jpeg',
    insurance: insured('reduced', 'DN4380860010101'),
    profile: 'pace-only',
    notes: ['PACE only', 'BHYT 120: báo giảm', 'card past its printed expiry'],
  },
  {
    index: 13,
    label: 'Child under 6',
    card: person({
      idNumber: '001322003030',
      fullName: 'Nguyễn Ngọc Bảo Châu',
      dateOfBirth: '2022-03-03',
      sex: 'F',
      placeOfResidence: 'Số 12 Ngõ 34 Phố Giả Định, Phường Mô Phỏng, Quận Ba Đình, Hà Nội',
      dateOfIssue: '2024-07-01',
      dateOfExpiry: '2036-03-03',
      fatherName: 'Nguyễn Văn An',
      motherName: 'Lê Thị Dung',
      religion: '',
    }),
    mrzExpiry: '360303',
    photo: 'jpeg',
    insurance: insured('child-under-6', 'TE1010220030301', {
      validFrom: '2022-03-03',
      validTo: '2028-03-02',
    }),
    notes: ['Child lane', 'TE level 1, 100 %'],
  },
  {
    index: 14,
    label: 'Defence (001)',
    card: person({
      idNumber: '040083007070',
      fullName: 'Thái Văn Sơn',
      dateOfBirth: '1983-02-14',
      sex: 'M',
      placeOfResidence: 'Phường Hưng Dũng, Thành phố Vinh, Nghệ An',
      dateOfIssue: '2023-01-20',
      dateOfExpiry: '2043-02-14',
      fatherName: 'Thái Văn Tùng',
      motherName: 'Hồ Thị Uyên',
    }),
    mrzExpiry: '430214',
    photo: 'jpeg',
    insurance: insured('defence', 'QN5400830070701'),
    profile: 'pace-only',
    notes: ['PACE only', 'BHYT 001: check papers'],
  },
  {
    index: 15,
    label: 'Police (002)',
    card: person({
      idNumber: '001084008080',
      fullName: 'Quách Minh Vũ',
      dateOfBirth: '1984-12-24',
      sex: 'M',
      placeOfResidence: 'Số 1 Phố Thử Nghiệm, Phường Yên Hoà, Quận Cầu Giấy, Hà Nội',
      dateOfIssue: '2024-12-01',
      dateOfExpiry: '2044-12-24',
      fatherName: 'Quách Văn Xô',
      motherName: 'Lã Thị Yên',
    }),
    mrzExpiry: '441224',
    photo: 'jpeg',
    insurance: insured('police', 'CA5010840080801'),
    notes: ['BHYT 002: check papers'],
  },
  {
    index: 16,
    label: 'Wrong name in register (060)',
    card: person({
      idNumber: '001195002020',
      fullName: 'Nguyễn Thị Thuỳ Dương',
      dateOfBirth: '1995-06-06',
      sex: 'F',
      placeOfResidence: 'Phường Phúc La, Quận Hà Đông, Hà Nội',
      dateOfIssue: '2021-06-16',
      dateOfExpiry: '2035-06-06',
      fatherName: 'Nguyễn Văn Thành',
      motherName: 'Đinh Thị Vui',
    }),
    mrzExpiry: '350606',
    photo: 'jpeg',
    insurance: insured('wrong-name', 'DN4011950020201', { registeredName: 'Nguyễn Thị Thùy Dung' }),
    notes: ['BHYT 060: staff must check the name'],
  },
  {
    index: 17,
    label: 'Wrong DOB in register (070)',
    card: person({
      idNumber: '001089001515',
      fullName: 'Trần Quang Huy',
      dateOfBirth: '1989-09-09',
      sex: 'M',
      placeOfResidence: 'Phường Mai Dịch, Quận Cầu Giấy, Hà Nội',
      dateOfIssue: '2021-09-30',
      dateOfExpiry: '2029-09-09',
      fatherName: 'Trần Văn Khoa',
      motherName: 'Vương Thị Lan',
    }),
    mrzExpiry: '290909',
    photo: 'jpeg',
    insurance: insured('wrong-dob', 'DN4010890015151', { registeredDob: '1989-09-19' }),
    notes: ['BHYT 070'],
  },
  {
    index: 18,
    label: 'No insurance (050)',
    card: person({
      idNumber: '075099004040',
      fullName: 'Huỳnh Tấn Phát',
      dateOfBirth: '1999-01-31',
      sex: 'M',
      placeOfResidence: 'Phường Tân Hiệp, Thành phố Biên Hoà, Đồng Nai',
      dateOfIssue: '2022-03-15',
      dateOfExpiry: '2039-01-31',
      fatherName: 'Huỳnh Văn Mỹ',
      motherName: 'Dương Thị Nhàn',
    }),
    mrzExpiry: '390131',
    photo: 'jpeg',
    insurance: insured('no-card', null, { validFrom: null, validTo: null, fiveYearsFrom: null }),
    profile: 'legacy',
    notes: ['BAC-only chip', 'Self-pay'],
  },
  {
    index: 19,
    label: 'Pregnant, K2 area',
    card: person({
      idNumber: '011197006060',
      fullName: 'Giàng Thị Mỷ',
      dateOfBirth: '1997-10-02',
      sex: 'F',
      ethnicity: 'Mông',
      religion: 'Không',
      placeOfResidence: 'Bản Sà Phìn, Xã Sà Phìn, Huyện Đồng Văn, Hà Giang',
      dateOfIssue: '2022-08-08',
      dateOfExpiry: '2037-10-02',
      fatherName: 'Giàng Seo Páo',
      motherName: 'Vàng Thị Dế',
      spouseName: 'Sùng Mí Chứ',
    }),
    mrzExpiry: '371002',
    photo: 'jpeg',
    insurance: insured('valid', 'DK2020970060601', {
      areaCode: 'K2',
      facilityCode: '02001',
      facilityName: 'Trung tâm Y tế Đồng Văn (mô phỏng)',
    }),
    notes: ['Pregnant lane', 'K2 area'],
  },
  {
    index: 20,
    label: 'Wrong facility (090)',
    card: person({
      idNumber: '046081002525',
      fullName: 'Tôn Thất Quyền',
      dateOfBirth: '1981-11-11',
      sex: 'M',
      placeOfResidence: 'Phường Phú Hội, Thành phố Huế, Thừa Thiên Huế',
      dateOfIssue: '2021-11-21',
      dateOfExpiry: '2041-11-11',
      fatherName: 'Tôn Thất Rô',
      motherName: 'Công Tằng Tôn Nữ Sa',
    }),
    mrzExpiry: '411111',
    photo: 'jpeg',
    insurance: insured('wrong-facility', 'DN4460810025251', {
      facilityCode: '46001',
      facilityName: 'Bệnh viện Mô phỏng Huế',
    }),
    clonedChip: true,
    notes: ['BHYT 090', 'CLONED chip: Chip Authentication fails'],
  },
  {
    index: 21,
    label: 'Born 2005, young adult',
    card: person({
      idNumber: '001205001111',
      fullName: 'Phan Nhật Minh',
      dateOfBirth: '2005-05-05',
      sex: 'M',
      placeOfResidence: 'Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội',
      dateOfIssue: '2021-06-01',
      dateOfExpiry: '2030-05-05',
      fatherName: 'Phan Văn Nam',
      motherName: 'Kim Thị Oanh',
    }),
    mrzExpiry: '300505',
    photo: 'jpeg',
    profile: 'pace-only',
    insurance: insured('valid', 'SV4012050011111', { openStayElsewhere: true }),
    notes: [
      'Century digit 2',
      'student card',
      'PACE only',
      'history: admitted elsewhere, not discharged',
    ],
  },
  {
    index: 22,
    label: 'Reduced, moved province (121)',
    card: person({
      idNumber: '034170003636',
      fullName: 'Lương Thị Phượng',
      dateOfBirth: '1970-03-08',
      sex: 'F',
      placeOfResidence: 'Xã Vũ Hội, Huyện Vũ Thư, Thái Bình',
      dateOfIssue: '2021-05-05',
      dateOfExpiry: '2030-03-08',
      fatherName: 'Lương Văn Quảng',
      motherName: 'Nguyễn Thị Rơi',
    }),
    mrzExpiry: '300308',
    photo: 'jpeg',
    insurance: insured('reduced-moved', 'HX4341700036361'),
    notes: ['BHYT 121'],
  },
  {
    index: 23,
    label: 'Child without card (130)',
    card: person({
      idNumber: '001324000909',
      fullName: 'Đinh Gia Hân',
      dateOfBirth: '2024-02-29',
      sex: 'F',
      placeOfResidence: 'Phường Láng Thượng, Quận Đống Đa, Hà Nội',
      dateOfIssue: '2025-01-15',
      dateOfExpiry: '2038-02-28',
      fatherName: 'Đinh Văn Huân',
      motherName: 'Cao Thị Ích',
      religion: '',
    }),
    mrzExpiry: '380228',
    photo: 'jpeg',
    insurance: insured('child-no-card', null, {
      validFrom: null,
      validTo: null,
      fiveYearsFrom: null,
    }),
    notes: ['BHYT 130: staff', 'born on 29 February'],
  },
];

/** `ID|old ID|name|DOB ddmmyyyy|sex|residence|issue ddmmyyyy`, as printed on the card front. */
export function simQrText(identity: SimIdentity): string {
  const c = identity.card;
  const dmy = (iso: string | null): string =>
    iso ? `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}` : '';
  return [
    c.idNumber,
    c.oldIdNumber,
    c.fullName,
    dmy(c.dateOfBirth),
    c.sex === 'F' ? 'Nữ' : 'Nam',
    c.placeOfResidence,
    dmy(c.dateOfIssue),
  ].join('|');
}

export function simIdentity(index: number): SimIdentity {
  const found = SIM_IDENTITIES.find((i) => i.index === index);
  if (!found) throw new RangeError(`no simulated identity ${index} (1-${SIM_IDENTITIES.length})`);
  return found;
}

/**
 * Children under 6 known only by their BHYT card (no CCCD, so no chip): they check in by the
 * card's QR (src/sim/data/bhyt-qr-text.ts) or a typed card code. Kept apart from SIM_IDENTITIES,
 * which are chips; the simulated lookup service knows both. `card.idNumber` is ''.
 */
export interface SimCardOnlyPerson extends Omit<SimIdentity, 'mrzExpiry' | 'photo'> {
  /** The parent or guardian printed on the child's card (hex in the QR's field 10). */
  guardianName: string;
}

export const SIM_CARD_ONLY_PEOPLE: readonly SimCardOnlyPerson[] = [
  {
    index: 101,
    label: 'Child under 6, BHYT card only',
    card: person({
      idNumber: '',
      fullName: 'Trần Minh Khôi',
      dateOfBirth: '2023-05-20',
      sex: 'M',
      placeOfResidence: 'Số 7 Ngõ Giả Định, Phường Mô Phỏng, Quận Cầu Giấy, Hà Nội',
      fatherName: 'Trần Văn Mẫu',
      religion: '',
    }),
    guardianName: 'Trần Văn Mẫu',
    insurance: insured('child-under-6', 'TE1010230520101', {
      validFrom: '2023-05-20',
      validTo: '2029-05-19',
    }),
    notes: ['No CCCD: BHYT card QR or typed code', 'TE level 1, 100 %', 'guardian on the card'],
  },
  {
    index: 102,
    label: 'Child under 6, 2021-model card (10 digits)',
    card: person({
      idNumber: '',
      fullName: 'Lê Ngọc Hà',
      dateOfBirth: '2024-09-09',
      sex: 'F',
      placeOfResidence: '',
      motherName: 'Lê Thị Thử',
      religion: '',
    }),
    guardianName: 'Lê Thị Thử',
    insurance: insured('child-under-6', 'TE1010240909202', {
      validFrom: '2024-09-09',
      validTo: '2030-09-08',
    }),
    notes: ['No CCCD', '2021-model card: the QR holds the 10-digit number only'],
  },
];
