/**
 * Opening the chip as real cards expect, against the simulated chip's profiles: EF.CardAccess by
 * SFI before any SELECT (never the MF), PACE with the CAN, then the MRZ, then BAC; DG3 skipped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chipPasswords } from '../../../src/main/card/protocol/access-key';
import { commands } from '../../../src/main/card/protocol/apdu';
import { CardConnection } from '../../../src/main/card/protocol/connection';
import { openChip } from '../../../src/main/card/protocol/open-chip';
import { readCard } from '../../../src/main/card/protocol/read-card';
import { toHex } from '../../../src/main/card/protocol/tlv';
import { SimulatedChip } from '../../../src/sim/card/chip';
import { ChipChannel } from '../../../src/sim/card/chip-channel';
import { CHIP_PROFILES, type ChipProfileName } from '../../../src/sim/card/chip-profile';
import { codeOf } from '../../integration/card/expect-card';
import { cardFiles, MRZ_INFO, PERSON } from './fixtures/card';
import { makePki, type Pki } from './fixtures/pki';
import { CARD_ACCESS_REAL } from './fixtures/real-layout';

let pki: Pki;
beforeAll(async () => {
  pki = await makePki('rsa', 'Open');
}, 60_000);

const TODAY = new Date('2026-11-23T03:00:00Z');
const ID_ONLY = { kind: 'id' as const, idNumber: PERSON.idNumber };
const ID_DOB = { kind: 'id-dob' as const, idNumber: PERSON.idNumber, dateOfBirth: '1985-03-14' };

function chipOf(profile: ChipProfileName) {
  const chip = new SimulatedChip({
    files: cardFiles(pki),
    mrzInfo: MRZ_INFO,
    profile: CHIP_PROFILES[profile],
    can: PERSON.idNumber.slice(-6),
  });
  chip.powerOn();
  return { chip, channel: new ChipChannel(chip) };
}
const send = (chip: SimulatedChip, hex: string) =>
  toHex(chip.process(new Uint8Array(Buffer.from(hex, 'hex'))));
const read = (channel: ChipChannel, key: Parameters<typeof readCard>[1]) =>
  readCard(channel, key, { timeoutMs: 2000, anchors: [pki.csca], now: TODAY });

describe('the simulated chip by profile', () => {
  it('real: SELECT MF is 6D00; EF.CardAccess by SFI is the exact bytes of real cards', () => {
    const { chip } = chipOf('real');
    expect(send(chip, '00A4000C023F00')).toBe('6D00');
    expect(send(chip, '00B09C0036')).toBe(`${toHex(CARD_ACCESS_REAL)}9000`);
    expect(send(chip, '00A4020C02011C')).toBe('9000');
  });

  it('pace-only: BAC is refused with 6D00', () => {
    const { chip } = chipOf('pace-only');
    expect(send(chip, '00A4040C07A0000002471001')).toBe('9000');
    expect(send(chip, '0084000008')).toBe('6D00');
  });

  it('legacy: no EF.CardAccess', () => {
    const { chip } = chipOf('legacy');
    expect(send(chip, '00B09C0000')).not.toMatch(/9000$/);
  });
});

describe('opening order', () => {
  it('the ID number alone opens a real card with PACE-CAN; the first APDU reads EF.CardAccess by SFI', async () => {
    const { chip, channel } = chipOf('real');
    const out = await read(channel, ID_ONLY);
    expect(out.result).toMatchObject({ idNumber: PERSON.idNumber, fullName: PERSON.fullName });
    expect(out.result.stats.accessControl).toBe('PACE-CAN');
    expect(chip.accessControl).toBe('PACE');
    expect(toHex(channel.log[0]!.command).startsWith('00B09C00')).toBe(true);
    expect(toHex(channel.log[1]!.command)).toContain('830102'); // MSE:Set AT with the CAN
    // Never the MF, never BAC, never DG3.
    const hex = channel.log.map((l) => toHex(l.command));
    expect(hex.some((h) => h.startsWith('00A4000C023F00'))).toBe(false);
    expect(channel.log.some((l) => l.command[1] === 0x84 || l.command[1] === 0x82)).toBe(false);
  });

  it('the CAN alone opens a pace-only card; so does the QR (its CAN first)', async () => {
    const a = chipOf('pace-only');
    expect(
      (await read(a.channel, { kind: 'can', can: PERSON.idNumber.slice(-6) })).result.stats,
    ).toMatchObject({ accessControl: 'PACE-CAN' });
    const b = chipOf('pace-only');
    expect(
      (await read(b.channel, { kind: 'qr', text: PERSON.qr })).result.stats.accessControl,
    ).toBe('PACE-CAN');
  });

  it('a legacy card: the ID alone is CARD_KEY_NEEDS_DOB; ID + DOB opens it with BAC', async () => {
    const a = chipOf('legacy');
    expect(await codeOf(read(a.channel, ID_ONLY))).toBe('CARD_KEY_NEEDS_DOB');
    const b = chipOf('legacy');
    expect((await read(b.channel, ID_DOB)).result.stats.accessControl).toBe('BAC');
  });

  it('a PACE chip without the CAN password goes on to PACE with the MRZ', async () => {
    const chip = new SimulatedChip({
      files: cardFiles(pki),
      mrzInfo: MRZ_INFO,
      profile: { ...CHIP_PROFILES.real, pace: 'mrz' },
    });
    chip.powerOn();
    const out = await read(new ChipChannel(chip), ID_DOB);
    expect(out.result.stats.accessControl).toBe('PACE-MRZ');
  });

  it('a wrong ID number on a pace-only card is CARD_WRONG_KEY', async () => {
    const { channel } = chipOf('pace-only');
    expect(await codeOf(read(channel, { kind: 'id', idNumber: '001085999999' }))).toBe(
      'CARD_WRONG_KEY',
    );
  });

  it('DG3 answers 6982 inside the session', async () => {
    const { channel } = chipOf('real');
    const conn = new CardConnection(channel, { timeoutMs: 500 });
    await openChip(conn, chipPasswords(ID_ONLY, TODAY));
    expect((await conn.send(commands.readBinarySfi(3, 0, 16))).sw).toBe(0x6982);
    expect((await conn.send(commands.selectEf(0x0103))).sw).toBe(0x6982);
  });
});
