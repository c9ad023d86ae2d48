import { afterEach, describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors';
import type { CardReadResult } from '../../../src/shared/domain';
import { nullLogger } from '../../../src/main/logging/logger';
import {
  createCardReaderService,
  trustAnchorPaths,
  type CardReaderServiceHandle,
  type ReadCardCall,
  type ReadCardFn,
} from '../../../src/main/card/reader-service';
import { FakeBackend, STATE_EMPTY, STATE_PRESENT, pcscError } from './fake-pcsc';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; !cond(); i++) {
    if (i > 400) throw new Error('condition not met');
    await sleep(5);
  }
}

const config = {
  driver: 'pcsc' as const,
  name: null,
  transmitTimeoutMs: 1234,
  cscaFolder: '/etc/kiosk/csca',
  trustTestCsca: false,
  extendedLength: 'auto' as const,
  pace: false,
  requireVerifiedChip: true,
  requireChipAuthentication: false,
};

const result = {
  stats: { apdus: 3, bytesRead: 10, ms: 1 },
  passiveAuthentication: { status: 'valid', detail: '' },
} as unknown as CardReadResult;

describe('card reader service over a fake pcsclite', () => {
  const services: CardReaderServiceHandle[] = [];
  afterEach(async () => {
    for (const s of services.splice(0)) await s.close();
  });

  async function setup(readCard: ReadCardFn) {
    const backend = new FakeBackend();
    const service = createCardReaderService({
      config,
      logger: nullLogger,
      pcscBackend: backend,
      readCard,
    });
    services.push(service);
    await until(() => backend.contexts.length === 1);
    const reader = backend.current!.addReader('ACS ACR1281 1S Dual Reader PICC 0');
    reader.status(STATE_EMPTY);
    return { backend, service, reader };
  }

  it('lists PC/SC readers only when the driver is pcsc, and announces inserted cards', async () => {
    const { service, reader } = await setup(async () => ({ result, photo: null }));
    expect(service.simulated).toBeNull();
    expect(service.readers()).toEqual([{ name: reader.name, kind: 'pcsc', state: 'empty' }]);
    const inserted: string[] = [];
    service.onCardInserted((name) => inserted.push(name));
    reader.status(STATE_PRESENT, [0x3b, 0x80, 0x80, 0x01, 0x01]);
    expect(inserted).toEqual([reader.name]);
    expect(service.readers()[0]!.state).toBe('card-present');
  });

  it('reads over the reader channel with the configured timeout and trust anchors', async () => {
    let seen: ReadCardCall | null = null;
    const { service, reader } = await setup(async (channel, key, call) => {
      seen = call;
      expect(key).toEqual({ kind: 'qr', text: 'x|y' });
      const r = await channel.transmit(new Uint8Array([0, 0xa4, 4, 0x0c]), {
        timeoutMs: call.timeoutMs,
      });
      expect(Buffer.from(r).toString('hex')).toBe('9000');
      return { result, photo: null };
    });
    reader.status(STATE_PRESENT, [0x3b, 0x80, 0x80, 0x01, 0x01]);
    const out = await service.read(reader.name, { kind: 'qr', text: 'x|y' }, { skipPhoto: true });
    expect(out.result).toBe(result);
    expect(seen).toMatchObject({
      timeoutMs: 1234,
      trustAnchors: ['/etc/kiosk/csca'],
      skipPhoto: true,
    });
    expect(reader.disconnects).toHaveLength(1);
  });

  it('passes through typed errors from the reader (sharing violation)', async () => {
    const { service, reader } = await setup(async () => ({ result, photo: null }));
    reader.status(STATE_PRESENT);
    reader.connectResult = pcscError('SCardConnect', 0x8010000b);
    const err = await service
      .read(reader.name, { kind: 'qr', text: 'x|y' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KioskError);
    expect((err as KioskError).code).toBe('CARD_READER_IN_USE');
  });

  it('real readers trust the shipped CCCD CSCA by default, the test CSCA only when configured', () => {
    expect(trustAnchorPaths({ ...config, cscaFolder: null })).toEqual([
      expect.stringMatching(/resources\/csca$/),
    ]);
    expect(trustAnchorPaths({ ...config, cscaFolder: '/etc/csca' })).toEqual(['/etc/csca']);
    expect(trustAnchorPaths({ ...config, driver: 'simulated', cscaFolder: null })).toEqual([]);
    const paths = trustAnchorPaths({ ...config, cscaFolder: null, trustTestCsca: true });
    expect(paths).toHaveLength(2);
    expect(paths[1]).toMatch(/resources\/test-pki\/csca-test\.pem$/);
  });
});
