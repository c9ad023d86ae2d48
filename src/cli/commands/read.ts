import { writeFileAtomicSync } from '../../main/fs/atomic-write';
import type { CardReadResult } from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import {
  accessKeyFromOptions,
  addKeyOptions,
  cliReaderService,
  parseSimIdentity,
  presentedFrom,
  settleReaders,
  type KeyOptions,
} from '../card-cli';
import { runCommand, type RegisterCommand } from '../output';
import type { PresentedInput } from '../../shared/presented-input';

interface ReadOptions extends KeyOptions {
  /** Needed to read a chip; `--qr` alone only parses the text. */
  reader?: string;
  simIdentity?: string;
  photo: boolean;
  photoOut?: string;
  json?: boolean;
}

/**
 * The JSON `read` prints (issue 3): the identity, MRZ, photo summary, passive and chip
 * authentication, stats (with how the chip was opened: PACE-CAN, PACE-MRZ or BAC).
 */
export function readOutputJson(r: CardReadResult) {
  return {
    idNumber: r.idNumber,
    fullName: r.fullName,
    dateOfBirth: r.dateOfBirth,
    sex: r.sex,
    nationality: r.nationality,
    ethnicity: r.ethnicity,
    religion: r.religion,
    placeOfOrigin: r.placeOfOrigin,
    placeOfResidence: r.placeOfResidence,
    personalIdentification: r.personalIdentification,
    dateOfIssue: r.dateOfIssue,
    dateOfExpiry: r.dateOfExpiry,
    fatherName: r.fatherName,
    motherName: r.motherName,
    spouseName: r.spouseName,
    oldIdNumber: r.oldIdNumber,
    mrz: r.mrz,
    photo: { format: r.photo.format, bytes: r.photo.bytes },
    passiveAuthentication: {
      status: r.passiveAuthentication.status,
      detail: r.passiveAuthentication.detail,
      reason: r.passiveAuthentication.reason ?? null,
      crlStale: r.passiveAuthentication.crlStale ?? false,
    },
    chipAuthentication: {
      status: r.chipAuthentication.status,
      method: r.chipAuthentication.method,
      detail: r.chipAuthentication.detail,
    },
    stats: {
      accessControl: r.stats.accessControl ?? null,
      apdus: r.stats.apdus,
      bytesRead: r.stats.bytesRead,
      ms: r.stats.ms,
    },
  };
}

type ReadJson = ReturnType<typeof readOutputJson>;

/** What a `--qr` text is, as the kiosk would read it (no chip involved). */
export function presentedOutputJson(input: PresentedInput) {
  switch (input.kind) {
    case 'cccd-qr':
      return { kind: input.kind, ...input.qr };
    case 'bhyt-qr':
      return { kind: input.kind, ...input.card };
    default:
      return input;
  }
}

type PresentedJson = ReturnType<typeof presentedOutputJson>;

function humanPresented(v: PresentedJson): string {
  const lines = Object.entries(v)
    .filter(([k]) => k !== 'kind')
    .map(([k, value]) => `  ${k}: ${Array.isArray(value) ? value.join('|') : (value ?? '-')}`);
  return [`${v.kind} (not verified: a QR or a typed number can be made up)`, ...lines].join('\n');
}

function human(v: ReadJson | PresentedJson): string {
  if ('kind' in v) return humanPresented(v);
  return [
    `${v.fullName}  (${v.idNumber})`,
    `born ${v.dateOfBirth ?? '?'}, ${v.sex ?? '?'}, ${v.nationality}, ${v.ethnicity}, religion: ${v.religion || '-'}`,
    `origin: ${v.placeOfOrigin || '-'}`,
    `residence: ${v.placeOfResidence || '-'}`,
    `issued ${v.dateOfIssue ?? '?'}, expires ${v.dateOfExpiry ?? 'never (Không thời hạn)'}`,
    `father: ${v.fatherName || '-'}, mother: ${v.motherName || '-'}, spouse: ${v.spouseName || '-'}`,
    `old ID: ${v.oldIdNumber || '-'}, marks: ${v.personalIdentification || '-'}`,
    `photo: ${v.photo.format}, ${v.photo.bytes} bytes`,
    `passive authentication: ${v.passiveAuthentication.status} (${v.passiveAuthentication.detail})`,
    `chip authentication: ${v.chipAuthentication.status}${v.chipAuthentication.method ? ` by ${v.chipAuthentication.method}` : ''} (${v.chipAuthentication.detail})`,
    `opened by ${v.stats.accessControl ?? '?'}; ${v.stats.apdus} APDUs, ${v.stats.bytesRead} bytes, ${v.stats.ms} ms`,
  ].join('\n');
}

export const registerRead: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('read')
    .description(
      'read a CCCD chip (BAC, DG1/DG13/DG2, passive authentication) and print the holder; ' +
        'for the simulated reader, --sim-identity <n> inserts catalog card n first',
    )
    .option(
      '--reader <name>',
      'reader name, as listed by `readers`; without it --qr is only parsed',
    );
  addKeyOptions(cmd)
    .option('--sim-identity <n>', 'simulated reader only: insert catalog card <n> before reading')
    .option('--no-photo', 'skip DG2 (the face image)')
    .option('--photo-out <file>', 'write the face image bytes (JPEG or JPEG 2000) to this file')
    .option('--json', 'JSON output')
    .action(async (opts: ReadOptions) =>
      runCommand(
        opts,
        async (): Promise<ReadJson | PresentedJson> => {
          // Any scanned text is read as the kiosk reads it; only a CCCD QR with a reader opens a chip.
          if (opts.qr !== undefined) {
            const input = presentedFrom(opts.qr);
            if (!opts.reader || input.kind !== 'cccd-qr') return presentedOutputJson(input);
          }
          if (!opts.reader) {
            throw kioskError(
              'USAGE_INVALID',
              'Cần --reader để đọc chip',
              '--reader is needed to read a chip',
            );
          }
          const reader = opts.reader;
          const key = accessKeyFromOptions(opts);
          const service = cliReaderService(ctx());
          try {
            const simulated = service.simulated!;
            if (opts.simIdentity !== undefined) {
              if (reader !== simulated.readerName) {
                throw kioskError(
                  'USAGE_INVALID',
                  `--sim-identity chỉ dùng với đầu đọc "${simulated.readerName}"`,
                  `--sim-identity only applies to the reader "${simulated.readerName}"`,
                );
              }
              simulated.insert(parseSimIdentity(opts.simIdentity));
            } else if (reader === simulated.readerName) {
              throw kioskError(
                'CARD_NO_CARD',
                'Đầu đọc mô phỏng chưa có thẻ: thêm --sim-identity <n>.',
                'The simulated reader is empty: add --sim-identity <n> to insert a catalog card.',
              );
            }
            await settleReaders(service, reader, 3000);
            const { result, photo } = await service.read(reader, key, {
              skipPhoto: !opts.photo,
            });
            if (opts.photoOut && photo) writeFileAtomicSync(opts.photoOut, photo);
            return readOutputJson(result);
          } finally {
            await service.close();
          }
        },
        human,
      ),
    );
};
