import { beforeAll, describe, expect, it } from 'vitest';
import type { CardChannel } from '../../../src/main/card/protocol/card-channel';
import {
  encodeCardAccess,
  oidToString,
  parseCardAccess,
  selectPaceInfo,
} from '../../../src/main/card/protocol/card-access';
import { commands } from '../../../src/main/card/protocol/apdu';
import { CardConnection } from '../../../src/main/card/protocol/connection';
import { composeMrzInfo } from '../../../src/main/card/protocol/mrz-info';
import { authenticateWithPace, performPace } from '../../../src/main/card/protocol/pace';
import { PACE_ECDH_GM_AES_128 } from '../../../src/main/card/protocol/pace-crypto';
import { readCard, type ReadCardOptions } from '../../../src/main/card/protocol/read-card';
import { fromHex, toHex } from '../../../src/main/card/protocol/tlv';
import { SimulatedChip, type SimulatedChipOptions } from '../../../src/sim/card/chip';
import { ChipChannel, type ChipChannelOptions } from '../../../src/sim/card/chip-channel';
import { codeOf } from '../../integration/card/expect-card';
import { cardFiles, MRZ_INFO, PERSON } from './fixtures/card';
import { ICAO_G } from './fixtures/pace-vectors';
import { CHIP_PROFILES, type ChipProfile } from '../../../src/sim/card/chip-profile';

const ICAO_MRZ = { kind: 'mrz' as const, mrzInfo: ICAO_G.mrzInfo };
/** A chip with PACE on `parameterId`, one PACEInfo in EF.CardAccess, the CAN and/or MRZ. */
const paceChip = (parameterId: 12 | 13, pace: ChipProfile['pace'] = 'can+mrz') => ({
  profile: { ...CHIP_PROFILES.real, pace, paceParameterId: parameterId, chipAuth: false },
  can: PERSON.idNumber.slice(-6),
});
import { makePki, type Pki } from './fixtures/pki';

/** A card that plays back a fixed exchange and fails the test on any other command. */
function scriptedChannel(exchange: ReadonlyArray<readonly [string, string]>) {
  const pending = [...exchange];
  const channel: CardChannel & { remaining: () => number } = {
    remaining: () => pending.length,
    async transmit(command) {
      const next = pending.shift();
      expect(next, `unexpected command ${toHex(command)}`).toBeDefined();
      expect(toHex(command)).toBe(next![0].toUpperCase());
      return fromHex(next![1]);
    },
  };
  return channel;
}

const icaoInfo = () => selectPaceInfo(parseCardAccess(fromHex(ICAO_G.cardAccess)))!;

describe('EF.CardAccess', () => {
  it('reads the PACEInfo of the ICAO example and picks it', () => {
    const infos = parseCardAccess(fromHex(ICAO_G.cardAccess));
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatchObject({
      oidText: '0.4.0.127.0.7.2.2.4.2.2',
      version: 2,
      parameterId: 13,
    });
    expect(selectPaceInfo(infos)).toBe(infos[0]);
    expect(toHex(encodeCardAccess(PACE_ECDH_GM_AES_128, 13))).toBe(ICAO_G.cardAccess);
  });

  it('offers nothing to run when the card lists only variants this reader lacks', () => {
    // GM with AES-256 and CAM with AES-256 on brainpoolP384r1.
    const infos = parseCardAccess(
      fromHex(
        '31283012060a04007f000702020402040201020201103012060a04007f00070202040604020102020110',
      ),
    );
    expect(infos.map((i) => i.oidText)).toEqual([
      '0.4.0.127.0.7.2.2.4.2.4',
      '0.4.0.127.0.7.2.2.4.6.4',
    ]);
    expect(selectPaceInfo(infos)).toBeNull();
  });

  it('skips other SecurityInfos and odd entries, and rejects a file that is not a SET', () => {
    const chipAuth = '300F060A04007F00070202030202020101'; // id-CA-ECDH-AES-CBC-CMAC-128
    const junk = '3003020101';
    const pace = '3012060A04007F0007020204020202010202010D';
    const set = fromHex(`312A${chipAuth}${junk}${pace}`);
    const infos = parseCardAccess(set);
    expect(infos.map((i) => i.parameterId)).toEqual([13]);
    expect(() => parseCardAccess(fromHex('3003020101'))).toThrow(/CARD_BAD_TLV/);
    expect(oidToString(fromHex('2A864886F70D010101'))).toBe('1.2.840.113549.1.1.1');
  });
});

describe('PACE against the ICAO 9303-11 Appendix G.1 transcript', () => {
  it('sends the example APDUs byte for byte and ends with the example session keys', async () => {
    const channel = scriptedChannel(ICAO_G.apdus);
    const conn = new CardConnection(channel, { timeoutMs: 500 });
    const session = await performPace(conn, ICAO_MRZ, icaoInfo(), {
      privateKeys: [ICAO_G.skMapIfd, ICAO_G.skDhIfd],
    });
    expect(channel.remaining()).toBe(0);
    expect(toHex(session.ksEnc)).toBe(ICAO_G.ksEnc);
    expect(toHex(session.ksMac)).toBe(ICAO_G.ksMac);
    expect(toHex(session.tokenIfd)).toBe(ICAO_G.tIfd);
    expect(toHex(session.tokenIc)).toBe(ICAO_G.tIc);
    expect(conn.secure).toBe(true);
  });

  it('sends the parameter ID (84 01 0D) when asked', async () => {
    const [, ...rest] = ICAO_G.apdus;
    const channel = scriptedChannel([
      ['0022C1A412800A04007F0007020204020283010184010D', '9000'],
      ...rest,
    ]);
    const conn = new CardConnection(channel, { timeoutMs: 500 });
    await performPace(conn, ICAO_MRZ, icaoInfo(), {
      privateKeys: [ICAO_G.skMapIfd, ICAO_G.skDhIfd],
      includeParameterId: true,
    });
    expect(channel.remaining()).toBe(0);
  });

  it('protects the next command with AES secure messaging, SSC starting at zero', async () => {
    // SELECT eMRTD applet under the example's session keys. This pair is not printed in the
    // ICAO appendix; it comes from an independent implementation's reference vectors.
    const channel = scriptedChannel([
      ...ICAO_G.apdus,
      [
        '0CA4040C1D871101752F676B09FAC86A87D632749A49C7CC8E08C18BA1FCE707BD9F00',
        '990290008E08BEA7B381C494A0799000',
      ],
    ]);
    const conn = new CardConnection(channel, { timeoutMs: 500 });
    await performPace(conn, ICAO_MRZ, icaoInfo(), {
      privateKeys: [ICAO_G.skMapIfd, ICAO_G.skDhIfd],
    });
    const r = await conn.send(commands.selectApplet());
    expect(r.sw).toBe(0x9000);
    expect(channel.remaining()).toBe(0);
  });

  it('refuses a chip token that does not verify (CARD_SM_MAC), and a refused token is CARD_WRONG_KEY', async () => {
    const forged = ICAO_G.apdus.map(
      ([c, r]) => [c, r.replace(ICAO_G.tIc, '0000000000000000')] as const,
    );
    const conn = new CardConnection(scriptedChannel(forged), { timeoutMs: 500 });
    const keys = { privateKeys: [ICAO_G.skMapIfd, ICAO_G.skDhIfd] };
    expect(await codeOf(performPace(conn, ICAO_MRZ, icaoInfo(), keys))).toBe('CARD_SM_MAC');
    expect(conn.secure).toBe(false);
    const refused = ICAO_G.apdus.map(([c, r], i) => [c, i === 4 ? '6300' : r] as const);
    const conn2 = new CardConnection(scriptedChannel(refused), { timeoutMs: 500 });
    expect(await codeOf(performPace(conn2, ICAO_MRZ, icaoInfo(), keys))).toBe('CARD_WRONG_KEY');
  });

  it('a chip mapping key off the curve stops PACE (CARD_PROTOCOL)', async () => {
    const bad = ICAO_G.apdus.map(
      ([c, r], i) => [c, i === 2 ? r.replace('13C549000', '13C559000') : r] as const,
    );
    const conn = new CardConnection(scriptedChannel(bad.slice(0, 3)), { timeoutMs: 500 });
    const err = await performPace(conn, ICAO_MRZ, icaoInfo(), {
      privateKeys: [ICAO_G.skMapIfd, ICAO_G.skDhIfd],
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CARD_PROTOCOL' });
    expect(String((err as Error).message)).toContain('not a point');
  });
});

describe('readCard with PACE against the simulated chip', () => {
  let pki: Pki;
  beforeAll(async () => {
    pki = await makePki('rsa', 'Pace');
  }, 60_000);

  const TODAY = new Date('2026-11-23T03:00:00Z');
  const qrKey = { kind: 'qr' as const, text: PERSON.qr };
  const options = (extra: Partial<ReadCardOptions> = {}): ReadCardOptions => ({
    timeoutMs: 2000,
    anchors: [pki.csca],
    now: TODAY,
    pace: true,
    ...extra,
  });
  function setup(chip: Partial<SimulatedChipOptions> = {}, channel: ChipChannelOptions = {}) {
    const c = new SimulatedChip({ files: cardFiles(pki), mrzInfo: MRZ_INFO, ...chip });
    c.powerOn();
    const extendedLength = channel.extendedLength ?? chip.extendedLength ?? true;
    return { chip: c, channel: new ChipChannel(c, { extendedLength, ...channel }) };
  }
  const ins = (channel: ChipChannel) => channel.log.map((l) => toHex(l.command.subarray(0, 2)));

  it.each([13, 12] as const)(
    'reads the whole card over PACE (parameter ID %i) with AES secure messaging',
    async (parameterId) => {
      const { chip, channel } = setup(paceChip(parameterId));
      const out = await readCard(channel, qrKey, options());
      expect(out.result).toMatchObject({
        idNumber: PERSON.idNumber,
        fullName: PERSON.fullName,
        dateOfBirth: PERSON.dateOfBirth,
        passiveAuthentication: { status: 'valid' },
      });
      expect(out.photo?.length).toBe(3000);
      expect(chip.accessControl).toBe('PACE');
      // CardAccess by SFI, MSE:Set AT, 4 × GENERAL AUTHENTICATE, secured SELECT, 5 files.
      expect(ins(channel).slice(0, 7)).toEqual([
        '00B0',
        '0022',
        '1086',
        '1086',
        '1086',
        '0086',
        '0CA4',
      ]);
      expect(out.result.stats.apdus).toBe(12);
      // Never a BAC command.
      expect(channel.log.some((l) => l.command[1] === 0x82 || l.command[1] === 0x84)).toBe(false);
    },
  );

  it('reads over PACE through a short-APDU reader limited to 223-byte answers', async () => {
    const { chip, channel } = setup(
      { ...paceChip(13), extendedLength: false, maxLe: 223 },
      { maxResponseLength: 223 },
    );
    const out = await readCard(channel, qrKey, options());
    expect(out.result.passiveAuthentication.status).toBe('valid');
    expect(chip.accessControl).toBe('PACE');
    expect(Math.max(...channel.log.map((l) => l.response.length - 2))).toBeLessThanOrEqual(223);
  });

  it('falls back to BAC when the card has no EF.CardAccess', async () => {
    const { chip, channel } = setup();
    const out = await readCard(channel, qrKey, options());
    expect(out.result.passiveAuthentication.status).toBe('valid');
    expect(chip.accessControl).toBe('BAC');
    // The probe (READ BINARY by SFI, then SELECT 011C) costs two APDUs before BAC's usual eight.
    expect(ins(channel).slice(0, 5)).toEqual(['00B0', '00A4', '00A4', '0084', '0082']);
    expect(out.result.stats.apdus).toBe(10);
  });

  it('falls back to BAC when PACE fails before the tokens', async () => {
    const { chip, channel } = setup(paceChip(13));
    const original = chip.process.bind(chip);
    chip.process = (apdu) => (apdu[1] === 0x22 ? fromHex('6A80') : original(apdu));
    const out = await readCard(channel, qrKey, options());
    expect(out.result.fullName).toBe(PERSON.fullName);
    expect(chip.accessControl).toBe('BAC');
  });

  it('a wrong key is CARD_WRONG_KEY after PACE with the CAN, PACE with each MRZ candidate, then BAC', async () => {
    const { chip, channel } = setup({
      ...paceChip(13),
      can: '999999',
      mrzInfo: composeMrzInfo('085012345', '850314', '990101'),
    });
    expect(await codeOf(readCard(channel, qrKey, options()))).toBe('CARD_WRONG_KEY');
    const mse = channel.log.filter((l) => toHex(l.command.subarray(0, 2)) === '0022');
    // 83 01 02 = the CAN first, then 83 01 01 = the MRZ password.
    expect(toHex(mse[0]!.command)).toContain('830102');
    expect(mse.slice(1).every((l) => toHex(l.command).includes('830101'))).toBe(true);
    const tokens = channel.log.filter((l) => toHex(l.command.subarray(0, 2)) === '0086');
    expect(tokens.length).toBe(mse.length);
    expect(tokens.every((l) => toHex(l.response) === '6300')).toBe(true);
    // BAC last, refused too.
    expect(channel.log.some((l) => l.command[1] === 0x82)).toBe(true);
    expect(chip.accessControl).toBeNull();
  });

  it('tries the neighbouring milestone over PACE when the likely key fails', async () => {
    const { chip, channel } = setup({
      ...paceChip(13, 'mrz'),
      mrzInfo: composeMrzInfo('085012345', '850314', '250314'),
    });
    const out = await readCard(channel, qrKey, options());
    expect(out.result.fullName).toBe(PERSON.fullName);
    expect(chip.accessControl).toBe('PACE');
    const tokens = channel.log.filter((l) => toHex(l.command.subarray(0, 2)) === '0086');
    expect(tokens.map((l) => toHex(l.response.subarray(-2)))).toEqual(['6300', '9000']);
  });

  it('a wrong response MAC in the PACE session is CARD_SM_MAC', async () => {
    const { chip, channel } = setup(paceChip(13));
    chip.faults.corruptMacOnce = true;
    expect(await codeOf(readCard(channel, qrKey, options()))).toBe('CARD_SM_MAC');
  });

  it('without the pace option a PACE-capable chip is read with BAC, in the usual 8 APDUs', async () => {
    const { chip, channel } = setup(paceChip(13));
    const out = await readCard(channel, qrKey, options({ pace: false }));
    expect(chip.accessControl).toBe('BAC');
    expect(out.result.stats.apdus).toBe(8);
  });

  it('authenticateWithPace reports why it did not establish PACE', async () => {
    const { channel } = setup();
    const conn = new CardConnection(channel, { timeoutMs: 500 });
    expect(await authenticateWithPace(conn, [{ kind: 'mrz', mrzInfo: MRZ_INFO }])).toEqual({
      established: false,
      reason: 'no EF.CardAccess',
      refused: false,
    });
  });
});
