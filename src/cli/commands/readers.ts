import type { ReaderStatus } from '../../shared/domain';
import { nativeLoadError } from '../../main/card/pcsc/native-pcsc';
import { cliReaderService, settleReaders } from '../card-cli';
import { runCommand, type RegisterCommand } from '../output';

interface ReadersOutput {
  readers: ReaderStatus[];
  pcsc: { connected: boolean; detail: string | null };
}

export const registerReaders: RegisterCommand = (program, ctx) => {
  program
    .command('readers')
    .description(
      'list card readers: PC/SC readers through pcscd and the in-process simulated reader',
    )
    .option('--wait <ms>', 'how long to wait for PC/SC readers to be announced', '1500')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean; wait: string }) =>
      runCommand(
        opts,
        async (): Promise<ReadersOutput> => {
          const service = cliReaderService(ctx());
          try {
            await settleReaders(service, null, Math.max(0, Number(opts.wait) || 0));
            const connected = service.pcsc?.connected ?? false;
            return {
              readers: service.readers(),
              pcsc: {
                connected,
                detail: connected
                  ? null
                  : (nativeLoadError() ?? 'pcscd is not running or not reachable'),
              },
            };
          } finally {
            await service.close();
          }
        },
        (v) =>
          [
            ...v.readers.map(
              (r) => `${r.name}  [${r.kind}] ${r.state}${r.atr ? `  ATR ${r.atr}` : ''}`,
            ),
            v.pcsc.connected ? '' : `(PC/SC unavailable: ${v.pcsc.detail})`,
          ]
            .filter(Boolean)
            .join('\n'),
      ),
    );
};
