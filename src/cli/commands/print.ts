import { KioskError } from '../../shared/errors';
import { runCommand, type RegisterCommand } from '../output';
import { addVisitSourceOptions, withVisit, type VisitSourceOpts } from './slip';

export const registerPrint: RegisterCommand = (program, ctx) => {
  addVisitSourceOptions(
    program
      .command('print')
      .description("print a visit's slip with the configured printer (printer.driver)"),
  )
    .option('--json', 'JSON output')
    .action(async (opts: VisitSourceOpts & { json?: boolean }) =>
      runCommand(
        opts,
        async () => {
          const c = ctx();
          const { config } = c.config();
          return withVisit(c, opts, async ({ visit, store, root }) => {
            const outcome = await root.printer().print(visit);
            // The visit stays as it is whatever happened; only its print state is recorded.
            await store?.recordPrint(
              visit.id,
              outcome.status,
              outcome.error,
              new Date().toISOString(),
            );
            if (outcome.error) throw new KioskError(outcome.error);
            return { ...outcome, queueNumber: visit.queueNumber, driver: config.printer.driver };
          });
        },
        (v) => `slip ${v.queueNumber}: ${v.status} (${v.driver})`,
      ),
    );
};
