import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logging/file-logger';
import { SIM_IDENTITIES, simQrText } from '../../../src/sim/data/identities';

const person = SIM_IDENTITIES[1]!;

describe('log redaction', () => {
  it('drops personal fields by key', () => {
    const { logger, lines } = createMemoryLogger();
    logger.info('card read', {
      idNumber: person.card.idNumber,
      fullName: person.card.fullName,
      dateOfBirth: person.card.dateOfBirth,
      placeOfResidence: person.card.placeOfResidence,
      apdus: 12,
    });
    const text = lines.join('');
    expect(text).not.toContain(person.card.idNumber);
    expect(text).not.toContain(person.card.fullName);
    expect(text).not.toContain(person.card.dateOfBirth!);
    expect(text).not.toContain('Quận 7');
    expect(JSON.parse(lines[0]!)).toMatchObject({ apdus: 12, idNumber: '[redacted]' });
  });

  it('cleans ID numbers, card numbers, dates and QR text inside free text', () => {
    const { logger, lines } = createMemoryLogger();
    const qr = simQrText(person);
    logger.warn(`lookup failed for ${person.card.idNumber} card ${person.insurance.cardNumber}`, {
      detail: `born 05/11/1992, qr=${qr}`,
      nested: { message: `old id ${SIM_IDENTITIES[3]!.card.oldIdNumber} on 1978-09-21` },
    });
    const text = lines.join('');
    expect(text).not.toContain(person.card.idNumber);
    expect(text).not.toContain(person.insurance.cardNumber!);
    expect(text).not.toContain('05/11/1992');
    expect(text).not.toContain('1978-09-21');
    expect(text).not.toContain(SIM_IDENTITIES[3]!.card.oldIdNumber);
    expect(text).not.toContain(person.card.fullName);
  });

  it('keeps credentials out of URLs and fields', () => {
    const { logger, lines } = createMemoryLogger();
    logger.error('request failed', {
      url: 'https://egw.example.invalid/api/egw/x?token=abc.def&id_token=ghi&username=01001_BV&password=ABCDEF',
      password: 'plain',
      token: 'tok',
    });
    const text = lines.join('');
    for (const secret of ['abc.def', 'ghi', 'ABCDEF', 'plain', '"tok"', '01001_BV']) {
      expect(text).not.toContain(secret);
    }
  });

  it('cleans compact dates, grouped ID numbers, bearer tokens and quoted credentials', () => {
    const { logger, lines } = createMemoryLogger();
    logger.warn('answer was {"ngaySinh":"19920511","password":"Secret1","token":"abc.def"}', {
      detail:
        'dob 11051992, id 0010 8501 2345, Authorization: Bearer eyJhbGciOi.xyz, on 1992/05/11',
      note: 'passwordMd5: 0123456789abcdef0123456789abcdef',
    });
    const text = lines.join('');
    for (const leak of [
      '19920511',
      '11051992',
      '0010 8501 2345',
      'Secret1',
      'abc.def',
      'eyJhbGciOi',
      '1992/05/11',
      '0123456789abcdef',
    ]) {
      expect(text).not.toContain(leak);
    }
  });

  it('never writes photo bytes', () => {
    const { logger, lines } = createMemoryLogger();
    logger.debug('photo', { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) });
    expect(lines[0]).toContain('[bytes:4]');
  });

  it('respects the level', () => {
    const { logger, lines } = createMemoryLogger('warn');
    logger.info('quiet');
    logger.warn('loud');
    expect(lines).toHaveLength(1);
  });
});
