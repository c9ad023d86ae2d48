import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logging/file-logger';
import { createSlipPrinter } from '../../../src/main/print/slip-printer';
import { decodeEscpos } from '../../support/print/escpos-decoder';
import {
  startFakeEscposPrinter,
  type FakeEscposPrinter,
} from '../../support/print/fake-escpos-printer';
import { sampleVisit } from '../../../src/sim/sample-visits';
import { closedPort, printConfig, tempDataDir } from './support';

let printer: FakeEscposPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

function escposPrinter(escpos: Record<string, unknown>, paper = '80mm') {
  const { logger, lines } = createMemoryLogger();
  const slip = createSlipPrinter({
    config: printConfig({
      driver: 'escpos',
      paper,
      escpos: { timeoutMs: 1500, statusTimeoutMs: 300, ...escpos },
    }),
    dataDir: tempDataDir(),
    logger,
  });
  return { slip, lines };
}

describe('ESC/POS driver against the fake network printer', () => {
  it('prints: status checked, content decoded (queue number large, QR = visit id, cut)', async () => {
    printer = await startFakeEscposPrinter({ mode: 'ok' });
    const { slip, lines } = escposPrinter({ host: printer.host, port: printer.port });
    const visit = sampleVisit(2, { lane: 'elderly' });
    const before = structuredClone(visit);
    const outcome = await slip.print(visit);
    expect(outcome).toEqual({ visitId: visit.id, status: 'printed', error: null });
    expect(visit).toEqual(before);

    const [job] = await printer.waitForJobs(1);
    const decoded = decodeEscpos(job!);
    const statusRequests = decoded.items.filter((i) => i.type === 'status-request');
    expect(statusRequests).toHaveLength(2);
    const queue = decoded.lines.find((l) => l.text === visit.queueNumber)!;
    expect(queue.width).toBeGreaterThanOrEqual(3);
    expect(decoded.qrs.map((q) => q.payload)).toEqual([visit.id]);
    expect(decoded.items.at(-2)).toEqual({ type: 'cut', partial: true });
    const text = decoded.text.replace(/\n/g, ' ');
    expect(text).toContain('Ton Nu Hoang Ngoc Khue Nguyen Thi Huynh Phuong');
    expect(text).toContain('UU TIEN');
    expect(text).not.toContain(visit.patient.idNumber);
    expect(text).not.toContain('05/11/1992');
    await slip.close();
    // Logs carry codes and counts only.
    expect(lines.join('\n')).toContain('slip printed');
    expect(lines.join('\n')).not.toMatch(/Phuong|Phương|079192004567/);
  });

  it('prints to a printer that never answers status queries', async () => {
    printer = await startFakeEscposPrinter({ mode: 'silent' });
    const { slip } = escposPrinter({ host: printer.host, port: printer.port });
    const outcome = await slip.print(sampleVisit(1));
    expect(outcome.status).toBe('printed');
    const decoded = decodeEscpos((await printer.waitForJobs(1))[0]!);
    expect(decoded.qrs[0]!.payload).toBe('sim-visit-01');
  });

  it('out of paper: PRINT_NO_PAPER, retryable, and nothing but the status query was sent', async () => {
    printer = await startFakeEscposPrinter({ mode: 'paper-out' });
    const { slip } = escposPrinter({ host: printer.host, port: printer.port });
    const outcome = await slip.print(sampleVisit(1));
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatchObject({ code: 'PRINT_NO_PAPER', retryable: true });
    expect(outcome.error!.message.vi).toContain('hết giấy');
    const decoded = decodeEscpos((await printer.waitForJobs(1))[0]!);
    expect(decoded.items).toEqual([{ type: 'status-request', n: 4 }]);

    // Paper loaded: the retry prints.
    printer.mode = 'ok';
    expect((await slip.print(sampleVisit(1))).status).toBe('printed');
  });

  it('printer offline (connection refused): PRINT_OFFLINE', async () => {
    const { slip } = escposPrinter({ host: '127.0.0.1', port: await closedPort() });
    const outcome = await slip.print(sampleVisit(1));
    expect(outcome).toMatchObject({
      status: 'failed',
      error: { code: 'PRINT_OFFLINE', retryable: true },
    });
  });

  it('printer drops the connection at once: PRINT_OFFLINE', async () => {
    printer = await startFakeEscposPrinter({ mode: 'close' });
    const { slip } = escposPrinter({ host: printer.host, port: printer.port });
    const outcome = await slip.print(sampleVisit(1));
    expect(outcome.error?.code).toBe('PRINT_OFFLINE');
  });

  it('printer stops answering mid-job: PRINT_TIMEOUT', async () => {
    printer = await startFakeEscposPrinter({ mode: 'stall' });
    const { slip } = escposPrinter({ host: printer.host, port: printer.port });
    const outcome = await slip.print(sampleVisit(1));
    expect(outcome).toMatchObject({
      status: 'failed',
      error: { code: 'PRINT_TIMEOUT', retryable: true },
    });
  });

  it('unroutable host: PRINT_OFFLINE within the connect timeout', async () => {
    // 192.0.2.0/24 is TEST-NET-1: never routed. Either refused by the sandbox or timed out.
    const { slip } = escposPrinter({ host: '192.0.2.1', port: 9100, timeoutMs: 300 });
    const outcome = await slip.print(sampleVisit(1));
    expect(outcome.error?.code).toBe('PRINT_OFFLINE');
  });

  it('jobs are sent one at a time, in order', async () => {
    printer = await startFakeEscposPrinter({ mode: 'ok' });
    const { slip } = escposPrinter({ host: printer.host, port: printer.port });
    const outcomes = await Promise.all([1, 2, 3].map((i) => slip.print(sampleVisit(i))));
    expect(outcomes.map((o) => o.status)).toEqual(['printed', 'printed', 'printed']);
    const jobs = await printer.waitForJobs(3);
    expect(jobs.map((j) => decodeEscpos(j).qrs[0]!.payload)).toEqual([
      'sim-visit-01',
      'sim-visit-02',
      'sim-visit-03',
    ]);
  });

  it('writes to a device path (e.g. /dev/usb/lp0); a missing device is PRINT_OFFLINE', async () => {
    const dir = tempDataDir();
    const device = path.join(dir, 'lp0');
    const { slip } = escposPrinter({ devicePath: device }, '58mm');
    expect((await slip.print(sampleVisit(5))).status).toBe('printed');
    const decoded = decodeEscpos(new Uint8Array(readFileSync(device)));
    expect(decoded.text).toContain('Lo Thi Nga');
    expect(decoded.qrs[0]!.payload).toBe('sim-visit-05');
    for (const l of decoded.lines) expect(l.text.length * l.width).toBeLessThanOrEqual(32);

    const missing = escposPrinter({ devicePath: path.join(dir, 'no-such-dir', 'lp0') }).slip;
    expect((await missing.print(sampleVisit(5))).error?.code).toBe('PRINT_OFFLINE');
  });
});
