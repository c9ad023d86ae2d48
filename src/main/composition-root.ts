/**
 * The composition root: configuration in, the store opened once and its ports handed to the
 * services that keep data, every service out. The app and the web host (./app-services.ts) and
 * the CLI (src/cli/context.ts) all build their services here. Each part is made on its first ask
 * and then kept, so a CLI command gets only what it asks for (a `visits` opens the store and no
 * reader, printer or gateway); `close` closes what was made, in reverse order.
 *
 * It alone chooses the simulators, as the configuration asks (the card here, the gateway in
 * ./open-insurance.ts beside it), and loads them with a dynamic import only then, so a
 * deployment with real devices never loads simulator code. Plain Node: no `electron` import
 * (Electron passes its print functions).
 */
import type { KioskConfig } from './config/schema';
import { inDataDir } from './config/load-config';
import type { Logger } from './logging/logger';
import {
  createCardReaderService,
  type CardReaderServiceHandle,
  type SimulatedReaderPort,
} from './card/reader-service';
import { openInsurance, type OpenedInsurance, type OpenInsuranceOptions } from './open-insurance';
import { createSlipPrinter, type PdfRenderer, type SystemPrintFn } from './print';
import type { SimulatedCardControl, SlipPrinter } from './services-contract';
import { openStore } from './store/open-store';
import type { KioskStore } from './store/store-contract';
import {
  createCheckinServices,
  type CheckinServices,
  type CheckinServicesOptions,
} from './checkin/create-checkin-services';
import { createCallingService, type CallingService } from './calling/calling-service';
import { openHisService, type HisService } from './his/his-service';

export interface CompositionRootOptions {
  dataDir: string;
  config: KioskConfig;
  logger: Logger;
  /** Electron's printToPDF; under Node the Chromium renderer is used. */
  pdfRenderer?: PdfRenderer;
  /** Electron's silent webContents.print; absent under Node. */
  systemPrint?: SystemPrintFn;
  now?: () => Date;
}

/** What a caller may give the check-in services instead of the root's own parts. */
export type CheckinParts = Partial<
  Omit<CheckinServicesOptions, 'config' | 'logger' | 'store' | 'now'>
>;

export interface CompositionRoot {
  readonly dataDir: string;
  readonly config: KioskConfig;
  readonly logger: Logger;
  /** The store as configured (./store/open-store.ts), opened on the first ask. */
  store(): Promise<KioskStore>;
  /** The card readers as configured; `simulated` is the simulated reader when it is one. */
  cards(): Promise<CardReaderServiceHandle<SimulatedReaderPort & SimulatedCardControl>>;
  /**
   * The lookup service as configured, with the simulated gateway when it is one; `gateway`
   * (the CLI's --gateway) instead of the configured one. Made once: the first ask's counts.
   */
  insurance(o?: Pick<OpenInsuranceOptions, 'gateway'>): Promise<OpenedInsurance>;
  /** The slip printer as configured. */
  printer(): SlipPrinter;
  /**
   * Check-in, visits and the re-check queue on the store, with the root's cards, lookup and
   * printer unless `parts` names others (the CLI's reader service, no printer without --print).
   * Made once: the first ask's parts count.
   */
  checkin(parts?: CheckinParts): Promise<CheckinServices>;
  /** Calling patients in, on the store. */
  calling(): Promise<CallingService>;
  /**
   * The HIS hand-off on the store; null with `his.enabled` off. Not started: the app starts it
   * where the station does the hand-off, a command sends by itself.
   */
  his(o?: { onChange?: () => void }): Promise<HisService | null>;
  /** Closes what was made, the store last. */
  close(): Promise<void>;
}

export function createCompositionRoot(o: CompositionRootOptions): CompositionRoot {
  const { config, dataDir, logger } = o;
  const closers: Array<() => Promise<void> | void> = [];
  /** Each part made once; a failed making is asked again next time. */
  const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
    let made: Promise<T> | null = null;
    return () => {
      made ??= make().catch((err: unknown) => {
        made = null;
        throw err;
      });
      return made;
    };
  };
  let closed = false;
  const kept = <T>(value: T, close: (value: T) => Promise<void> | void): T => {
    closers.push(() => close(value));
    return value;
  };

  const store = once(async () =>
    kept(await openStore({ dataDir, config, logger }), (s) => s.close()),
  );

  const cards = once(async () => {
    // Simulator code is loaded only when the configuration asks for it (dynamic import), so
    // the production bundle's main chunk holds none of it.
    const simulated =
      config.reader.driver === 'simulated'
        ? new (await import('../sim/card/simulated-reader')).SimulatedReader({ logger })
        : undefined;
    return kept(createCardReaderService({ config: config.reader, logger, simulated }), (c) =>
      c.close(),
    );
  });

  let insuranceMade: Promise<OpenedInsurance> | null = null;
  const insurance = (over: Pick<OpenInsuranceOptions, 'gateway'> = {}): Promise<OpenedInsurance> =>
    (insuranceMade ??= openInsurance({ config, logger, now: o.now, ...over }).then(
      (opened) => kept(opened, (i) => i.close()),
      (err: unknown) => {
        insuranceMade = null;
        throw err;
      },
    ));

  let slipPrinter: SlipPrinter | null = null;
  const printer = (): SlipPrinter =>
    (slipPrinter ??= kept(
      createSlipPrinter({
        config,
        dataDir,
        logger,
        pdfRenderer: o.pdfRenderer,
        systemPrint: o.systemPrint,
      }),
      (p) => p.close(),
    ));

  let checkinMade: Promise<CheckinServices> | null = null;
  const checkin = (parts: CheckinParts = {}): Promise<CheckinServices> =>
    (checkinMade ??= (async () => {
      const services = createCheckinServices({
        slipFolder: inDataDir(dataDir, config.printer.pdfFolder),
        ...parts,
        config,
        logger,
        now: o.now,
        store: await store(),
        cards: parts.cards ?? (await cards()),
        insurance: parts.insurance ?? (await insurance()).insurance,
        printer: parts.printer ?? printer(),
      });
      return kept(services, (s) => s.close());
    })().catch((err: unknown) => {
      checkinMade = null;
      throw err;
    }));

  const calling = once(async () =>
    createCallingService({ config, dataDir, store: await store(), now: o.now }),
  );

  let hisMade: Promise<HisService | null> | null = null;
  const his = (h: { onChange?: () => void } = {}): Promise<HisService | null> =>
    (hisMade ??= (async () => {
      const service = openHisService({
        config,
        store: await store(),
        logger,
        now: o.now,
        ...(h.onChange ? { onChange: h.onChange } : {}),
      });
      return service ? kept(service, (s) => s.stop()) : null;
    })().catch((err: unknown) => {
      hisMade = null;
      throw err;
    }));

  return {
    dataDir,
    config,
    logger,
    store,
    cards,
    insurance,
    printer,
    checkin,
    calling,
    his,
    async close() {
      if (closed) return;
      closed = true;
      // In reverse order of making: the services before the store they use.
      for (const close of closers.splice(0).reverse()) {
        try {
          await close();
        } catch (err) {
          logger.warn('close failed', { error: String(err) });
        }
      }
    },
  };
}
