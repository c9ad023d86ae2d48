/**
 * Chip read opened with PACE-CAN (the ID number alone): time and APDUs for DG1+DG13 (what the screen needs first) and the whole card
 * (+ DG2 photo, SOD, passive authentication), in process and through pcscd + vpcd, median of
 * repeated runs. For comparison, the same read on a chip/reader limited to 223-byte answers and
 * short APDUs (many contactless readers).
 */
import { nullLogger } from '../src/main/logging/logger';
import {
  createCardReaderService,
  type CardReaderServiceHandle,
} from '../src/main/card/reader-service';
import { catalogChip } from '../src/main/card/simulator/catalog-chip';
import { buildCardFiles, mrzInfoFor } from '../src/main/card/simulator/card-files';
import { readCard } from '../src/main/card/protocol/read-card';
import { SimulatedChip } from '../src/main/card/simulator/chip';
import { ChipChannel } from '../src/main/card/simulator/chip-channel';
import { authenticityFor } from '../src/main/card/simulator/chip-keys';
import { SimulatedReader } from '../src/main/card/simulator/simulated-reader';
import { loadTestPki, testCscaPath } from '../src/main/card/simulator/test-pki';
import { VpcdClient } from '../src/main/card/simulator/vpcd-client';
import { simIdentity } from '../src/main/simulator-data/identities';
import type { Report } from './report';
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
};

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
    const ms: number[] = [];
    let apdus = 0;
    let bytes = 0;
    await service.read(reader, key, { skipPhoto }); // warm-up (JIT, file build)
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const { result } = await service.read(reader, key, { skipPhoto });
      ms.push(performance.now() - started);
      apdus = result.stats.apdus;
      bytes = result.stats.bytesRead;
    }
    report.samples(`${label}.${part}.time`, ms, 'ms');
    report.figure(`${label}.${part}.apdus`, apdus);
    report.figure(`${label}.${part}.bytesRead`, bytes, 'bytes');
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

async function throughPcscd(report: Report): Promise<void> {
  const reason = pcscdSkipReason();
  if (reason) {
    report.figure('pcscd-vpcd', `skipped: ${reason}`);
    return;
  }
  const pcscd = await createPcscdHarness();
  await pcscd.start();
  process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;
  const chip = catalogChip(IDENTITY, loadTestPki());
  const client = new VpcdClient({ card: chip, port: pcscd.vpcdPort, logger: nullLogger });
  client.start();
  try {
    // Short APDUs (a reader or card without extended length), then extended-length APDUs (what
    // `auto` picks for the simulated chip, whose ATR announces them), which vpcd passes through.
    for (const [label, extendedLength] of [
      ['pcscd-vpcd-short', 'off'],
      ['pcscd-vpcd-extended', 'on'],
    ] as const) {
      const service = createCardReaderService({
        config: { ...config, driver: 'pcsc', extendedLength },
        logger: nullLogger,
      });
      try {
        const started = Date.now();
        while (
          service.readers().find((r) => r.name === pcscd.readerName)?.state !== 'card-present'
        ) {
          if (Date.now() - started > 15_000) throw new Error('the vpcd card did not appear');
          await new Promise((r) => setTimeout(r, 50));
        }
        await measure(report, label, service, pcscd.readerName, 5);
      } finally {
        await service.close();
      }
    }
  } finally {
    await client.stop();
    await pcscd.dispose();
  }
}

/** Chip authenticity: the same DG1+DG13 read without DG14/DG15, with CA, with AA only. */
const AUTH_SETUPS = [
  ['none', { chipAuth: false, activeAuth: false }],
  ['ca', { chipAuth: true, activeAuth: true }],
  ['aa', { chipAuth: false, activeAuth: true }],
] as const;

function chipWith(setup: { chipAuth: boolean; activeAuth: boolean }): SimulatedChip {
  const identity = simIdentity(IDENTITY);
  const auth = authenticityFor(identity.card.idNumber, setup);
  return new SimulatedChip({
    files: buildCardFiles(identity, loadTestPki(), auth.files),
    mrzInfo: mrzInfoFor(identity),
    ...auth.chip,
  });
}

async function chipAuthInProcess(report: Report): Promise<void> {
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
  }
}

export default async function (report: Report): Promise<void> {
  await inProcess(report, 'in-process', {});
  await inProcess(report, 'in-process-le223', { maxLe: 223, extendedLength: false });
  await throughPcscd(report);
  await chipAuthInProcess(report);
}
