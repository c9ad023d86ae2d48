import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadProgress } from '../../../src/shared/domain';
import { KioskError } from '../../../src/shared/errors';
import type { CardChannel } from '../../../src/main/card/protocol/card-channel';
import { readCard, type ReadCardOptions } from '../../../src/main/card/protocol/read-card';
import { bytesEqual, fromHex, toHex } from '../../../src/main/card/protocol/tlv';
import { composeMrzInfo } from '../../../src/main/card/protocol/mrz-info';
import { SimulatedChip, type SimulatedChipOptions } from '../../../src/sim/card/chip';
import { ChipChannel, type ChipChannelOptions } from '../../../src/sim/card/chip-channel';
import { cardFiles, FIDS, MRZ_INFO, PERSON, type CardFilesOptions } from './fixtures/card';
import { makePki, type Pki } from './fixtures/pki';
import { DG13_REAL, DG13_REAL_NO_ID } from './fixtures/real-layout';
import { codeOf } from '../../integration/card/expect-card';

let pki: Pki;
beforeAll(async () => {
  pki = await makePki('rsa', 'Read');
}, 60_000);

const TODAY = new Date('2026-11-23T03:00:00Z');
const qrKey = { kind: 'qr' as const, text: PERSON.qr };

function setup(
  files: CardFilesOptions = {},
  chip: Partial<SimulatedChipOptions> = {},
  channel: ChipChannelOptions = {},
) {
  const c = new SimulatedChip({ files: cardFiles(pki, files), mrzInfo: MRZ_INFO, ...chip });
  c.powerOn();
  const extendedLength = channel.extendedLength ?? chip.extendedLength ?? true;
  return { chip: c, channel: new ChipChannel(c, { extendedLength, ...channel }) };
}

// The fixture chip is BAC only; with PACE off the counts below are BAC's own (the opening
// order, EF.CardAccess probe included, is tested in pace.test.ts and open-chip.test.ts).
const options = (extra: Partial<ReadCardOptions> = {}): ReadCardOptions => ({
  timeoutMs: 500,
  anchors: [pki.csca],
  now: TODAY,
  pace: false,
  ...extra,
});

describe('readCard against the simulated chip', () => {
  it('reads the whole card in 8 APDUs with extended length, identity before photo', async () => {
    const { channel } = setup();
    const events: string[] = [];
    const progress: ReadProgress[] = [];
    const out = await readCard(
      channel,
      qrKey,
      options({
        onIdentity: (identity) => events.push(`identity:${identity.fullName}`),
        onProgress: (p) => {
          progress.push(p);
          if (p.phase === 'photo') events.push('photo');
        },
      }),
    );
    expect(events[0]).toBe(`identity:${PERSON.fullName}`);
    expect(events).toContain('photo');
    expect(progress.map((p) => p.percent)).toEqual(
      [...progress.map((p) => p.percent)].sort((a, b) => a - b),
    );
    expect(progress.at(-1)).toEqual({ phase: 'verify', percent: 100 });
    const r = out.result;
    expect(r).toMatchObject({
      idNumber: PERSON.idNumber,
      fullName: PERSON.fullName,
      dateOfBirth: '1985-03-14',
      sex: 'M',
      nationality: 'Việt Nam',
      dateOfIssue: '2025-04-02',
      dateOfExpiry: '2045-03-14',
      fatherName: 'Nguyễn Văn Bình',
      motherName: 'Trần Thị Cúc',
      spouseName: '',
      photo: { format: 'jpeg', bytes: 3000 },
      passiveAuthentication: { status: 'valid' },
      idNumberCheck: { consistent: true, problems: [] },
    });
    expect(r.mrz.split('\n')).toHaveLength(3);
    expect(out.photo?.length).toBe(3000);
    // SELECT, GET CHALLENGE, EXTERNAL AUTHENTICATE, then one READ BINARY (by SFI) per file.
    expect(r.stats.apdus).toBe(8);
    expect(r.stats.bytesRead).toBeGreaterThan(3000);
  });

  it('a short-APDU reader limited to 223-byte answers reads the same card in more APDUs', async () => {
    const { channel } = setup(
      { photoBytes: 5000 },
      { extendedLength: false, maxLe: 223 },
      { maxResponseLength: 223 },
    );
    const out = await readCard(channel, qrKey, options());
    expect(out.result.passiveAuthentication.status).toBe('valid');
    expect(out.photo?.length).toBe(5000);
    expect(out.result.stats.apdus).toBeGreaterThan(25);
    // No response ever exceeded what the reader can carry.
    expect(Math.max(...channel.log.map((l) => l.response.length - 2))).toBeLessThanOrEqual(223);
  });

  it('skipPhoto reads DG1, DG13, EF.COM and EF.SOD only, and verifies them', async () => {
    const { channel } = setup();
    const out = await readCard(channel, qrKey, options({ skipPhoto: true }));
    expect(out.photo).toBeNull();
    expect(out.result.photo).toEqual({ format: 'unknown', bytes: 0 });
    expect(out.result.passiveAuthentication).toMatchObject({ status: 'valid' });
    expect(out.result.passiveAuthentication.detail).toContain('DG1, DG13');
    expect(out.result.stats.apdus).toBe(7);
  });

  it('falls back to SELECT + READ BINARY on a card without SFI, and follows 6Cxx', async () => {
    const { channel } = setup(
      {},
      { faults: { noSfi: true, exactLe: true }, extendedLength: false },
    );
    const out = await readCard(channel, qrKey, options());
    expect(out.result.passiveAuthentication.status).toBe('valid');
    const sentIns = channel.log.map((l) => toHex(l.command.subarray(0, 2)));
    expect(sentIns.filter((x) => x === '0CA4')).toHaveLength(5); // one SELECT per file
    // 6Cxx came back (in SM) and the read was repeated with the exact length.
    expect(
      channel.log.some((l) => l.response.length > 2 && toHex(l.response).includes('99026C')),
    ).toBe(true);
  });

  it('asks for less after a card refuses a large Le (6700), and remembers it', async () => {
    const { channel } = setup({}, { faults: { refuseLeAbove: 1000 } });
    const out = await readCard(channel, qrKey, options());
    expect(out.result.passiveAuthentication.status).toBe('valid');
    const refused = channel.log.filter((l) => toHex(l.response).includes('99026700'));
    // 65536 → 32768 → ... → 512: seven refusals on the first file, none after.
    expect(refused).toHaveLength(7);
  });

  it('joins 61xx answers with GET RESPONSE (T=0 style reader)', async () => {
    const { chip } = setup();
    let pending: Uint8Array | null = null;
    const t0: CardChannel = {
      extendedLength: true,
      maxResponseLength: 65536,
      async transmit(command) {
        if (command[1] === 0xc0 && pending) {
          const out = pending;
          pending = null;
          return out;
        }
        const r = chip.process(command);
        if (r.length <= 100) return r;
        pending = r.subarray(60);
        return new Uint8Array([...r.subarray(0, 60), 0x61, Math.min(255, pending.length - 2)]);
      },
    };
    const out = await readCard(t0, qrKey, options());
    expect(out.result.passiveAuthentication.status).toBe('valid');
    expect(out.result.stats.apdus).toBeGreaterThan(8);
  });

  it('tries the neighbouring milestone when the likely key fails', async () => {
    // The card says it expired at 40 (never renewed): the QR issue date points elsewhere.
    const { channel } = setup({}, { mrzInfo: composeMrzInfo('085012345', '850314', '250314') });
    const out = await readCard(channel, qrKey, options());
    expect(out.result.fullName).toBe(PERSON.fullName);
    const auth = channel.log.filter((l) => l.command[1] === 0x82);
    expect(auth.map((l) => toHex(l.response.subarray(-2)))).toEqual(['6982', '9000']);
  });

  it('wrong key on every candidate is CARD_WRONG_KEY, re-selecting the applet between tries', async () => {
    const { channel } = setup({}, { mrzInfo: composeMrzInfo('085012345', '850314', '990101') });
    expect(await codeOf(readCard(channel, qrKey, options()))).toBe('CARD_WRONG_KEY');
    const ins = channel.log.map((l) => l.command[1]!.toString(16));
    expect(ins).toEqual(['a4', '84', '82', 'a4', '84', '82']);
  });

  it('a card removed after BAC is CARD_REMOVED', async () => {
    const { channel } = setup({}, {}, { removeAfter: 4 });
    expect(await codeOf(readCard(channel, qrKey, options()))).toBe('CARD_REMOVED');
  });

  it('a wrong response MAC or a truncated response is CARD_SM_MAC', async () => {
    const one = setup();
    one.chip.faults.corruptMacOnce = true;
    // corruptMacOnce fires on the first secured response: the DG1 read.
    expect(await codeOf(readCard(one.channel, qrKey, options()))).toBe('CARD_SM_MAC');
    const two = setup();
    const original = two.chip.process.bind(two.chip);
    two.chip.process = (apdu) => {
      const r = original(apdu);
      if (two.chip.secured && r.length > 40) two.chip.faults.truncateNextResponse = 5;
      return r;
    };
    expect(await codeOf(readCard(two.channel, qrKey, options()))).toBe('CARD_SM_MAC');
  });

  it('a file whose TLV declares more than the card holds, or an absurd length, is CARD_BAD_TLV', async () => {
    const dg13 = cardFiles(pki).get(FIDS.DG13)!;
    const lying = new Uint8Array(dg13);
    lying.set([0x6d, 0x82, 0x7f, 0xf0], 0); // says 32752 bytes, holds a few hundred
    const a = setup({ replace: new Map([[FIDS.DG13, lying]]) });
    expect(await codeOf(readCard(a.channel, qrKey, options()))).toBe('CARD_BAD_TLV');
    const absurd = new Uint8Array([0x6d, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x30, 0x00]);
    const b = setup({ replace: new Map([[FIDS.DG13, absurd]]) });
    const err = await readCard(b.channel, qrKey, options()).catch((e: KioskError) => e);
    expect(err).toMatchObject({ code: 'CARD_BAD_TLV' });
    expect((err as KioskError).detail).toContain('more than the');
    const malformed = setup({ replace: new Map([[FIDS.DG13, fromHex('6D0630040201')]]) });
    expect(await codeOf(readCard(malformed.channel, qrKey, options()))).toBe('CARD_BAD_TLV');
  });

  it('a DG13 without a 12-digit field 1, or with another ID than DG1, is a typed error, never shown', async () => {
    const shown: string[] = [];
    const onIdentity = (i: { idNumber: string }) => shown.push(i.idNumber);
    const noId = setup({ replace: new Map([[FIDS.DG13, DG13_REAL_NO_ID]]) });
    expect(await codeOf(readCard(noId.channel, qrKey, options({ onIdentity })))).toBe(
      'CARD_DATA_NO_ID',
    );
    // DG13_REAL names 001088012345; this card's DG1 says 001085012345.
    const other = setup({ replace: new Map([[FIDS.DG13, DG13_REAL]]) });
    const err = await readCard(other.channel, qrKey, options({ onIdentity })).catch(
      (e: KioskError) => e,
    );
    expect(err).toMatchObject({ code: 'CARD_DATA_MISMATCH', retryable: false });
    expect((err as KioskError).localized.vi).toContain('không khớp');
    expect(shown).toEqual([]);
  });

  it('no DG13 or no eMRTD applet is CARD_NOT_CCCD', async () => {
    const { channel } = setup({ omit: [FIDS.DG13] });
    expect(await codeOf(readCard(channel, qrKey, options()))).toBe('CARD_NOT_CCCD');
    const bankCard: CardChannel = { transmit: async () => fromHex('6A82') };
    expect(await codeOf(readCard(bankCard, qrKey, options()))).toBe('CARD_NOT_CCCD');
  });

  it('a silent card is CARD_TIMEOUT; an abort is CARD_READ_CANCELLED; bad key input fails before any APDU', async () => {
    const silent = setup({}, {}, { silent: true });
    expect(await codeOf(readCard(silent.channel, qrKey, options({ timeoutMs: 30 })))).toBe(
      'CARD_TIMEOUT',
    );
    const controller = new AbortController();
    const aborted = setup();
    const read = readCard(
      aborted.channel,
      qrKey,
      options({ signal: controller.signal, onIdentity: () => controller.abort() }),
    );
    expect(await codeOf(read)).toBe('CARD_READ_CANCELLED');
    const untouched = setup();
    expect(
      await codeOf(readCard(untouched.channel, { kind: 'qr', text: 'not a qr' }, options())),
    ).toBe('CARD_KEY_INVALID');
    expect(untouched.channel.transmits).toBe(0);
  });

  it('passive authentication: tampered data group → invalid; no anchors → unverified; no SOD → invalid', async () => {
    const tampered = setup({ sod: { hashOverride: new Map([[13, new Uint8Array([1])]]) } });
    const t = await readCard(tampered.channel, qrKey, options());
    expect(t.result.passiveAuthentication).toMatchObject({
      status: 'invalid',
      failedCheck: 'dg-hash',
    });
    const plain = setup();
    const u = await readCard(plain.channel, qrKey, options({ anchors: [] }));
    expect(u.result.passiveAuthentication.status).toBe('unverified');
    const noSod = setup({ omit: [FIDS.SOD] });
    const n = await readCard(noSod.channel, qrKey, options());
    expect(n.result.passiveAuthentication).toMatchObject({
      status: 'invalid',
      failedCheck: 'sod-format',
    });
  });

  it('reads with ID + date of birth and with the full MRZ as well', async () => {
    const a = setup();
    const byId = await readCard(
      a.channel,
      { kind: 'id-dob', idNumber: PERSON.idNumber, dateOfBirth: PERSON.dateOfBirth },
      options(),
    );
    const b = setup();
    const byMrz = await readCard(b.channel, { kind: 'mrz', text: byId.result.mrz }, options());
    expect(byMrz.result.idNumber).toBe(PERSON.idNumber);
    expect(bytesEqual(byMrz.photo!, byId.photo!)).toBe(true);
  });
});
