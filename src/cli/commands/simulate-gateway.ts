import {
  SIM_GATEWAY_MODES,
  startSimulatedGateway,
  type SimGatewayTestMode,
} from '../../sim/insurance/sim-gateway';
import { kioskError } from '../../shared/errors';
import { failWith, type RegisterCommand } from '../output';

interface SimGatewayOpts {
  port: string;
  host: string;
  mode: string;
  slowMs?: string;
  json?: boolean;
}

function parseOpts(opts: SimGatewayOpts): {
  port: number;
  mode: SimGatewayTestMode;
  slowMs?: number;
} {
  const port = Number(opts.port);
  if (!/^\d{1,5}$/.test(opts.port) || port > 65535) {
    throw kioskError('USAGE_INVALID', '--port: 0-65535', '--port must be 0-65535');
  }
  if (!SIM_GATEWAY_MODES.includes(opts.mode as SimGatewayTestMode)) {
    const list = SIM_GATEWAY_MODES.join(', ');
    throw kioskError('USAGE_INVALID', `--mode: một trong ${list}`, `--mode must be one of ${list}`);
  }
  const slowMs = opts.slowMs === undefined ? undefined : Number(opts.slowMs);
  if (slowMs !== undefined && !(Number.isInteger(slowMs) && slowMs >= 0)) {
    throw kioskError('USAGE_INVALID', '--slow-ms: số mili giây', '--slow-ms must be milliseconds');
  }
  return { port, mode: opts.mode as SimGatewayTestMode, slowMs };
}

export const registerSimulateGateway: RegisterCommand = (sim, ctx) => {
  sim
    .command('gateway')
    .description(
      'run the simulated BHXH lookup service (same contract as the real gateway) until stopped ' +
        'with Ctrl+C; switch its behaviour with POST /__sim/mode {"mode": "..."}',
    )
    .option('--port <n>', 'TCP port (0 = any free port)', '0')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--mode <m>', `behaviour: ${SIM_GATEWAY_MODES.join(' | ')}`, 'normal')
    .option('--slow-ms <ms>', "delay of every answer in 'slow' mode", '20000')
    .option('--json', 'print the URL and credentials as JSON')
    .action(async (opts: SimGatewayOpts) => {
      try {
        const { port, mode, slowMs } = parseOpts(opts);
        const gateway = await startSimulatedGateway({
          host: opts.host,
          port,
          mode,
          slowMs,
          logger: ctx().logger(),
        });
        const info = {
          url: gateway.url,
          username: gateway.username,
          password: gateway.password,
          mode,
          admin: `${gateway.url}/__sim/mode`,
        };
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(info)}\n`
            : [
                `simulated BHXH gateway on ${info.url} (mode ${mode})`,
                `username ${info.username}  password ${info.password} (test account)`,
                `switch mode: curl -X POST ${info.admin} -d '{"mode":"down"}'`,
                'stop with Ctrl+C',
                '',
              ].join('\n'),
        );
        await new Promise<void>((resolve) => {
          const stop = (): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void gateway.close().then(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      } catch (err) {
        failWith(err, opts);
      }
    });
};
