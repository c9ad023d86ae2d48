import { describe, expect, it } from 'vitest';
import {
  commands,
  decodeCommand,
  describeSw,
  encodeCommand,
  parseResponse,
  statusError,
} from '../../../src/main/card/protocol/apdu';
import type { CardChannel } from '../../../src/main/card/protocol/card-channel';
import { CardConnection } from '../../../src/main/card/protocol/connection';
import {
  maxPlainForResponse,
  smResponseLength,
} from '../../../src/main/card/protocol/secure-messaging';
import { fromHex, toHex } from '../../../src/main/card/protocol/tlv';

describe('command APDU encoding', () => {
  it('encodes the four cases, short', () => {
    expect(toHex(encodeCommand({ cla: 0, ins: 0xa4, p1: 4, p2: 0x0c }))).toBe('00A4040C');
    expect(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 }))).toBe('00B0000000');
    expect(toHex(encodeCommand(commands.selectEf(0x011e)))).toBe('00A4020C02011E');
    expect(toHex(encodeCommand({ ...commands.selectEf(0x011e), le: 4 }))).toBe('00A4020C02011E04');
  });

  it('encodes extended length when needed or asked', () => {
    expect(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 1000 }))).toBe(
      '00B00000' + '0003E8',
    );
    expect(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 65536 }))).toBe(
      '00B00000000000',
    );
    expect(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 }, true))).toBe(
      '00B00000000004',
    );
    const data = new Uint8Array(300).fill(0xaa);
    const c4 = encodeCommand({ cla: 0, ins: 0x82, p1: 0, p2: 0, data, le: 256 });
    expect(toHex(c4.subarray(0, 7))).toBe('0082000000012C');
    expect(toHex(c4.subarray(-2))).toBe('0100');
    expect(() => encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 1000 }, false)).toThrow(
      RangeError,
    );
  });

  it('decodes what it encodes, and rejects malformed APDUs', () => {
    for (const cmd of [
      { cla: 0, ins: 0xa4, p1: 4, p2: 0x0c },
      { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 },
      { ...commands.selectEf(0x0101), le: 10 },
      { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 65536 },
      { cla: 0, ins: 0x82, p1: 0, p2: 0, data: new Uint8Array(300), le: 300 },
      { cla: 0, ins: 0x82, p1: 0, p2: 0, data: new Uint8Array(300) },
    ]) {
      const d = decodeCommand(encodeCommand(cmd));
      expect(d).toMatchObject({ ...cmd, data: cmd.data ?? new Uint8Array(0) });
    }
    expect(decodeCommand(fromHex('00A4'))).toBeNull();
    expect(decodeCommand(fromHex('00A4020C05011E'))).toBeNull(); // Lc says 5, 2 follow
    expect(decodeCommand(fromHex('00B0000000FF'))).toBeNull();
  });

  it('parses responses and names status words', () => {
    expect(parseResponse(fromHex('AABB9000'))).toEqual({ data: fromHex('AABB'), sw: 0x9000 });
    expect(() => parseResponse(fromHex('90'))).toThrow(
      expect.objectContaining({ code: 'CARD_PROTOCOL' }),
    );
    expect(describeSw(0x6a82)).toBe('6A82 (file or application not found)');
    expect(describeSw(0x6c10)).toContain('exact length 16');
    expect(describeSw(0x6110)).toContain('16 more bytes');
    expect(statusError(0x6988, 'READ BINARY').code).toBe('CARD_SM_MAC');
    expect(statusError(0x6982, 'READ BINARY').detail).toBe(
      'READ BINARY: 6982 (security status not satisfied)',
    );
  });

  it('sizes SM responses so that a short APDU answer fits 256 bytes', () => {
    expect(smResponseLength(4)).toBe(1 + 1 + 9 + 4 + 10);
    expect(maxPlainForResponse(256)).toBe(231);
    expect(smResponseLength(231)).toBeLessThanOrEqual(256);
    expect(smResponseLength(232)).toBeGreaterThan(256);
    expect(maxPlainForResponse(223)).toBe(199);
  });
});

function scripted(
  answers: string[],
  sent: string[],
  extra: Partial<CardChannel> = {},
): CardChannel {
  return {
    async transmit(command) {
      sent.push(toHex(command));
      const next = answers.shift();
      if (next === undefined) throw new Error('unexpected command');
      return fromHex(next);
    },
    ...extra,
  };
}

describe('the connection: GET RESPONSE, 6Cxx, timeouts, abort', () => {
  it('follows 61xx with GET RESPONSE and joins the data', async () => {
    const sent: string[] = [];
    const conn = new CardConnection(scripted(['AABB6103', 'CCDDEE6101', 'FF9000'], sent), {
      timeoutMs: 100,
    });
    const r = await conn.send(commands.readBinary(0, 6));
    expect(toHex(r.data)).toBe('AABBCCDDEEFF');
    expect(r.sw).toBe(0x9000);
    expect(sent).toEqual(['00B0000006', '00C0000003', '00C0000001']);
    expect(conn.stats.apdus).toBe(3);
  });

  it('resends with the exact Le after 6Cxx', async () => {
    const sent: string[] = [];
    const conn = new CardConnection(scripted(['6C05', '01020304059000'], sent), { timeoutMs: 100 });
    const r = await conn.send(commands.readBinary(0, 0x20));
    expect(toHex(r.data)).toBe('0102030405');
    expect(sent).toEqual(['00B0000020', '00B0000005']);
  });

  it('a card that does not answer is CARD_TIMEOUT, even if the channel ignores its timeout', async () => {
    const conn = new CardConnection(
      { transmit: () => new Promise(() => undefined) },
      { timeoutMs: 20 },
    );
    await expect(conn.send(commands.getChallenge())).rejects.toMatchObject({
      code: 'CARD_TIMEOUT',
    });
  });

  it('an aborted read stops at the next APDU and during one', async () => {
    const controller = new AbortController();
    controller.abort();
    const conn = new CardConnection(scripted(['9000'], []), {
      timeoutMs: 100,
      signal: controller.signal,
    });
    await expect(conn.send(commands.getChallenge())).rejects.toMatchObject({
      code: 'CARD_READ_CANCELLED',
    });
    const c2 = new AbortController();
    const hanging = new CardConnection(
      { transmit: () => new Promise(() => undefined) },
      { timeoutMs: 5000, signal: c2.signal },
    );
    const p = hanging.send(commands.getChallenge());
    c2.abort();
    await expect(p).rejects.toMatchObject({ code: 'CARD_READ_CANCELLED' });
  });

  it('a channel failure that is not a KioskError becomes CARD_PROTOCOL', async () => {
    const conn = new CardConnection(
      { transmit: async () => Promise.reject(new Error('boom')) },
      { timeoutMs: 100 },
    );
    await expect(conn.send(commands.getChallenge())).rejects.toMatchObject({
      code: 'CARD_PROTOCOL',
    });
  });

  it('computes the largest plain Le for the channel', () => {
    const conn = (extra: Partial<CardChannel>) =>
      new CardConnection({ transmit: async () => fromHex('9000'), ...extra }, { timeoutMs: 10 });
    expect(conn({}).maxPlainLe()).toBe(256);
    expect(conn({ extendedLength: true, maxResponseLength: 65536 }).maxPlainLe()).toBe(65536);
    expect(conn({ maxResponseLength: 223 }).maxPlainLe()).toBe(223);
  });
});
