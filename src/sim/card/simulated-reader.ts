/**
 * The in-process simulated reader: one slot holding a software CCCD chip for whichever catalog
 * card is "inserted". It is a first-class reader (the default on a fresh machine): the protocol
 * code talks to it through the same CardChannel as to a PC/SC reader, one read at a time, and
 * pulling the card mid-read fails the next APDU with CARD_REMOVED exactly like a real reader.
 */
import type { ReaderStatus, SimCardSummary } from '../../shared/domain';
import type { Logger } from '../../main/logging/logger';
import type { SimulatedCardControl } from '../../main/services-contract';
import {
  SIM_CARD_ONLY_PEOPLE,
  SIM_IDENTITIES,
  simIdentity,
  simQrText,
  type SimCardOnlyPerson,
  type SimIdentity,
} from '../data/identities';
import { simBhytQrText } from '../data/bhyt-qr-text';
import type { CardChannel } from '../../main/card/protocol/card-channel';
import { cardErrors } from '../../main/card/pcsc/pcsc-errors';
import type { CardFileOptions } from './card-files';
import { catalogChip, catalogFiles, profileOf } from './catalog-chip';
import type { SimulatedChip } from './chip';
import type { ChipProfile, ChipProfileName } from './chip-profile';
import { ChipChannel } from './chip-channel';
import { loadTestPki, type TestPki } from './test-pki';

export const SIMULATED_READER_NAME = 'Simulated CCCD Reader 0';

export interface SimulatedReaderOptions {
  logger: Logger;
  name?: string;
  /** Defaults to the test PKI shipped in resources/test-pki. */
  pki?: TestPki;
  /** Largest Le the simulated chip accepts and whether it takes extended-length APDUs. */
  maxLe?: number;
  extendedLength?: boolean;
  /** Per-card build options (e.g. DG14/DG15), mostly for tests. */
  files?: CardFileOptions;
}

export class SimulatedReader implements SimulatedCardControl {
  readonly readerName: string;
  private inserted: { index: number; chip: SimulatedChip; atr: Uint8Array } | null = null;
  private reading = false;
  /** The channel of the read in progress: removing the card cuts it. */
  private channel: ChipChannel | null = null;
  private pki: TestPki | null;
  private readonly files = new Map<string, Map<number, Uint8Array>>();
  private readonly listeners = new Set<(status: ReaderStatus) => void>();
  private readonly insertListeners = new Set<(index: number) => void>();

  constructor(private readonly opts: SimulatedReaderOptions) {
    this.readerName = opts.name ?? SIMULATED_READER_NAME;
    this.pki = opts.pki ?? null;
  }

  /** The chips, then the children known only by their BHYT card (their QR is all they have). */
  catalog(): SimCardSummary[] {
    const bhytQr = (p: SimIdentity | SimCardOnlyPerson): SimCardSummary['bhytQr'] => {
      const code15 = simBhytQrText(p, 'code-15');
      const model2021 = simBhytQrText(p, 'model-2021');
      return code15 && model2021 ? { code15, model2021 } : null;
    };
    return [
      ...SIM_IDENTITIES.map((i) => ({
        index: i.index,
        label: i.label,
        fullName: i.card.fullName,
        qrText: simQrText(i),
        bhytQr: bhytQr(i),
        chip: true,
        notes: i.notes,
      })),
      ...SIM_CARD_ONLY_PEOPLE.map((p) => ({
        index: p.index,
        label: p.label,
        fullName: p.card.fullName,
        qrText: null,
        bhytQr: bhytQr(p),
        chip: false,
        notes: p.notes,
      })),
    ];
  }

  qrText(index: number): string {
    return simQrText(simIdentity(index));
  }

  /** Which catalog card is in the slot, or null. */
  insertedIndex(): number | null {
    return this.inserted?.index ?? null;
  }

  /** Inserts catalog card `index`, with its own chip profile unless `profile` overrides it. */
  insert(index: number, profile?: ChipProfileName): void {
    const chipProfile = profileOf(index, profile);
    this.pki ??= loadTestPki();
    const chip = catalogChip(index, this.pki, {
      profile: chipProfile.name,
      files: this.filesFor(index, chipProfile),
      ...(this.opts.maxLe !== undefined ? { maxLe: this.opts.maxLe } : {}),
      ...(this.opts.extendedLength !== undefined
        ? { extendedLength: this.opts.extendedLength }
        : {}),
    });
    const atr = chip.powerOn();
    this.inserted = { index, chip, atr };
    this.opts.logger.info('simulated card inserted', { card: index });
    this.emit();
    for (const l of this.insertListeners) l(index);
  }

  remove(): void {
    if (!this.inserted) return;
    this.inserted = null;
    this.channel?.remove();
    this.opts.logger.info('simulated card removed');
    this.emit();
  }

  status(): ReaderStatus {
    const state = this.reading ? 'reading' : this.inserted ? 'card-present' : 'empty';
    const atr = this.inserted
      ? Buffer.from(this.inserted.atr).toString('hex').toUpperCase()
      : undefined;
    return { name: this.readerName, kind: 'simulated', state, ...(atr ? { atr } : {}) };
  }

  onChanged(listener: (status: ReaderStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fires with the catalog index each time a card is inserted. */
  onInserted(listener: (index: number) => void): () => void {
    this.insertListeners.add(listener);
    return () => this.insertListeners.delete(listener);
  }

  /** Runs one read against the inserted card; CARD_READER_BUSY if one is already running. */
  async withCard<T>(fn: (channel: CardChannel) => Promise<T>): Promise<T> {
    if (this.reading) throw cardErrors.busy(this.readerName);
    const card = this.inserted;
    if (!card) throw cardErrors.noCard(this.readerName);
    this.reading = true;
    this.emit();
    try {
      // A fresh power-on per read: no secure-messaging session survives between reads.
      card.chip.powerOn();
      const extendedLength = this.opts.extendedLength ?? true;
      this.channel = new ChipChannel(card.chip, {
        extendedLength,
        maxResponseLength: this.opts.maxLe ?? (extendedLength ? 65536 : 256),
      });
      const channel: CardChannel = this.channel;
      return await fn(channel);
    } catch (err) {
      // Whatever the protocol layer made of it, a card that left mid-read was removed.
      if (this.inserted !== card)
        throw cardErrors.removed('simulated card removed during a read', err);
      throw err;
    } finally {
      this.channel = null;
      this.reading = false;
      this.emit();
    }
  }

  private filesFor(index: number, profile: ChipProfile): Map<number, Uint8Array> {
    const key = `${index}:${profile.name}`;
    const cached = this.files.get(key);
    if (cached) return cached;
    this.pki ??= loadTestPki();
    const files = catalogFiles(index, profile, this.pki, this.opts.files);
    this.files.set(key, files);
    return files;
  }

  private emit(): void {
    const status = this.status();
    for (const l of this.listeners) l(status);
  }
}
