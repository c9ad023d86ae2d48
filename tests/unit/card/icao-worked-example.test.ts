/**
 * ICAO Doc 9303-11 Appendix D.3 (BAC) and D.4 (secure messaging) worked example, byte for byte.
 * The values below are the ones printed in the standard (cross-checked against several
 * independent public eMRTD test suites); none is derived by this project's code.
 */
import { describe, expect, it } from 'vitest';
import { encodeCommand, parseResponse } from '../../../src/main/card/protocol/apdu';
import {
  bacKeys,
  cardAuthAnswer,
  completeTerminalAuth,
  performBac,
  sessionMessaging,
  terminalAuthData,
} from '../../../src/main/card/protocol/bac';
import { CardConnection } from '../../../src/main/card/protocol/connection';
import { retailMac, tdesEncrypt } from '../../../src/main/card/protocol/crypto';
import { fromHex, toHex } from '../../../src/main/card/protocol/tlv';
import type { CardChannel } from '../../../src/main/card/protocol/card-channel';
import { KioskError } from '../../../src/shared/errors';

const MRZ_INFO = 'L898902C<369080619406236';
const RND_IC = fromHex('4608F91988702212');
const RND_IFD = fromHex('781723860C06C226');
const K_IFD = fromHex('0B795240CB7049B01C19B33E32804F0B');
const K_IC = fromHex('0B4F80323EB3191CB04970CB4052790B');
const S = '781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B';
const E_IFD = '72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2';
const M_IFD = '5F1448EEA8AD90A7';
const RESP_DATA =
  '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449';
const KS_ENC = '979EC13B1CBFE9DCD01AB0FED307EAE5';
const KS_MAC = 'F1CB1F1FB5ADF208806B89DC579DC1F8';
const SSC = '887022120C06C226';

describe('ICAO 9303-11 D.3: BAC', () => {
  it('derives Kseed, Kenc and Kmac (parity adjusted) from the MRZ information', () => {
    const keys = bacKeys(MRZ_INFO);
    expect(toHex(keys.seed)).toBe('239AB9CB282DAF66231DC5A4DF6BFBAE');
    expect(toHex(keys.kEnc)).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(toHex(keys.kMac)).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });

  it('encrypts S and MACs it into the EXTERNAL AUTHENTICATE data', () => {
    const keys = bacKeys(MRZ_INFO);
    expect(toHex(tdesEncrypt(keys.kEnc, fromHex(S)))).toBe(E_IFD);
    expect(toHex(retailMac(keys.kMac, fromHex(E_IFD)))).toBe(M_IFD);
    expect(toHex(terminalAuthData(keys, RND_IC, RND_IFD, K_IFD))).toBe(E_IFD + M_IFD);
  });

  it("verifies the chip's answer and derives KSenc, KSmac and the SSC", () => {
    const session = completeTerminalAuth(
      bacKeys(MRZ_INFO),
      RND_IC,
      RND_IFD,
      K_IFD,
      fromHex(RESP_DATA),
    );
    expect(session).not.toBeNull();
    expect(toHex(session!.ksEnc)).toBe(KS_ENC);
    expect(toHex(session!.ksMac)).toBe(KS_MAC);
    expect(toHex(session!.ssc)).toBe(SSC);
  });

  it("computes the chip's answer on the card side (simulator)", () => {
    const result = cardAuthAnswer(bacKeys(MRZ_INFO), RND_IC, K_IC, fromHex(E_IFD + M_IFD));
    expect(toHex(result!.answer)).toBe(RESP_DATA);
    expect(toHex(result!.session.ksEnc)).toBe(KS_ENC);
  });

  it('rejects an answer with a wrong MAC or a wrong echoed nonce', () => {
    const bad = fromHex(RESP_DATA);
    bad[39]! ^= 1;
    expect(completeTerminalAuth(bacKeys(MRZ_INFO), RND_IC, RND_IFD, K_IFD, bad)).toBeNull();
    const otherNonce = fromHex('4608F91988702213');
    expect(
      completeTerminalAuth(bacKeys(MRZ_INFO), otherNonce, RND_IFD, K_IFD, fromHex(RESP_DATA)),
    ).toBeNull();
  });
});

describe('ICAO 9303-11 D.4: secure messaging', () => {
  const session = () =>
    sessionMessaging({ ksEnc: fromHex(KS_ENC), ksMac: fromHex(KS_MAC), ssc: fromHex(SSC) });

  it('protects SELECT EF.COM, verifies its response, then READ BINARY twice', () => {
    const sm = session();
    const select = sm.protectCommand({
      cla: 0,
      ins: 0xa4,
      p1: 0x02,
      p2: 0x0c,
      data: fromHex('011E'),
    });
    expect(toHex(select)).toBe('0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800');
    expect(toHex(sm.ssc)).toBe('887022120C06C227');
    const r1 = sm.unprotectResponse(parseResponse(fromHex('990290008E08FA855A5D4C50A8ED9000')));
    expect(r1.sw).toBe(0x9000);
    expect(r1.data.length).toBe(0);
    expect(toHex(sm.ssc)).toBe('887022120C06C228');

    const read1 = sm.protectCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 });
    expect(toHex(read1)).toBe('0CB000000D9701048E08ED6705417E96BA5500');
    const r2 = sm.unprotectResponse(
      parseResponse(fromHex('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000')),
    );
    expect(toHex(r2.data)).toBe('60145F01');
    expect(toHex(sm.ssc)).toBe('887022120C06C22A');

    const read2 = sm.protectCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 4, le: 0x12 });
    expect(toHex(read2)).toBe('0CB000040D9701128E082EA28A70F3C7B53500');
    const r3 = sm.unprotectResponse(
      parseResponse(
        fromHex(
          '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000',
        ),
      ),
    );
    expect(toHex(r3.data)).toBe('04303130365F36063034303030305C026175');
    expect(toHex(sm.ssc)).toBe('887022120C06C22C');
  });

  it('refuses a response whose MAC does not match (CARD_SM_MAC)', () => {
    const sm = session();
    sm.protectCommand({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') });
    const tampered = fromHex('990290008E08FA855A5D4C50A8EC9000');
    expect(() => sm.unprotectResponse(parseResponse(tampered))).toThrow(
      expect.objectContaining({ code: 'CARD_SM_MAC' }),
    );
  });

  it('the card side unwraps the protected commands and produces the published responses', () => {
    const card = session();
    const reader = session();
    const cmd = reader.protectCommand({
      cla: 0,
      ins: 0xa4,
      p1: 0x02,
      p2: 0x0c,
      data: fromHex('011E'),
    });
    const decoded = card.unprotectCommand({
      cla: cmd[0]!,
      ins: cmd[1]!,
      p1: cmd[2]!,
      p2: cmd[3]!,
      data: cmd.subarray(5, 5 + cmd[4]!),
      le: 256,
      extended: false,
    });
    expect(decoded.ok && toHex(decoded.command.data!)).toBe('011E');
    expect(toHex(card.protectResponse(new Uint8Array(0), 0x9000))).toBe(
      '990290008E08FA855A5D4C50A8ED9000',
    );
  });
});

describe('the whole example over a connection', () => {
  it('sends exactly the APDUs of the standard and reads EF.COM', async () => {
    const answers = [
      '4608F919887022129000',
      `${RESP_DATA}9000`,
      '990290008E08FA855A5D4C50A8ED9000',
      '8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000',
      '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000',
    ];
    const sent: string[] = [];
    const channel: CardChannel = {
      async transmit(command) {
        sent.push(toHex(command));
        const next = answers.shift();
        if (!next) throw new Error('unexpected command');
        return fromHex(next);
      },
      extendedLength: false,
    };
    const conn = new CardConnection(channel, { timeoutMs: 1000 });
    const session = await performBac(conn, MRZ_INFO, { rndIfd: RND_IFD, kIfd: K_IFD });
    expect(toHex(session.ssc)).toBe(SSC);
    expect(
      (await conn.send({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') })).sw,
    ).toBe(0x9000);
    const head = await conn.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 });
    const rest = await conn.send({ cla: 0, ins: 0xb0, p1: 0, p2: 4, le: 0x12 });
    expect(toHex(head.data) + toHex(rest.data)).toBe(
      '60145F0104303130365F36063034303030305C026175',
    );
    expect(sent).toEqual([
      '0084000008',
      `0082000028${E_IFD}${M_IFD}28`,
      '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
      '0CB000000D9701048E08ED6705417E96BA5500',
      '0CB000040D9701128E082EA28A70F3C7B53500',
    ]);
    expect(conn.stats.apdus).toBe(5);
  });

  it('a refused EXTERNAL AUTHENTICATE is CARD_WRONG_KEY', async () => {
    const answers = ['4608F919887022129000', '6300'];
    const channel: CardChannel = { transmit: async () => fromHex(answers.shift()!) };
    const conn = new CardConnection(channel, { timeoutMs: 1000 });
    const err = await performBac(conn, MRZ_INFO).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KioskError);
    expect((err as KioskError).code).toBe('CARD_WRONG_KEY');
  });

  it('encodes the unprotected EXTERNAL AUTHENTICATE as case 4 short', () => {
    expect(
      toHex(
        encodeCommand({ cla: 0, ins: 0x82, p1: 0, p2: 0, data: fromHex(E_IFD + M_IFD), le: 40 }),
      ),
    ).toBe(`0082000028${E_IFD}${M_IFD}28`);
  });
});
