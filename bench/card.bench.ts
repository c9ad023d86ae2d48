/**
 * Chip read opened with PACE-CAN (the ID number alone): time and APDUs for DG1+DG13 (what the
 * screen needs first) and the whole card (+ DG2 photo, SOD, passive authentication), in process
 * and through a private pcscd + vpcd (skipped, saying why, where that cannot run), median of
 * repeated runs. For comparison, the same read on a chip/reader limited to 223-byte answers and
 * short APDUs (many contactless readers), and the extra cost of Chip Authentication and of
 * Active Authentication on the DG1+DG13 read, in process and through pcscd + vpcd.
 */
import { nullLogger } from '../src/main/logging/logger';
import {
  createCardReaderService,
  type CardReaderServiceHandle,
} from '../src/main/card/reader-service';
import { catalogChip } from '../src/sim/card/catalog-chip';
import { readCard } from '../src/main/card/protocol/read-card';
import type { SimulatedChip } from '../src/sim/card/chip';
import { ChipChannel } from '../src/sim/card/chip-channel';
import { SimulatedReader } from '../src/sim/card/simulated-reader';
import { loadTestPki, testCscaPath } from '../src/sim/card/test-pki';
import { VpcdClient, type VirtualCard } from '../src/sim/card/vpcd-client';
import { CHIP_PROFILES } from '../src/sim/card/chip-profile';
import { simIdentity } from '../src/sim/data/identities';
import { median, type Report } from './report';
import { createPcscdHarness, pcscdSkipReason } from '../tests/integration/card/pcscd-harness';

const IDENTITY = 1;
// The ID number alone: PACE with the CAN, as real cards are opened (catalog card 1 is `real`).
const key = { kind: 'id' as const, idNumber: simIdentity(IDENTITY).card.idNumber };
const config = {
  driver: 'simulated' as const,
  name: null,
  transmitTimeoutMs: 5000,
  cscaFolder: null,
  trustTestCsca: true,
  extendedLength: 'auto' as const,
  pace: true,
  requireVerifiedChip: false,
  requireChipAuthentication: false,
};

/** `runs` timed reads after one warm-up (JIT, file build), each with a deadline. */
async function sampleReads(
  service: CardReaderServiceHandle,
  reader: string,
  skipPhoto: boolean,
  runs: number,
): Promise<{ ms: number[]; apdus: number; bytes: number; accessControl: string }> {
  const read = () =>
    step('a card read', READ_DEADLINE_MS, service.read(reader, key, { skipPhoto }));
  let last = (await read()).result; // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = (await read()).result;
    ms.push(performance.now() - started);
  }
  return {
    ms,
    apdus: last.stats.apdus,
    bytes: last.stats.bytesRead,
    accessControl: last.stats.accessControl ?? 'unknown',
  };
}

async function measure(
  report: Report,
  label: string,
  service: CardReaderServiceHandle,
  reader: string,
  runs: number,
): Promise<void> {
  for (const [part, skipPhoto] of [
    ['dg1+dg13', true],
    ['whole-card', false],
  ] as const) {
    const sample = await sampleReads(service, reader, skipPhoto, runs);
    report.samples(`${label}.${part}.time`, sample.ms, 'ms');
    report.figure(`${label}.${part}.apdus`, sample.apdus);
    report.figure(`${label}.${part}.bytesRead`, sample.bytes, 'bytes');
  }
}

async function inProcess(
  report: Report,
  label: string,
  limits: { maxLe?: number; extendedLength?: boolean },
) {
  const simulated = new SimulatedReader({ logger: nullLogger, ...limits });
  const service = createCardReaderService({ config, logger: nullLogger, simulated });
  simulated.insert(IDENTITY);
  await measure(report, label, service, simulated.readerName, 20);
  await service.close();
}

/**
 * Every step of the pcscd section has a deadline: a wedged pcscd, a vpcd socket that never
 * connects or a read that never answers fails the section with a message instead of hanging the
 * bench, and whatever was started is stopped in `finally` (each stop with its own deadline, then
 * SIGKILL for pcscd).
 */
async function step<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Stops something started here; a stop that fails or hangs is said, never thrown. */
async function stopQuietly(what: string, ms: number, stop: () => Promise<void>): Promise<boolean> {
  try {
    await step(what, ms, stop());
    return true;
  } catch (err) {
    console.log(`  (${what}: ${err instanceof Error ? err.message : String(err)})`);
    return false;
  }
}

const READ_DEADLINE_MS = 30_000;

/** One pcscd for the whole section; a VpcdClient (a card in the reader) per chip. */
async function throughPcscd(report: Report): Promise<void> {
  const reason = pcscdSkipReason();
  if (reason) {
    report.figure('pcscd-vpcd', `skipped: ${reason}`);
    return;
  }
  const pcscd = await createPcscdHarness();
  const previousSocket = process.env.PCSCLITE_CSOCK_NAME;
  try {
    await step('pcscd start', 20_000, pcscd.start());
    process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;

    /** Puts `chip` in the Virtual PCD, runs `work` with a reader service, takes both out. */
    const withCard = async (
      chip: VirtualCard,
      extendedLength: 'on' | 'off',
      work: (service: CardReaderServiceHandle) => Promise<void>,
    ): Promise<void> => {
      const service = createCardReaderService({
        config: { ...config, driver: 'pcsc', extendedLength },
        logger: nullLogger,
      });
      const client = new VpcdClient({ card: chip, port: pcscd.vpcdPort, logger: nullLogger });
      try {
        // The previous card must be seen gone first, or pcscd may still hold its session and
        // the first command to the new one fails (SCARD_E_NOT_TRANSACTED).
        await readerIn(service, pcscd.readerName, 'empty', 15_000);
        client.start();
        if (!(await client.waitConnected(10_000))) throw new Error('vpcd did not take the card');
        await readerIn(service, pcscd.readerName, 'card-present', 15_000);
        await work(service);
      } finally {
        await stopQuietly('reader service close', 5_000, () => service.close());
        await stopQuietly('vpcd client stop', 5_000, () => client.stop());
      }
    };

    // Short APDUs (a reader or card without extended length), then extended-length APDUs (what
    // `auto` picks for the simulated chip, whose ATR announces them), which vpcd passes through.
    for (const [label, extendedLength] of [
      ['pcscd-vpcd-short', 'off'],
      ['pcscd-vpcd-extended', 'on'],
    ] as const) {
      await withCard(catalogChip(IDENTITY, loadTestPki()), extendedLength, (service) =>
        measure(report, label, service, pcscd.readerName, 5),
      );
    }

    // The extra cost of Chip and Active Authentication on the wire: PACE-CAN, DG1+DG13.
    const medians = new Map<string, number>();
    for (const [name, setup] of AUTH_SETUPS) {
      await withCard(chipWith(setup), 'on', async (service) => {
        const sample = await sampleReads(service, pcscd.readerName, true, 5);
        report.samples(`chip-auth.pcscd-vpcd.${name}.time`, sample.ms, 'ms');
        report.figure(`chip-auth.pcscd-vpcd.${name}.apdus`, sample.apdus);
        report.figure(`chip-auth.pcscd-vpcd.${name}.accessControl`, sample.accessControl);
        medians.set(name, median(sample.ms));
      });
    }
    reportExtras(report, 'pcscd-vpcd', medians);
  } finally {
    if (previousSocket === undefined) delete process.env.PCSCLITE_CSOCK_NAME;
    else process.env.PCSCLITE_CSOCK_NAME = previousSocket;
    if (!(await stopQuietly('pcscd stop', 10_000, () => pcscd.dispose()))) {
      await stopQuietly('pcscd kill', 5_000, () => pcscd.kill());
    }
  }
}

/** Polls the service until `reader` is in `state`; throws after `ms` (the poll stops too). */
async function readerIn(
  service: CardReaderServiceHandle,
  reader: string,
  state: 'empty' | 'card-present',
  ms: number,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (service.readers().find((r) => r.name === reader)?.state !== state) {
    if (Date.now() > deadline) throw new Error(`${reader} not ${state} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Chip authenticity: the same DG1+DG13 read without DG14/DG15, with CA, with AA only. */
const AUTH_SETUPS = [
  ['none', { chipAuth: false, activeAuth: false }],
  ['ca', { chipAuth: true, activeAuth: true }],
  ['aa', { chipAuth: false, activeAuth: true }],
] as const;

/** Catalog card 1 as a `real` chip (PACE-CAN) offering only what `setup` says. */
const chipWith = (setup: { chipAuth: boolean; activeAuth: boolean }): SimulatedChip =>
  catalogChip(IDENTITY, loadTestPki(), { profile: { ...CHIP_PROFILES.real, ...setup } });

async function chipAuthInProcess(report: Report): Promise<void> {
  const medians = new Map<string, number>();
  for (const [name, setup] of AUTH_SETUPS) {
    const chip = chipWith(setup);
    const read = async () => {
      chip.powerOn();
      const started = performance.now();
      const { result } = await readCard(new ChipChannel(chip), key, {
        timeoutMs: 5000,
        trustAnchors: [testCscaPath()],
        skipPhoto: true,
      });
      return { ms: performance.now() - started, apdus: result.stats.apdus };
    };
    await read(); // warm-up
    const ms: number[] = [];
    let apdus = 0;
    for (let i = 0; i < 20; i++) {
      const r = await read();
      ms.push(r.ms);
      apdus = r.apdus;
    }
    report.samples(`chip-auth.in-process.${name}.time`, ms, 'ms');
    report.figure(`chip-auth.in-process.${name}.apdus`, apdus);
    medians.set(name, median(ms));
  }
  reportExtras(report, 'in-process', medians);
}

/** What CA and AA add to the median of the read without them. */
function reportExtras(report: Report, where: string, medians: ReadonlyMap<string, number>): void {
  for (const name of ['ca', 'aa']) {
    report.figure(
      `chip-auth.${where}.${name}.extra`,
      medians.get(name)! - medians.get('none')!,
      'ms',
    );
  }
}

export default async function (report: Report): Promise<void> {
  await inProcess(report, 'in-process', {});
  await inProcess(report, 'in-process-le223', { maxLe: 223, extendedLength: false });
  try {
    await throughPcscd(report);
  } catch (err) {
    // Said, counted as a failed bench, and the in-process figures below still come.
    report.figure('pcscd-vpcd', `FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
  await chipAuthInProcess(report);
}
