/**
 * What the card commands (`readers`, `read`, `simulate card`, and `checkin`'s key options) share:
 * building the reader service for a one-shot command, and turning key options into an
 * AccessKeyInput with clear usage errors.
 */
import type { Command } from 'commander';
import type { AccessKeyInput } from '../shared/domain';
import { kioskError } from '../shared/errors';
import { createCardReaderService, type CardReaderServiceHandle } from '../main/card/reader-service';
import { SimulatedReader } from '../sim/card/simulated-reader';
import { SIM_IDENTITIES } from '../sim/data/identities';
import type { CliContext } from './context';
import { CAN_NUMBER, ID_NUMBER } from '../shared/identity-input';
import { readPresentedInput, toKioskError, type PresentedInput } from '../shared/presented-input';

/** `--qr` or `--card` text through the one parser; its typed INPUT_* error when malformed. */
export function presentedFrom(text: string): PresentedInput {
  const read = readPresentedInput(text);
  if (!read.ok) throw toKioskError(read.error);
  return read.value;
}

export interface KeyOptions {
  qr?: string;
  id?: string;
  dob?: string;
  expiry?: string;
  mrz?: string;
  can?: string;
}

/** Adds the chip-key options used by `read` and `checkin`. */
export function addKeyOptions(cmd: Command): Command {
  return cmd
    .option(
      '--qr <text>',
      'a scanned QR: the CCCD front (ID|old ID|name|DOB|sex|address|issue date) or, where the command takes it, a BHYT card QR (…|$)',
    )
    .option(
      '--id <digits>',
      '12-digit CCCD number: alone for cards with PACE (CAN = last 6 digits), with --dob for BAC-only cards',
    )
    .option('--can <digits>', 'the 6-digit CAN (on CCCD: the last 6 digits of the ID number)')
    .option('--dob <YYYY-MM-DD>', 'date of birth (with --id; needed by BAC-only cards)')
    .option(
      '--expiry <YYYY-MM-DD>',
      'date of expiry (with --id; default: derived from the renewal ages)',
    )
    .option('--mrz <text>', 'the full MRZ (3 lines of 30, joined or separated by newlines)');
}

const usage = (vi: string, en: string) => kioskError('USAGE_INVALID', vi, en);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDate(value: string, name: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (
    !ISO_DATE.test(value) ||
    Number.isNaN(d.getTime()) ||
    d.toISOString().slice(0, 10) !== value
  ) {
    throw usage(`${name} phải có dạng YYYY-MM-DD`, `${name} must be a date as YYYY-MM-DD`);
  }
  return value;
}

/** Exactly one of --qr, --id (with or without --dob), --can, --mrz; shapes checked here. */
export function accessKeyFromOptions(opts: KeyOptions): AccessKeyInput {
  const given = [
    opts.qr !== undefined,
    opts.id !== undefined || opts.dob !== undefined,
    opts.can !== undefined,
    opts.mrz !== undefined,
  ];
  if (given.filter(Boolean).length !== 1) {
    throw usage(
      'Cần đúng một trong: --qr, --id (có thể kèm --dob), --can, hoặc --mrz',
      'Give exactly one of: --qr, --id (optionally with --dob), --can, or --mrz',
    );
  }
  if (opts.can !== undefined) {
    if (!CAN_NUMBER.test(opts.can)) throw usage('--can phải có 6 chữ số', '--can must be 6 digits');
    return { kind: 'can', can: opts.can };
  }
  if (opts.qr !== undefined) {
    const input = presentedFrom(opts.qr);
    if (input.kind !== 'cccd-qr') {
      throw usage(
        '--qr ở đây phải là mã QR trên thẻ căn cước (mở chip)',
        '--qr here must be the QR of a CCCD (it opens the chip)',
      );
    }
    return { kind: 'qr', text: input.text };
  }
  if (opts.mrz !== undefined) {
    const text = opts.mrz.replace(/\s+/g, '');
    if (text.length !== 90)
      throw usage(
        '--mrz phải có 90 ký tự (3 dòng × 30)',
        '--mrz must be 90 characters (3 lines of 30)',
      );
    return { kind: 'mrz', text };
  }
  if (!opts.id || !ID_NUMBER.test(opts.id)) {
    throw usage('--id phải là số CCCD 12 chữ số', '--id must be the 12-digit CCCD number');
  }
  if (!opts.dob) {
    if (opts.expiry) throw usage('--expiry cần kèm --dob', '--expiry needs --dob');
    // The ID number alone: PACE with the CAN; a BAC-only card answers CARD_KEY_NEEDS_DOB.
    return { kind: 'id', idNumber: opts.id };
  }
  return {
    kind: 'id-dob',
    idNumber: opts.id,
    dateOfBirth: isoDate(opts.dob, '--dob'),
    ...(opts.expiry ? { dateOfExpiry: isoDate(opts.expiry, '--expiry') } : {}),
  };
}

export function parseSimIdentity(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || !SIM_IDENTITIES.some((i) => i.index === n)) {
    throw usage(
      `Không có thẻ mô phỏng số ${value} (1-${SIM_IDENTITIES.length})`,
      `No simulated card ${value} (1-${SIM_IDENTITIES.length})`,
    );
  }
  return n;
}

/**
 * The reader service for a one-shot command: the in-process simulated reader and PC/SC readers
 * both, whatever the configured driver, so an operator can reach either by name.
 */
export function cliReaderService(ctx: CliContext): CardReaderServiceHandle<SimulatedReader> {
  const logger = ctx.logger();
  const config = ctx.config().config.reader;
  return createCardReaderService({
    config,
    logger,
    simulated: new SimulatedReader({ logger }),
    sources: { simulated: true, pcsc: true },
  });
}

/**
 * Lets pcsclite announce its readers and their first status before a one-shot command looks.
 * Gives up early when pcscd is not reachable at all.
 */
export async function settleReaders(
  service: CardReaderServiceHandle,
  name: string | null,
  timeoutMs: number,
): Promise<void> {
  const pcsc = service.pcsc;
  if (!pcsc) return;
  if (name !== null && name === service.simulated?.readerName) return;
  const has = (): boolean =>
    pcsc.readers().some((r) => (name === null || r.name === name) && r.state !== 'unavailable');
  const started = Date.now();
  while (!has()) {
    const waited = Date.now() - started;
    if (waited > timeoutMs || (waited > 700 && !pcsc.connected)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  // Status events (card present or not) follow the reader announcement within milliseconds.
  await new Promise((r) => setTimeout(r, 150));
}
