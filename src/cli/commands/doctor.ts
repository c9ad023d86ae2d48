import { runDoctor } from '../../main/doctor/run-doctor';
import { kioskError } from '../../shared/errors';
import { runCommand, type RegisterCommand } from '../output';

const MARK = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

export const registerDoctor: RegisterCommand = (program, ctx) => {
  program
    .command('doctor')
    .description(
      'check what is installed and reachable: runtime, reader, lookup service, printer, store',
    )
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) =>
      runCommand(
        opts,
        async () => {
          const report = await runDoctor(ctx().dataDir);
          if (!report.healthy) {
            // Print the report first, then fail with one line naming what is broken.
            const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.name);
            process.stdout.write(
              opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${human(report.checks)}\n`,
            );
            throw kioskError(
              'DOCTOR_FAILED',
              `Có lỗi: ${failed.join(', ')}`,
              `Problems found: ${failed.join(', ')}`,
            );
          }
          return report;
        },
        (r) => human(r.checks),
      ),
    );
};

function human(checks: { name: string; status: keyof typeof MARK; detail: string }[]): string {
  const width = Math.max(...checks.map((c) => c.name.length));
  return checks.map((c) => `${MARK[c.status]}  ${c.name.padEnd(width)}  ${c.detail}`).join('\n');
}
