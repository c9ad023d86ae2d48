/**
 * The whole read in process: reader service → simulated reader → software chip → ICAO protocol,
 * for every catalog card, compared field by field with the catalog.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/main/logging/logger';
import { createCardReaderService } from '../../../src/main/card/reader-service';
import { SimulatedReader } from '../../../src/sim/card/simulated-reader';
import { SIM_IDENTITIES, simIdentity, simQrText } from '../../../src/sim/data/identities';
import { readOutputJson } from '../../../src/cli/commands/read';
import { codeOf, expectMatchesCatalog } from './expect-card';

const config = {
  driver: 'simulated' as const,
  name: null,
  transmitTimeoutMs: 2000,
  cscaFolder: null,
  trustTestCsca: true,
  extendedLength: 'auto' as const,
  pace: true,
  requireVerifiedChip: false,
  requireChipAuthentication: false,
};

function setup(extra: Partial<typeof config> = {}, reader?: SimulatedReader) {
  const simulated = reader ?? new SimulatedReader({ logger: nullLogger });
  const service = createCardReaderService({
    config: { ...config, ...extra },
    logger: nullLogger,
    simulated,
  });
  return { simulated, service };
}

describe('in-process simulated reader, whole catalog', () => {
  const { simulated, service } = setup();
  afterAll(() => service.close());

  for (const identity of SIM_IDENTITIES) {
    it(`card ${identity.index} (${identity.label}) reads back as the catalog says`, async () => {
      simulated.insert(identity.index);
      const out = await service.read(simulated.readerName, {
        kind: 'qr',
        text: simQrText(identity),
      });
      expectMatchesCatalog(out, identity, { photo: true });
    });
  }

  it('reads with ID + date of birth (expiry derived) and with the full MRZ', async () => {
    const identity = simIdentity(1);
    simulated.insert(1);
    const byId = await service.read(simulated.readerName, {
      kind: 'id-dob',
      idNumber: identity.card.idNumber,
      dateOfBirth: identity.card.dateOfBirth!,
    });
    expectMatchesCatalog(byId, identity, { photo: true });
    const byMrz = await service.read(simulated.readerName, { kind: 'mrz', text: byId.result.mrz });
    expect(byMrz.result.idNumber).toBe(identity.card.idNumber);
  });

  it('opens each profile as real cards expect: PACE-CAN from the ID alone, BAC with ID + DOB', async () => {
    const byProfile = (p: string) => SIM_IDENTITIES.filter((i) => (i.profile ?? 'real') === p);
    expect(byProfile('real').length).toBeGreaterThanOrEqual(3);
    expect(byProfile('legacy').length).toBeGreaterThanOrEqual(3);
    expect(byProfile('pace-only').length).toBeGreaterThanOrEqual(3);
    for (const identity of [byProfile('real')[0]!, byProfile('pace-only')[0]!]) {
      simulated.insert(identity.index);
      const idOnly = { kind: 'id' as const, idNumber: identity.card.idNumber };
      const out = await service.read(simulated.readerName, idOnly);
      expectMatchesCatalog(out, identity, { photo: true });
      expect(out.result.stats.accessControl).toBe('PACE-CAN');
      // `read --json` says how the chip was opened.
      expect(readOutputJson(out.result).stats.accessControl).toBe('PACE-CAN');
      // … and why passive authentication judged as it did (no DS rule broken, no stale CRL).
      expect(readOutputJson(out.result).passiveAuthentication).toMatchObject({
        status: out.result.passiveAuthentication.status,
        reason: null,
        crlStale: false,
      });
      const byCan = await service.read(simulated.readerName, {
        kind: 'can',
        can: identity.card.idNumber.slice(-6),
      });
      expect(byCan.result.idNumber).toBe(identity.card.idNumber);
    }
    const legacy = byProfile('legacy')[0]!;
    simulated.insert(legacy.index);
    expect(
      await codeOf(
        service.read(simulated.readerName, { kind: 'id', idNumber: legacy.card.idNumber }),
      ),
    ).toBe('CARD_KEY_NEEDS_DOB');
    const overBac = await service.read(simulated.readerName, {
      kind: 'id-dob',
      idNumber: legacy.card.idNumber,
      dateOfBirth: legacy.card.dateOfBirth!,
    });
    expectMatchesCatalog(overBac, legacy, { photo: true });
    expect(overBac.result.stats.accessControl).toBe('BAC');
    // Another card's number: PACE refuses the CAN, and without a date of birth there is no BAC.
    simulated.insert(1);
    expect(
      await codeOf(
        service.read(simulated.readerName, { kind: 'id', idNumber: simIdentity(2).card.idNumber }),
      ),
    ).toBe('CARD_WRONG_KEY');
    // PACE switched off: a real card is read with BAC.
    const { simulated: sim, service: bacOnly } = setup({ pace: false });
    sim.insert(1);
    const bac = await bacOnly.read(sim.readerName, { kind: 'qr', text: simQrText(simIdentity(1)) });
    expect(bac.result.stats.accessControl).toBe('BAC');
    await bacOnly.close();
  });

  it('skips the photo when asked, with fewer APDUs', async () => {
    simulated.insert(2);
    const key = { kind: 'qr' as const, text: simQrText(simIdentity(2)) };
    const full = await service.read(simulated.readerName, key);
    const quick = await service.read(simulated.readerName, key, { skipPhoto: true });
    expect(quick.photo).toBeNull();
    expect(quick.result.fullName).toBe(simIdentity(2).card.fullName);
    expect(quick.result.stats.apdus).toBeLessThan(full.result.stats.apdus);
  });

  it('says unverified without a trust anchor, never valid', async () => {
    const { simulated: sim, service: untrusted } = setup({ trustTestCsca: false });
    sim.insert(1);
    const out = await untrusted.read(sim.readerName, {
      kind: 'qr',
      text: simQrText(simIdentity(1)),
    });
    expect(out.result.passiveAuthentication.status).toBe('unverified');
    await untrusted.close();
  });

  it('wrong key → CARD_WRONG_KEY; no card → CARD_NO_CARD; unknown reader → CARD_READER_NOT_FOUND', async () => {
    simulated.insert(1);
    const other = simIdentity(2).card;
    expect(
      await codeOf(
        service.read(simulated.readerName, {
          kind: 'id-dob',
          idNumber: other.idNumber,
          dateOfBirth: other.dateOfBirth!,
          dateOfExpiry: other.dateOfExpiry!,
        }),
      ),
    ).toBe('CARD_WRONG_KEY');
    simulated.remove();
    expect(
      await codeOf(
        service.read(simulated.readerName, { kind: 'qr', text: simQrText(simIdentity(1)) }),
      ),
    ).toBe('CARD_NO_CARD');
    expect(
      await codeOf(service.read('No Such Reader', { kind: 'qr', text: simQrText(simIdentity(1)) })),
    ).toBe('CARD_READER_NOT_FOUND');
  });

  it('a card pulled mid-read gives CARD_REMOVED, and the next read works', async () => {
    simulated.insert(7);
    const key = { kind: 'qr' as const, text: simQrText(simIdentity(7)) };
    const read = service.read(simulated.readerName, key, {
      onProgress: (p) => {
        if (p.phase === 'photo') simulated.remove();
      },
    });
    expect(await codeOf(read)).toBe('CARD_REMOVED');
    expect(service.readers()[0]!.state).toBe('empty');
    simulated.insert(7);
    expectMatchesCatalog(await service.read(simulated.readerName, key), simIdentity(7), {
      photo: true,
    });
  });

  it('one read at a time: a second read on the same reader gets CARD_READER_BUSY', async () => {
    simulated.insert(1);
    const key = { kind: 'qr' as const, text: simQrText(simIdentity(1)) };
    const first = service.read(simulated.readerName, key);
    expect(await codeOf(service.read(simulated.readerName, key))).toBe('CARD_READER_BUSY');
    await first;
  });

  it('reports reader state changes and card insertion', async () => {
    const states: string[] = [];
    const inserted: string[] = [];
    const off1 = service.onReadersChanged((r) => states.push(r[0]!.state));
    const off2 = service.onCardInserted((name) => inserted.push(name));
    simulated.remove();
    simulated.insert(3);
    await service.read(
      simulated.readerName,
      { kind: 'qr', text: simQrText(simIdentity(3)) },
      { skipPhoto: true },
    );
    off1();
    off2();
    expect(states).toEqual(['empty', 'card-present', 'reading', 'card-present']);
    expect(inserted).toEqual([simulated.readerName]);
  });

  it('a reader limited to 223-byte answers and short APDUs still reads everything, in more APDUs', async () => {
    const limited = new SimulatedReader({ logger: nullLogger, maxLe: 223, extendedLength: false });
    const { service: svc } = setup({}, limited);
    limited.insert(1);
    simulated.insert(1);
    const key = { kind: 'qr' as const, text: simQrText(simIdentity(1)) };
    const small = await svc.read(limited.readerName, key);
    const big = await service.read(simulated.readerName, key);
    expectMatchesCatalog(small, simIdentity(1), { photo: true });
    expect(small.result.stats.apdus).toBeGreaterThan(big.result.stats.apdus);
    await svc.close();
  });
});
