import type { InsuranceQuery, InsuranceResult } from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import { runCommand, type RegisterCommand } from '../output';
import { withRoot } from '../context';
import { BHYT_NUMBER, ID_NUMBER } from '../../shared/identity-input';

interface LookupOpts {
  id?: string;
  card?: string;
  sin?: string;
  name: string;
  dob: string;
  gateway?: string;
  username?: string;
  password?: string;
  json?: boolean;
}

function usage(vi: string, en: string): Error {
  return kioskError('USAGE_INVALID', vi, en);
}

function queryFrom(opts: LookupOpts): InsuranceQuery {
  if ([opts.id, opts.card, opts.sin].filter(Boolean).length !== 1) {
    throw usage(
      'Cần đúng một trong --id, --card hoặc --sin.',
      'Give exactly one of --id, --card or --sin.',
    );
  }
  if (opts.sin && !/^\d{10}$/.test(opts.sin)) {
    throw usage('--sin (mã số BHXH) phải gồm 10 chữ số.', '--sin must be 10 digits.');
  }
  if (opts.id && !ID_NUMBER.test(opts.id)) {
    throw usage('--id phải gồm 12 chữ số.', '--id must be 12 digits.');
  }
  if (opts.card && !BHYT_NUMBER.test(opts.card.toUpperCase())) {
    throw usage(
      '--card phải gồm 15 ký tự, ví dụ DN4010123456781.',
      '--card must be 15 characters, e.g. DN4010123456781.',
    );
  }
  if (!/^\d{4}(-\d{2}-\d{2})?$/.test(opts.dob)) {
    throw usage('--dob phải có dạng YYYY-MM-DD hoặc YYYY.', '--dob must be YYYY-MM-DD or YYYY.');
  }
  if ((opts.username === undefined) !== (opts.password === undefined)) {
    throw usage('Cần cả --username và --password.', 'Give both --username and --password.');
  }
  return {
    ...(opts.id
      ? { idNumber: opts.id }
      : opts.sin
        ? { socialInsuranceNumber: opts.sin }
        : { cardNumber: opts.card!.toUpperCase() }),
    fullName: opts.name,
    dateOfBirth: opts.dob,
  };
}

/** The output shape, in this key order. */
export function lookupView(r: InsuranceResult) {
  return {
    code: r.code,
    outcome: r.outcome,
    mayUseInsurance: r.mayUseInsurance,
    message: r.message,
    card: r.card,
    replacement: r.replacement,
    history: r.history,
  };
}

function human(r: InsuranceResult): string {
  const c = r.card;
  const lines = [
    `${r.code} ${r.outcome} — ${r.mayUseInsurance ? 'may check in with insurance' : 'not with insurance'}`,
    r.message.vi,
    r.message.en,
  ];
  if (c) {
    lines.push(
      `card ${c.number}, valid ${c.validFrom ?? '?'} – ${c.validTo ?? '?'}`,
      `level ${c.benefitLevel ?? '?'} (${c.coveragePercent ?? '?'} %), registered at ${c.registeredFacility?.code ?? '?'}`,
    );
  }
  if (r.replacement) lines.push(`new card ${r.replacement.number ?? '?'}`);
  for (const n of r.assessment?.notes ?? []) lines.push(`note: ${n.en}`);
  return lines.join('\n');
}

export const registerLookup: RegisterCommand = (program, ctx) => {
  program
    .command('lookup')
    .description(
      'check a health-insurance (BHYT) card with the BHXH gateway (the simulated one by default)',
    )
    .option('--id <12 digits>', 'CCCD number')
    .option('--card <15 chars>', 'BHYT card number')
    .option('--sin <10 digits>', 'social-insurance number (mã số BHXH)')
    .requiredOption('--name <full name>', 'full name as on the card')
    .requiredOption('--dob <YYYY-MM-DD|YYYY>', 'date of birth, or the year only')
    .option(
      '--gateway <url>',
      'gateway base URL (default: configuration; simulator when simulated)',
    )
    .option('--username <u>', 'gateway account (with --gateway)')
    .option('--password <p>', 'gateway password (with --gateway)')
    .option('--json', 'JSON output')
    .action(async (opts: LookupOpts) => {
      let full: InsuranceResult | undefined;
      await runCommand(
        opts,
        async () => {
          const query = queryFrom(opts);
          if (opts.gateway && !(URL.canParse(opts.gateway) && /^https?:\/\//i.test(opts.gateway))) {
            throw usage(
              '--gateway phải là một địa chỉ http:// hoặc https://.',
              '--gateway must be an http:// or https:// address.',
            );
          }
          return withRoot(ctx(), async (root) => {
            const opened = await root.insurance(
              opts.gateway
                ? {
                    gateway: {
                      url: opts.gateway,
                      username: opts.username,
                      password: opts.password,
                    },
                  }
                : {},
            );
            full = await opened.insurance.lookup(query);
            return lookupView(full);
          });
        },
        () => human(full!),
      );
    });
};
