import { afterEach, describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors';
import { nullLogger } from '../../../src/main/logging/logger';
import { PcscService, type CardEvent } from '../../../src/main/card/pcsc/pcsc-service';
import { atrSupportsExtendedLength } from '../../../src/main/card/pcsc/atr';
import {
  FakeBackend,
  STATE_EMPTY,
  STATE_PRESENT,
  STATE_PRESENT_INUSE,
  pcscError,
} from './fake-pcsc';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, ms = 2000): Promise<void> {
  for (let waited = 0; !cond(); waited += 5) {
    if (waited > ms) throw new Error('condition not met in time');
    await sleep(5);
  }
}

async function rejection(p: Promise<unknown>): Promise<KioskError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(KioskError);
    return err as KioskError;
  }
  throw new Error('expected a rejection');
}

const ATR = [0x3b, 0x80, 0x80, 0x01, 0x01];

describe('PcscService with a fake pcsclite', () => {
  const services: PcscService[] = [];
  afterEach(async () => {
    for (const s of services.splice(0)) await s.close();
  });

  async function setup(opts: { up?: boolean } = {}) {
    const backend = new FakeBackend();
    backend.up = opts.up ?? true;
    const service = new PcscService({
      backend,
      logger: nullLogger,
      retry: { initialMs: 10, maxMs: 40 },
      controlTimeoutMs: 200,
      removalSettleMs: 100,
      staleReaderMs: 50,
    });
    services.push(service);
    const cards: CardEvent[] = [];
    let changes = 0;
    service.onCard((e) => cards.push(e));
    service.onReadersChanged(() => changes++);
    service.start();
    if (backend.up) await until(() => backend.contexts.length === 1);
    return { backend, service, cards, changes: () => changes };
  }

  async function withPresentCard() {
    const s = await setup();
    const reader = s.backend.current!.addReader('ACS ACR1252 1S CL Reader PICC 0');
    reader.status(STATE_PRESENT, ATR);
    return { ...s, reader };
  }

  it('lists readers as they come and go, and reports cards inserted and removed', async () => {
    const { backend, service, cards } = await setup();
    const reader = backend.current!.addReader('Reader A');
    reader.status(STATE_EMPTY);
    expect(service.readers()).toEqual([{ name: 'Reader A', kind: 'pcsc', state: 'empty' }]);

    reader.status(STATE_PRESENT, ATR);
    expect(service.readers()).toEqual([
      { name: 'Reader A', kind: 'pcsc', state: 'card-present', atr: '3B80800101' },
    ]);
    expect(cards).toEqual([{ reader: 'Reader A', change: 'inserted', atr: '3B80800101' }]);

    reader.status(STATE_EMPTY);
    expect(cards[1]).toEqual({ reader: 'Reader A', change: 'removed' });

    reader.emit('end');
    expect(service.readers()).toEqual([]);
  });

  it('a reader unplugged during a read leaves the list once the read ends', async () => {
    const { service, reader } = await withPresentCard();
    reader.onTransmit = () => null; // the read hangs in the driver while the reader goes away
    const read = rejection(
      service.withCard(reader.name, (ch) => ch.transmit(new Uint8Array(5), { timeoutMs: 100 })),
    );
    await until(() => reader.connects === 1);
    reader.emit('end');
    expect((await read).code).toBe('CARD_READER_NOT_FOUND');
    expect(service.readers()).toEqual([]);
  });

  it('ignores repeated status events that do not change presence (pcsclite repeats them)', async () => {
    const { reader, cards, changes } = await withPresentCard();
    const before = changes();
    reader.status(STATE_PRESENT, ATR);
    reader.status(STATE_PRESENT_INUSE, ATR);
    reader.status(STATE_PRESENT, ATR);
    expect(cards).toHaveLength(1);
    expect(changes()).toBe(before);
  });

  it('runs a read over a shared connection and disconnects afterwards', async () => {
    const { service, reader } = await withPresentCard();
    reader.onTransmit = (apdu) => Buffer.concat([apdu.subarray(0, 2), Buffer.from([0x90, 0x00])]);
    const seen: string[] = [];
    service.onReadersChanged((r) => seen.push(r[0]!.state));
    const out = await service.withCard(reader.name, async (channel) => {
      const r = await channel.transmit(new Uint8Array([0x00, 0xa4, 0x04, 0x0c]), {
        timeoutMs: 100,
      });
      return Buffer.from(r).toString('hex');
    });
    expect(out).toBe('00a49000');
    expect(reader.connects).toBe(1);
    expect(reader.disconnects).toEqual([1]); // SCARD_RESET_CARD: the next read starts clean
    expect(seen).toEqual(['reading', 'card-present']);
  });

  it('allows one read at a time per reader: a second gets CARD_READER_BUSY', async () => {
    const { service, reader } = await withPresentCard();
    let release!: () => void;
    const first = service.withCard(reader.name, () => new Promise<void>((r) => (release = r)));
    await until(() => release !== undefined);
    const second = await rejection(service.withCard(reader.name, async () => undefined));
    expect(second.code).toBe('CARD_READER_BUSY');
    release();
    await first;
    await service.withCard(reader.name, async () => undefined); // free again
  });

  it('times out a transmit that never returns, and the channel stays dead', async () => {
    const { service, reader } = await withPresentCard();
    reader.onTransmit = () => null;
    const err = await rejection(
      service.withCard(reader.name, async (channel) => {
        await channel
          .transmit(new Uint8Array([0, 0xb0, 0, 0, 0]), { timeoutMs: 50 })
          .catch(() => {});
        return channel.transmit(new Uint8Array([0, 0xb0, 0, 0, 0]), { timeoutMs: 50 });
      }),
    );
    expect(err.code).toBe('CARD_TIMEOUT');
    expect(reader.disconnects).toEqual([1]); // SCARD_RESET_CARD after a failed read
  });

  it('says CARD_REMOVED when the card is pulled mid-read (PC/SC says so)', async () => {
    const { service, reader } = await withPresentCard();
    reader.onTransmit = () => pcscError('SCardTransmit', 0x80100069);
    const err = await rejection(
      service.withCard(reader.name, (ch) => ch.transmit(new Uint8Array(5), { timeoutMs: 100 })),
    );
    expect(err.code).toBe('CARD_REMOVED');
    expect(err.localized.vi).toMatch(/đặt lại thẻ/);
  });

  it('says CARD_REMOVED when an I/O error is followed by the reader reporting the card gone', async () => {
    const { service, reader } = await withPresentCard();
    reader.onTransmit = () => {
      setTimeout(() => reader.status(STATE_EMPTY), 20);
      return pcscError('SCardTransmit', 0x80100016);
    };
    const err = await rejection(
      service.withCard(reader.name, (ch) => ch.transmit(new Uint8Array(5), { timeoutMs: 100 })),
    );
    expect(err.code).toBe('CARD_REMOVED');
    // And the next read on the re-inserted card works.
    reader.status(STATE_PRESENT, ATR);
    reader.onTransmit = () => Buffer.from([0x90, 0x00]);
    await service.withCard(reader.name, (ch) => ch.transmit(new Uint8Array(5), { timeoutMs: 100 }));
  });

  it('keeps an I/O error as such when the card is still there', async () => {
    const { service, reader } = await withPresentCard();
    reader.onTransmit = () => pcscError('SCardTransmit', 0x80100016);
    const err = await rejection(
      service.withCard(reader.name, (ch) => ch.transmit(new Uint8Array(5), { timeoutMs: 100 })),
    );
    expect(err.code).toBe('CARD_IO_ERROR');
  });

  it('turns a removal reported during a read into CARD_REMOVED even if the protocol wraps the error', async () => {
    const { service, reader } = await withPresentCard();
    const err = await rejection(
      service.withCard(reader.name, async () => {
        reader.status(STATE_EMPTY);
        throw new KioskError({ code: 'CARD_PROTOCOL', message: { vi: 'x', en: 'x' } });
      }),
    );
    expect(err.code).toBe('CARD_REMOVED');
  });

  it('explains SCARD_E_SHARING_VIOLATION as another program holding the reader', async () => {
    const { service, reader } = await withPresentCard();
    reader.connectResult = pcscError('SCardConnect', 0x8010000b);
    const err = await rejection(service.withCard(reader.name, async () => undefined));
    expect(err.code).toBe('CARD_READER_IN_USE');
    expect(err.localized.en).toMatch(/another program holds the reader/i);
  });

  it('says CARD_NO_CARD when connecting to an empty reader, CARD_READER_NOT_FOUND for an unknown one', async () => {
    const { service, reader } = await withPresentCard();
    reader.connectResult = pcscError('SCardConnect', 0x8010000c);
    expect((await rejection(service.withCard(reader.name, async () => 1))).code).toBe(
      'CARD_NO_CARD',
    );
    expect((await rejection(service.withCard('nope', async () => 1))).code).toBe(
      'CARD_READER_NOT_FOUND',
    );
  });

  it('survives pcscd being down at start and connects when it appears', async () => {
    const { backend, service } = await setup({ up: false });
    await sleep(50);
    expect(backend.contexts).toHaveLength(0);
    expect((await rejection(service.withCard('Reader A', async () => 1))).code).toBe(
      'CARD_PCSC_UNAVAILABLE',
    );
    backend.up = true;
    await until(() => backend.contexts.length === 1);
    expect(service.connected).toBe(true);
  });

  it('re-creates the context after pcscd goes away, and readers come back', async () => {
    const { backend, service, reader } = await withPresentCard();
    backend.up = false;
    backend.current!.emit('error', pcscError('SCardGetStatusChange', 0x8010001d));
    expect(service.connected).toBe(false);
    expect(service.readers()[0]!.state).toBe('unavailable');
    expect(reader.closed).toBe(true);
    await sleep(60);
    expect(backend.contexts).toHaveLength(1); // still down: no new context yet
    backend.up = true;
    await until(() => backend.contexts.length === 2);
    await until(() => backend.contexts[0]!.closed);
    const again = backend.current!.addReader(reader.name);
    again.status(STATE_PRESENT, ATR);
    expect(service.readers()).toEqual([
      { name: reader.name, kind: 'pcsc', state: 'card-present', atr: '3B80800101' },
    ]);
  });

  it('drops readers that do not come back after a reconnect', async () => {
    const { backend, service } = await withPresentCard();
    backend.current!.emit('error', pcscError('SCardGetStatusChange', 0x8010001d));
    await until(() => backend.contexts.length === 2);
    await until(() => service.readers().length === 0);
  });
});

describe('ATR capabilities', () => {
  const hex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
  it('finds extended Lc/Le support in the compact-TLV card capabilities', () => {
    // T0=0x88: TD1 present, 8 historical bytes; TD1=0x80: TD2; TD2=0x01 (T=1, no more).
    expect(atrSupportsExtendedLength(hex('3b888001' + '80' + '7300c040' + '000000'))).toBe(true);
    expect(atrSupportsExtendedLength(hex('3b888001' + '80' + '7300c000' + '000000'))).toBe(false);
  });
  it('says no for ATRs without capabilities or too short', () => {
    expect(atrSupportsExtendedLength(hex('3b80800101'))).toBe(false);
    expect(atrSupportsExtendedLength(hex('3b'))).toBe(false);
    expect(atrSupportsExtendedLength(undefined)).toBe(false);
    expect(atrSupportsExtendedLength(hex('3b8f8001'))).toBe(false); // claims 15 bytes, has none
  });
});
