/**
 * The developer panel takes every kind of input (issue 21 item 9): the simulator's catalog gives
 * each person the texts its paste buttons put in "scan this text" - the CCCD QR, and for the
 * insured the BHYT card QR in both card models - and lists the children known only by their BHYT
 * card, who have no chip to insert. Each text is what the one parser routes as that kind.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logging/file-logger';
import { readPresentedInput } from '../../../src/shared/presented-input';
import { SIM_CARD_ONLY_PEOPLE, SIM_IDENTITIES } from '../../../src/sim/data/identities';
import { SimulatedReader } from '../../../src/sim/card/simulated-reader';

const catalog = () => new SimulatedReader({ logger: createMemoryLogger().logger }).catalog();

function kindOf(text: string | null | undefined): string {
  const read = readPresentedInput(text);
  return read.ok ? read.value.kind : read.error.code;
}

describe('the simulator catalog for the developer panel', () => {
  it('lists the BHYT-card-only children, without a chip or a CCCD QR, with both card models', () => {
    const child = catalog().find((c) => c.index === SIM_CARD_ONLY_PEOPLE[0]!.index)!;
    expect(child).toMatchObject({ fullName: 'Trần Minh Khôi', chip: false, qrText: null });
    const code15 = readPresentedInput(child.bhytQr?.code15);
    const model2021 = readPresentedInput(child.bhytQr?.model2021);
    expect(code15.ok && code15.value.kind === 'bhyt-qr' && code15.value.card.cardCode).toBe(
      'TE1010230520101',
    );
    // The 2021 model carries the 10-digit social-insurance number only.
    expect(
      model2021.ok && model2021.value.kind === 'bhyt-qr' && model2021.value.card.cardCode,
    ).toBe('0230520101');
    expect(catalog().filter((c) => !c.chip)).toHaveLength(SIM_CARD_ONLY_PEOPLE.length);
  });

  it('every chip has its CCCD QR; every insured person a BHYT QR of each model', () => {
    const byIndex = new Map(catalog().map((c) => [c.index, c]));
    for (const identity of SIM_IDENTITIES) {
      const entry = byIndex.get(identity.index)!;
      expect(entry.chip).toBe(true);
      expect(kindOf(entry.qrText)).toBe('cccd-qr');
      if (identity.insurance.cardNumber) {
        expect([kindOf(entry.bhytQr?.code15), kindOf(entry.bhytQr?.model2021)]).toEqual([
          'bhyt-qr',
          'bhyt-qr',
        ]);
      } else {
        expect(entry.bhytQr).toBeNull();
      }
    }
  });
});
