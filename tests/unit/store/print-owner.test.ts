import { describe, expect, it } from 'vitest';
import {
  isInterruptedPrint,
  parseRunId,
  pidAlive,
  processRunId,
} from '../../../src/main/store/print-owner';
import { goneRun, runningProcess } from './process-runs';

const self = { station: 'K01', run: 'kiosk-01#4000#aa11' };
const alive = new Set([4000, 4100]);
const isAlive = (pid: number): boolean => alive.has(pid);
const interrupted = (station: string | null, run: string | null): boolean =>
  isInterruptedPrint({ station, run }, self, isAlive);

describe('which prints a starting process calls interrupted', () => {
  it('this station, a run whose process is gone: interrupted', () => {
    expect(interrupted('K01', 'kiosk-01#4200#bb22')).toBe(true);
  });

  it('this station, a run still running on this host (the CLI beside the app): kept', () => {
    expect(interrupted('K01', 'kiosk-01#4100#cc33')).toBe(false);
  });

  it('this very run: kept', () => {
    expect(interrupted('K01', self.run)).toBe(false);
  });

  it('another station on a shared server, dead or alive: kept', () => {
    expect(interrupted('K02', 'kiosk-02#4200#dd44')).toBe(false);
    expect(interrupted('K02', 'kiosk-01#4100#dd44')).toBe(false);
  });

  it('this station id on another host (station moved or reinstalled): interrupted', () => {
    expect(interrupted('K01', 'old-box#4100#ee55')).toBe(true);
  });

  it('no owner recorded (before SQLite schema 8) or an unreadable run: interrupted', () => {
    expect(interrupted(null, null)).toBe(true);
    expect(interrupted('K01', null)).toBe(true);
    expect(interrupted('K01', 'garbage')).toBe(true);
  });
});

describe('run ids', () => {
  it('one per process, naming host and pid', () => {
    expect(processRunId()).toBe(processRunId());
    expect(parseRunId(processRunId())).toMatchObject({ pid: process.pid });
    expect(parseRunId('host#with#hash#12#ab')).toEqual({ host: 'host#with#hash', pid: 12 });
    expect(parseRunId('nope')).toBeNull();
  });

  it('this process is alive; an exited one is not', async () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(parseRunId(await goneRun())!.pid)).toBe(false);
    const running = runningProcess();
    try {
      expect(pidAlive(running.child.pid!)).toBe(true);
    } finally {
      await running.stop();
    }
  });
});
