import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { commands, encodeCommand, parseResponse } from '../../../src/main/card/protocol/apdu';
import { performBac } from '../../../src/main/card/protocol/bac';
import { CardConnection } from '../../../src/main/card/protocol/connection';
import { fromHex, toHex } from '../../../src/main/card/protocol/tlv';
import { SimulatedChip } from '../../../src/sim/card/chip';
import { ChipChannel } from '../../../src/sim/card/chip-channel';

const EF_COM = fromHex('60145F0104303130365F36063034303030305C026175');

/** The chip of ICAO 9303-11 Appendix D: its randoms are the standard's RND.IC and K.IC. */
function exampleChip(): SimulatedChip {
  const randoms = [fromHex('4608F91988702212'), fromHex('0B4F80323EB3191CB04970CB4052790B')];
  return new SimulatedChip({
    files: new Map([[0x011e, EF_COM]]),
    mrzInfo: 'L898902C<369080619406236',
    random: (n) => {
      const next = randoms.shift();
      if (!next || next.length !== n) throw new Error('unexpected random request');
      return next;
    },
  });
}

const send = (chip: SimulatedChip, hex: string) => toHex(chip.process(fromHex(hex)));

describe('simulated chip', () => {
  it('answers the ICAO 9303-11 D.3/D.4 APDUs with exactly the published responses', () => {
    const chip = exampleChip();
    chip.powerOn();
    expect(send(chip, '00A4040C07A0000002471001')).toBe('9000');
    expect(send(chip, '0084000008')).toBe('4608F919887022129000');
    expect(
      send(
        chip,
        '008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A728',
      ),
    ).toBe('46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000');
    expect(send(chip, '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800')).toBe(
      '990290008E08FA855A5D4C50A8ED9000',
    );
    expect(send(chip, '0CB000000D9701048E08ED6705417E96BA5500')).toBe(
      '8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000',
    );
    expect(send(chip, '0CB000040D9701128E082EA28A70F3C7B53500')).toBe(
      '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000',
    );
  });

  it('has an ISO 14443-4 style ATR with a correct check byte, and resets on power-on', () => {
    const chip = exampleChip();
    const atr = chip.powerOn();
    expect(atr[0]).toBe(0x3b);
    expect(atr.subarray(1).reduce((x, b) => x ^ b, 0)).toBe(0);
  });

  it('answers SELECT MF with 6D00 like real cards, has no EF.CardAccess (BAC only), only the eMRTD applet', () => {
    const chip = exampleChip();
    chip.powerOn();
    expect(send(chip, '00A4000C023F00')).toBe('6D00');
    expect(send(chip, '00A4000C00'.slice(0, 8))).toBe('6D00');
    expect(send(chip, '00A4020C02011C')).toBe('6A82');
    expect(send(chip, '00A4040C07A0000002471002')).toBe('6A82');
  });

  it('protects files before BAC and refuses plain or badly MACed commands after it', async () => {
    const chip = exampleChip();
    chip.powerOn();
    expect(send(chip, '00A4040C07A0000002471001')).toBe('9000');
    expect(send(chip, '00A4020C02011E')).toBe('6982');
    expect(send(chip, '00B0000004')).toBe('6982');
    expect(send(chip, '0082000028' + '00'.repeat(40) + '28')).toBe('6985'); // no challenge yet

    const channel = new ChipChannel(chip);
    const conn = new CardConnection(channel, { timeoutMs: 100 });
    await performBac(conn, 'L898902C<369080619406236');
    expect(chip.secured).toBe(true);
    // A plain command inside the session: 6987 in plain, and the session is over.
    expect(send(chip, '00B0000004')).toBe('6987');
    expect(chip.secured).toBe(false);
  });

  it('a wrong command MAC ends the session with 6988', async () => {
    const chip = exampleChip();
    chip.powerOn();
    const conn = new CardConnection(new ChipChannel(chip), { timeoutMs: 100 });
    await conn.send(commands.selectApplet());
    await performBac(conn, 'L898902C<369080619406236');
    const wrong = fromHex(`0CB000000D9701048E08${'00'.repeat(8)}00`);
    expect(toHex(chip.process(wrong))).toBe('6988');
    expect(chip.secured).toBe(false);
  });

  it('a wrong key is refused with 6982 and needs a new challenge', () => {
    const chip = new SimulatedChip({ files: new Map(), mrzInfo: 'L898902C<369080619406236' });
    chip.powerOn();
    send(chip, '00A4040C07A0000002471001');
    send(chip, '0084000008');
    expect(send(chip, '0082000028' + '11'.repeat(40) + '28')).toBe('6982');
    expect(send(chip, '0082000028' + '11'.repeat(40) + '28')).toBe('6985');
  });

  it('answers malformed APDUs with a status word and never throws, whatever the bytes', () => {
    const chip = new SimulatedChip({
      files: new Map([[0x011e, EF_COM]]),
      mrzInfo: 'L898902C<369080619406236',
      extendedLength: false,
    });
    chip.powerOn();
    expect(send(chip, '00A4')).toBe('6700');
    expect(send(chip, '00A4020C05011E')).toBe('6700');
    expect(send(chip, toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 1000 })))).toBe(
      '6700',
    );
    expect(send(chip, '80A4040C07A0000002471001')).toBe('6E00');
    expect(send(chip, '00FF000000')).toBe('6D00');
    for (let i = 0; i < 3000; i++) {
      const r = chip.process(new Uint8Array(randomBytes(i % 60)));
      expect(r.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('reads by SFI and by offset, caps at maxLe and says 6282 / 6B00 at the end of the file', async () => {
    const file = new Uint8Array(600).map((_, i) => i & 0xff);
    file.set([0x04, 0x82, 0x02, 0x54]); // an OCTET STRING of 596 bytes: 600 in all
    const chip = new SimulatedChip({
      files: new Map([[0x0101, file]]),
      mrzInfo: 'L898902C<369080619406236',
      maxLe: 100,
    });
    chip.powerOn();
    const conn = new CardConnection(new ChipChannel(chip), { timeoutMs: 100 });
    await conn.send(commands.selectApplet());
    await performBac(conn, 'L898902C<369080619406236');
    const first = await conn.send(commands.readBinarySfi(1, 0, 256));
    expect(first.sw).toBe(0x9000);
    expect(first.data).toEqual(file.subarray(0, 100)); // capped at maxLe
    const last = await conn.send(commands.readBinary(550, 100));
    expect(last.sw).toBe(0x6282);
    expect(last.data).toEqual(file.subarray(550));
    expect((await conn.send(commands.readBinary(600, 10))).sw).toBe(0x6b00);
    expect((await conn.send(commands.readBinarySfi(2, 0, 10))).sw).toBe(0x6a82);
    expect((await conn.send(commands.selectEf(0x0101))).sw).toBe(0x9000);
    const fci = await conn.send({ ...commands.selectEf(0x0101), p2: 0x00, le: 256 });
    expect(toHex(fci.data)).toBe('620B8002025882010183020101');
    expect(parseResponse(chip.process(fromHex('00B0000004'))).sw).toBe(0x6987);
  });
});
