import type { HisSendOutcome } from '../../main/his/his-client';
import type { HisService } from '../../main/his/his-service';
import type { HisStatus } from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import { withRoot, type CliContext } from '../context';
import { exitCodeFor, runCommand, type RegisterCommand } from '../output';

function withHis<T>(ctx: CliContext, use: (his: HisService) => Promise<T>) {
  return withRoot(ctx, async (root) => {
    const his = await root.his();
    if (!his) {
      throw kioskError(
        'CONFIG_HIS_DISABLED',
        'Chưa bật gửi sang HIS: đặt his.enabled và his.fhirBaseUrl trong cấu hình',
        'The HIS hand-off is off: set his.enabled and his.fhirBaseUrl in the configuration',
      );
    }
    return use(his);
  });
}

/**
 * What the HIS's answer means for a script, as the README's exit code table says: refused by
 * the HIS is a failure (1, HIS_REFUSED); not delivered because the HIS did not answer, or
 * answered "not now", is a service that could not answer (3, HIS_UNREACHABLE).
 */
function failureOf(outcome: HisSendOutcome['kind'] | 'waiting'): string | null {
  if (outcome === 'refused') return 'HIS_REFUSED';
  if (outcome === 'retry' || outcome === 'waiting') return 'HIS_UNREACHABLE';
  return null;
}

/** Sets the exit code and says why on stderr, after the result was printed. */
function exitWith(code: string | null, en: string): void {
  if (!code) return;
  process.stderr.write(`error ${code}: ${en}\n`);
  process.exitCode = exitCodeFor(code);
}

function statusLines(s: HisStatus): string[] {
  return [
    `waiting ${s.waiting}, refused ${s.refused}, sent ${s.sent}`,
    ...s.refusals.map(
      (r) => `  refused ${r.queueNumber} (${r.date}) HTTP ${r.status ?? '-'}: ${r.text}`,
    ),
  ];
}

export const registerHis: RegisterCommand = (program, ctx) => {
  const his = program
    .command('his')
    .description("the hand-off of visits to the hospital's HIS (FHIR R4)");

  his
    .command('status')
    .description('is the HIS reachable; visits waiting to be sent and refused by the HIS')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) =>
      runCommand(
        opts,
        () =>
          withHis(ctx(), async (h) => ({
            fhirBaseUrl: h.client.baseUrl,
            // Swept first: a visit the background worker never saw counts as waiting.
            ...(await h.status({ ping: true, sweep: true })),
          })),
        (s) =>
          [
            `HIS ${s.fhirBaseUrl}: ${s.reachable ? 'reachable' : 'NOT reachable'}`,
            ...statusLines(s),
          ].join('\n'),
      ),
    );

  his
    .command('deliver')
    .description(
      'send every visit due to the HIS now (for a station without the app, e.g. from cron); exit 1 if the HIS refused any, 3 if any is left undelivered',
    )
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) => {
      const failure: { code: string | null; en: string } = { code: null, en: '' };
      await runCommand(
        opts,
        () =>
          withHis(ctx(), async (h) => {
            const d = await h.deliver();
            if (d.status.refused > 0) {
              failure.code = failureOf('refused');
              failure.en = `${d.status.refused} visit(s) refused by the HIS (resend with his send --visit after fixing)`;
            } else if (d.status.waiting > 0) {
              failure.code = failureOf('waiting');
              failure.en = `${d.status.waiting} visit(s) not delivered: the HIS did not take them now`;
            }
            return { fhirBaseUrl: h.client.baseUrl, ...d };
          }),
        (d) =>
          [
            `HIS ${d.fhirBaseUrl}: accepted ${d.accepted}, refused ${d.refused}, not delivered ${d.deferred} in this run`,
            ...statusLines(d.status),
          ].join('\n'),
      );
      exitWith(failure.code, failure.en);
    });

  his
    .command('send')
    .description('send one visit to the HIS now (also one it refused) and print its answer')
    .requiredOption('--visit <id>', 'the visit id')
    .option('--json', 'JSON output')
    .action(async (opts: { visit: string; json?: boolean }) => {
      const answer: { kind: HisSendOutcome['kind'] } = { kind: 'accepted' };
      await runCommand(
        opts,
        async () => {
          const r = await withHis(ctx(), (h) => h.send(opts.visit));
          answer.kind = r.outcome.kind;
          return r;
        },
        (r) =>
          r.outcome.kind === 'accepted'
            ? `accepted by the HIS (HTTP ${r.outcome.status})`
            : r.outcome.kind === 'refused'
              ? `REFUSED by the HIS (HTTP ${r.outcome.status}): ${r.outcome.text}`
              : `not delivered, will retry (${r.outcome.status ?? 'no answer'}): ${r.outcome.text}`,
      );
      exitWith(
        failureOf(answer.kind),
        answer.kind === 'refused'
          ? 'the HIS refused the visit'
          : 'the HIS did not take the visit now',
      );
    });
};
