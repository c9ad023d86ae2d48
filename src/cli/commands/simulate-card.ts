import { kioskError } from '../../shared/errors';
import { catalogChip } from '../../sim/card/catalog-chip';
import {
  CHIP_PROFILES,
  isChipProfileName,
  type ChipProfileName,
} from '../../sim/card/chip-profile';
import { loadTestPki } from '../../sim/card/test-pki';
import { VpcdClient } from '../../sim/card/vpcd-client';
import { VPCD_DEFAULT_PORT } from '../../sim/card/vpcd-framing';
import { simIdentity } from '../../sim/data/identities';
import { parseSimIdentity } from '../card-cli';
import { failWith, type RegisterCommand } from '../output';

export function parseHostPort(value: string): { host: string; port: number } {
  const m = /^(?:(.+):)?(\d{1,5})$/.exec(value.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535) {
    throw kioskError(
      'USAGE_INVALID',
      '--vpcd phải có dạng host:port, ví dụ 127.0.0.1:35963',
      '--vpcd must be host:port, e.g. 127.0.0.1:35963',
    );
  }
  return { host: m[1] ?? '127.0.0.1', port };
}

function parseProfile(value: string | undefined): ChipProfileName | undefined {
  if (value === undefined || isChipProfileName(value)) return value;
  const names = Object.keys(CHIP_PROFILES).join(', ');
  throw kioskError(
    'USAGE_INVALID',
    `--profile phải là một trong: ${names}`,
    `--profile must be one of: ${names}`,
  );
}

export const registerSimulateCard: RegisterCommand = (sim, ctx) => {
  sim
    .command('card')
    .description(
      'put simulated catalog card <n> into pcscd\'s "Virtual PCD 00 00" reader (vsmartcard vpcd) ' +
        'until stopped with Ctrl+C; reconnects when pcscd restarts',
    )
    .requiredOption('--identity <n>', 'catalog card number (see the developer panel or tests)')
    .option('--vpcd <host:port>', 'where vpcd listens', `127.0.0.1:${VPCD_DEFAULT_PORT}`)
    .option(
      '--profile <name>',
      "the chip: real (PACE-CAN/MRZ + BAC, CA, AA), legacy (BAC only) or pace-only; default the card's own",
    )
    .action(async (opts: { identity: string; vpcd: string; profile?: string }) => {
      try {
        const index = parseSimIdentity(opts.identity);
        const { host, port } = parseHostPort(opts.vpcd);
        const profile = parseProfile(opts.profile);
        const identity = simIdentity(index);
        const logger = ctx().logger();
        const chip = catalogChip(index, loadTestPki(), profile ? { profile } : {});
        const client = new VpcdClient({ card: chip, host, port, logger });
        client.onState((state) => {
          const line =
            state === 'connected'
              ? `card ${index} is in the reader (vpcd ${host}:${port})`
              : state === 'connecting'
                ? `waiting for vpcd on ${host}:${port} (is pcscd running?)`
                : 'stopped';
          process.stdout.write(`${line}\n`);
        });
        process.stdout.write(
          `simulated card ${index}: ${identity.label} (${chip.profile.name} chip)\n`,
        );
        client.start();
        await new Promise<void>((resolve) => {
          const stop = (): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void client.stop().then(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      } catch (err) {
        failWith(err);
      }
    });
};
