import { openHisService, type HisService } from '../../main/his/his-service';
import type { KioskStore } from '../../main/store/store-contract';
import { kioskError } from '../../shared/errors';
import type { CliContext } from '../context';
import { runCommand, type RegisterCommand } from '../output';
import { withStore } from './visits';

function withHis<T>(ctx: CliContext, use: (his: HisService, store: KioskStore) => Promise<T>) {
  return withStore(ctx, async (store) => {
    const his = openHisService({ config: ctx.config().config, store, logger: ctx.logger() });
    if (!his) {
      throw kioskError(
        'CONFIG_HIS_DISABLED',
        'Chưa bật gửi sang HIS: đặt his.enabled và his.fhirBaseUrl trong cấu hình',
        'The HIS hand-off is off: set his.enabled and his.fhirBaseUrl in the configuration',
      );
    }
    return use(his, store);
  });
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
            ...(await h.status({ ping: true })),
          })),
        (s) =>
          [
            `HIS ${s.fhirBaseUrl}: ${s.reachable ? 'reachable' : 'NOT reachable'}`,
            `waiting ${s.waiting}, refused ${s.refused}, sent ${s.sent}`,
            ...s.refusals.map(
              (r) => `  refused ${r.queueNumber} (${r.date}) HTTP ${r.status ?? '-'}: ${r.text}`,
            ),
          ].join('\n'),
      ),
    );

  his
    .command('send')
    .description('send one visit to the HIS now (also one it refused) and print its answer')
    .requiredOption('--visit <id>', 'the visit id')
    .option('--json', 'JSON output')
    .action(async (opts: { visit: string; json?: boolean }) =>
      runCommand(
        opts,
        () => withHis(ctx(), (h) => h.send(opts.visit)),
        (r) =>
          r.outcome.kind === 'accepted'
            ? `accepted by the HIS (HTTP ${r.outcome.status})`
            : r.outcome.kind === 'refused'
              ? `REFUSED by the HIS (HTTP ${r.outcome.status}): ${r.outcome.text}`
              : `not delivered, will retry (${r.outcome.status ?? 'no answer'}): ${r.outcome.text}`,
      ),
    );
};
