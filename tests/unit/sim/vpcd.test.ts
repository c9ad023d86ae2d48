import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/main/logging/logger';
import { VpcdClient, type VirtualCard } from '../../../src/sim/card/vpcd-client';
import { VpcdFrameDecoder, encodeFrame } from '../../../src/sim/card/vpcd-framing';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s.replace(/\s/g, ''), 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('vpcd framing', () => {
  it('prefixes a 2-byte big-endian length', () => {
    expect(toHex(encodeFrame(hex('00a4040c07a0000002471001')))).toBe(
      '000c00a4040c07a0000002471001',
    );
    const big = new Uint8Array(0x1234);
    const framed = encodeFrame(big);
    expect(framed[0]).toBe(0x12);
    expect(framed[1]).toBe(0x34);
  });

  it('refuses a payload a 2-byte length cannot carry', () => {
    expect(() => encodeFrame(new Uint8Array(0x10000))).toThrow(RangeError);
  });

  it('splits control messages and APDUs, across arbitrary chunk boundaries', () => {
    const stream = Buffer.concat([
      Buffer.from(encodeFrame(hex('04'))),
      Buffer.from(encodeFrame(hex('01'))),
      Buffer.from(encodeFrame(hex('0084000008'))),
      Buffer.from(encodeFrame(hex('00'))),
    ]);
    for (const size of [1, 2, 3, 5, stream.length]) {
      const decoder = new VpcdFrameDecoder();
      const messages = [];
      for (let i = 0; i < stream.length; i += size) {
        messages.push(...decoder.push(stream.subarray(i, i + size)));
      }
      expect(messages).toEqual([
        { kind: 'control', code: 4 },
        { kind: 'control', code: 1 },
        { kind: 'apdu', apdu: hex('0084000008') },
        { kind: 'control', code: 0 },
      ]);
      expect(decoder.pending).toBe(0);
    }
  });

  it('keeps an unfinished frame until the rest arrives', () => {
    const decoder = new VpcdFrameDecoder();
    expect(decoder.push(hex('0005 0084'))).toEqual([]);
    expect(decoder.pending).toBe(4);
    expect(decoder.push(hex('000008'))).toEqual([{ kind: 'apdu', apdu: hex('0084000008') }]);
  });
});

/** A stand-in for vpcd: accepts the card's connection and lets the test drive it. */
class FakeVpcd {
  server = net.createServer();
  sockets: net.Socket[] = [];
  private decoder = new VpcdFrameDecoder();
  private waiting: Array<(payload: Uint8Array) => void> = [];
  private received: Uint8Array[] = [];

  async listen(port = 0): Promise<number> {
    this.server.on('connection', (s) => {
      this.sockets.push(s);
      this.decoder = new VpcdFrameDecoder();
      s.on('data', (chunk) => {
        for (const m of this.decoder.push(chunk)) {
          const payload = m.kind === 'apdu' ? m.apdu : new Uint8Array([m.code]);
          const w = this.waiting.shift();
          if (w) w(payload);
          else this.received.push(payload);
        }
      });
    });
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', r));
    return (this.server.address() as net.AddressInfo).port;
  }

  async connection(): Promise<net.Socket> {
    for (let i = 0; i < 200 && this.sockets.length === 0; i++) await sleep(10);
    return this.sockets[this.sockets.length - 1]!;
  }

  send(payload: Uint8Array): Promise<Uint8Array> {
    void this.connection().then((s) => s.write(encodeFrame(payload)));
    const early = this.received.shift();
    if (early) return Promise.resolve(early);
    return new Promise((r) => this.waiting.push(r));
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets = [];
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class EchoCard implements VirtualCard {
  powerOns = 0;
  powerOn(): Uint8Array {
    this.powerOns++;
    return hex('3b8880010000000000000000');
  }
  process(apdu: Uint8Array): Uint8Array {
    if (apdu[1] === 0xff) throw new Error('boom');
    return new Uint8Array([...apdu.slice(0, 2), 0x90, 0x00]);
  }
}

describe('vpcd client', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function setup(): Promise<{
    vpcd: FakeVpcd;
    client: VpcdClient;
    card: EchoCard;
    port: number;
  }> {
    const vpcd = new FakeVpcd();
    const port = await vpcd.listen();
    const card = new EchoCard();
    const client = new VpcdClient({
      card,
      port,
      logger: nullLogger,
      retry: { initialMs: 20, maxMs: 100 },
    });
    cleanup.push(
      () => vpcd.close(),
      () => client.stop(),
    );
    client.start();
    expect(await client.waitConnected(2000)).toBe(true);
    return { vpcd, client, card, port };
  }

  it('answers GET ATR, stays silent on power on/off, answers APDUs', async () => {
    const { vpcd, client, card } = await setup();
    expect(toHex(await vpcd.send(hex('04')))).toBe('3b8880010000000000000000');
    const before = card.powerOns;
    // Power on and reset re-power the chip and send nothing back: the next frame must be the APDU's.
    await vpcd.connection().then((s) => {
      s.write(encodeFrame(hex('01')));
      s.write(encodeFrame(hex('02')));
      s.write(encodeFrame(hex('00')));
    });
    expect(toHex(await vpcd.send(hex('00b0000004')))).toBe('00b09000');
    expect(card.powerOns).toBe(before + 2);
    expect(client.apdus).toBe(1);
  });

  it('turns a chip failure into 6F00 instead of dropping the connection', async () => {
    const { vpcd } = await setup();
    expect(toHex(await vpcd.send(hex('00ff0000')))).toBe('6f00');
    expect(toHex(await vpcd.send(hex('00b0000001')))).toBe('00b09000');
  });

  it('reconnects when vpcd drops the connection, and stays away after stop', async () => {
    const { vpcd, client } = await setup();
    (await vpcd.connection()).destroy();
    vpcd.sockets = [];
    for (let i = 0; i < 100 && vpcd.sockets.length === 0; i++) await sleep(10);
    expect(vpcd.sockets.length).toBe(1);
    expect(await client.waitConnected(2000)).toBe(true);
    expect(toHex(await vpcd.send(hex('04')))).toBe('3b8880010000000000000000');

    await client.stop();
    vpcd.sockets = [];
    await sleep(200);
    expect(vpcd.sockets.length).toBe(0);
    expect(client.status).toBe('stopped');
  });

  it('keeps retrying while nothing listens, and connects once vpcd is up', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));

    const client = new VpcdClient({
      card: new EchoCard(),
      port,
      logger: nullLogger,
      retry: { initialMs: 20, maxMs: 50 },
    });
    cleanup.push(() => client.stop());
    client.start();
    await sleep(150);
    expect(client.status).toBe('connecting');
    const vpcd = new FakeVpcd();
    await vpcd.listen(port);
    cleanup.push(() => vpcd.close());
    expect(await client.waitConnected(2000)).toBe(true);
  });
});
