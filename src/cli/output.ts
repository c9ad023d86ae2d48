import { Command } from 'commander';
import { KioskError, toErrorShape } from '../shared/errors';
import type { CliContext } from './context';

export interface OutputOptions {
  json?: boolean;
}

/**
 * Runs a command body: prints its result (JSON with --json, else the human form) and turns any
 * failure into one line on stderr and a non-zero exit code.
 */
export async function runCommand<T>(
  opts: OutputOptions,
  body: () => Promise<T>,
  human: (value: T) => string = (v) => JSON.stringify(v, null, 2),
): Promise<void> {
  try {
    const value = await body();
    const text = opts.json ? JSON.stringify(value, null, 2) : human(value);
    if (text) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  } catch (err) {
    failWith(err, opts);
  }
}

export function failWith(err: unknown, opts: OutputOptions = {}): void {
  const shape = toErrorShape(err);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ error: shape }, null, 2)}\n`);
  }
  const detail = err instanceof KioskError || shape.code !== 'INTERNAL' ? '' : ` [${shape.detail}]`;
  process.stderr.write(`error ${shape.code}: ${shape.message.en}${detail}\n`);
  process.exitCode = exitCodeFor(shape.code);
}

/**
 * Codes of other domains that are still usage or configuration errors: a malformed queue number
 * typed by the operator, a room code missing from `queue.rooms`; identity text given on the
 * command line that is no card's (INPUT_*); a field the desk's services refuse (a name, a date
 * of birth, a cancel reason) or a department or lane the configuration does not have.
 */
const USAGE_CODES = new Set([
  'QUEUE_NUMBER_INVALID',
  'QUEUE_UNKNOWN_ROOM',
  'CHECKIN_BAD_INPUT',
  'CHECKIN_UNKNOWN_DEPARTMENT',
  'CHECKIN_UNKNOWN_LANE',
]);

/** 2 = usage or configuration, 3 = device/service could not answer, 1 = anything else. */
export function exitCodeFor(code: string): number {
  if (
    code.startsWith('CONFIG_') ||
    code.startsWith('USAGE_') ||
    code.startsWith('INPUT_') ||
    USAGE_CODES.has(code)
  ) {
    return 2;
  }
  if (code.startsWith('CARD_') || code.startsWith('INSURANCE_') || code.startsWith('PRINT_')) {
    return 3;
  }
  if (code === 'HIS_UNREACHABLE') return 3;
  return 1;
}

export type RegisterCommand = (program: Command, ctx: () => CliContext) => void;
