/**
 * CardReaderService: the simulated reader and PC/SC readers behind one interface. `read` picks
 * the reader by name, runs the ICAO read over its channel with the configured per-APDU timeout
 * and trust anchors (the configured CSCA folder, plus the simulator's TEST-ONLY CSCA when
 * `trustTestCsca` is set), and always leaves the reader free again.
 */
import type { z } from 'zod';
import type { AccessKeyInput, ReaderStatus } from '../../shared/domain';
import type { readerSchema } from '../config/sections/reader';
import type { Logger } from '../logging/logger';
import type { CardReadOptions, CardReadOutput, CardReaderService } from '../services-contract';
import type { CardChannel } from './protocol/card-channel';
import { createNativePcscBackend } from './pcsc/native-pcsc';
import type { PcscBackend } from './pcsc/pcsc-api';
import { cardErrors } from './pcsc/pcsc-errors';
import { PcscService, type CardEvent } from './pcsc/pcsc-service';
import { effectiveCscaFolder } from './csca-folder';
import { testCscaPath } from './test-csca';

export type ReaderConfig = z.infer<typeof readerSchema>;

export interface ReadCardCall {
  timeoutMs: number;
  /** Files or folders of trusted CSCA certificates (DER or PEM). Empty: "unverified". */
  trustAnchors: string[];
  onProgress?: CardReadOptions['onProgress'];
  signal?: AbortSignal;
  skipPhoto?: boolean;
  pace?: boolean;
  onIdentity?: CardReadOptions['onIdentity'];
}

export type ReadCardFn = (
  channel: CardChannel,
  key: AccessKeyInput,
  call: ReadCardCall,
) => Promise<CardReadOutput>;

/**
 * What the service uses of the simulated reader (src/sim/card/simulated-reader.ts). The
 * composition root loads the simulator only when the configuration asks for it and hands it in
 * here, so the product's reader code never imports simulator code.
 */
export interface SimulatedReaderPort {
  readonly readerName: string;
  status(): ReaderStatus;
  onChanged(listener: (status: ReaderStatus) => void): () => void;
  onInserted(listener: (index: number) => void): () => void;
  withCard<T>(fn: (channel: CardChannel) => Promise<T>): Promise<T>;
}

export interface CardReaderServiceOptions<S extends SimulatedReaderPort = SimulatedReaderPort> {
  config: ReaderConfig;
  logger: Logger;
  simulated?: S;
  /** Which sources to list; by default the configured driver's. The CLI lists both. */
  sources?: { simulated: boolean; pcsc: boolean };
  /** For tests: a fake pcsclite. */
  pcscBackend?: PcscBackend;
  /** For tests: a stand-in for the ICAO read. */
  readCard?: ReadCardFn;
}

export interface CardReaderServiceHandle<
  S extends SimulatedReaderPort = SimulatedReaderPort,
> extends CardReaderService {
  /** Fires when a card arrives on any reader (PC/SC or simulated). */
  onCardInserted(listener: (reader: string) => void): () => void;
  readonly simulated: S | null;
  readonly pcsc: PcscService | null;
}

/** Where passive authentication looks for CSCA certificates, per the configuration. */
export function trustAnchorPaths(config: ReaderConfig): string[] {
  const paths: string[] = [];
  const folder = effectiveCscaFolder(config);
  if (folder) paths.push(folder);
  if (config.trustTestCsca) paths.push(testCscaPath());
  return paths;
}

/** The ICAO read (loaded on first use so that tests with a stand-in never load it). */
const defaultReadCard: ReadCardFn = async (channel, key, call) => {
  const { readCard } = await import('./protocol/read-card');
  return readCard(channel, key, {
    timeoutMs: call.timeoutMs,
    trustAnchors: call.trustAnchors,
    ...(call.onProgress ? { onProgress: call.onProgress } : {}),
    ...(call.signal ? { signal: call.signal } : {}),
    ...(call.skipPhoto ? { skipPhoto: true } : {}),
    pace: call.pace ?? true,
    ...(call.onIdentity ? { onIdentity: call.onIdentity } : {}),
  });
};

export function createCardReaderService<S extends SimulatedReaderPort = SimulatedReaderPort>(
  options: CardReaderServiceOptions<S>,
): CardReaderServiceHandle<S> {
  const { config, logger } = options;
  const log = logger.child({ svc: 'card-reader' });
  const sources = options.sources ?? {
    simulated: config.driver === 'simulated',
    pcsc: config.driver === 'pcsc',
  };
  const simulated = sources.simulated ? (options.simulated ?? null) : null;
  const pcsc = sources.pcsc
    ? new PcscService({
        backend: options.pcscBackend ?? createNativePcscBackend(),
        logger: log,
        extendedLength: config.extendedLength,
      })
    : null;
  const readCard = options.readCard ?? defaultReadCard;
  const listeners = new Set<(readers: ReaderStatus[]) => void>();
  const insertListeners = new Set<(reader: string) => void>();
  const unsubscribe: Array<() => void> = [];

  const readers = (): ReaderStatus[] => [
    ...(simulated ? [simulated.status()] : []),
    ...(pcsc ? pcsc.readers() : []),
  ];
  const emit = (): void => {
    const list = readers();
    for (const l of listeners) l(list);
  };
  const cardInserted = (reader: string): void => {
    for (const l of insertListeners) l(reader);
  };

  if (simulated) {
    unsubscribe.push(simulated.onChanged(emit));
    unsubscribe.push(simulated.onInserted(() => cardInserted(simulated.readerName)));
  }
  if (pcsc) {
    unsubscribe.push(pcsc.onReadersChanged(emit));
    unsubscribe.push(
      pcsc.onCard((e: CardEvent) => {
        if (e.change === 'inserted') cardInserted(e.reader);
      }),
    );
    pcsc.start();
  }

  const call = (opts: CardReadOptions): ReadCardCall => ({
    timeoutMs: config.transmitTimeoutMs,
    trustAnchors: trustAnchorPaths(config),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.skipPhoto ? { skipPhoto: true } : {}),
    pace: config.pace,
    ...(opts.onIdentity ? { onIdentity: opts.onIdentity } : {}),
  });

  return {
    simulated,
    pcsc,
    readers,
    onReadersChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCardInserted(listener) {
      insertListeners.add(listener);
      return () => insertListeners.delete(listener);
    },
    async read(reader, key, opts = {}) {
      const started = Date.now();
      const run = (channel: CardChannel) => readCard(channel, key, call(opts));
      let output: CardReadOutput;
      try {
        if (simulated && reader === simulated.readerName) {
          output = await simulated.withCard(run);
        } else if (pcsc) {
          output = await pcsc.withCard(reader, run);
        } else {
          throw cardErrors.readerNotFound(reader);
        }
      } catch (err) {
        log.warn('card read failed', {
          code: (err as { code?: string }).code ?? 'INTERNAL',
          ms: Date.now() - started,
        });
        throw err;
      }
      const { stats, passiveAuthentication } = output.result;
      log.info('card read', {
        apdus: stats.apdus,
        bytes: stats.bytesRead,
        ms: stats.ms,
        passiveAuth: passiveAuthentication.status,
      });
      return output;
    },
    async close() {
      for (const off of unsubscribe.splice(0)) off();
      listeners.clear();
      insertListeners.clear();
      await pcsc?.close();
    },
  };
}
