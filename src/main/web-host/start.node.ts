/**
 * `npm run start:web`: the app's services under plain Node, served to a browser by the web host.
 * Refuses kiosk and display modes unless started for testing (./start-policy.ts). The secret URL
 * goes into a 0600 opener file in the data folder; stdout prints that file's path, and `--open`
 * opens Chromium on it when a display exists (the secret is on no command line).
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createAppServices } from '../app-services';
import { resolveDataDir } from '../config/data-dir';
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logging/file-logger';
import { toErrorShape } from '../../shared/errors';
import { startWebHost } from './server';
import { ensurePrivateDir } from '../fs/private-files';
import { writeFileAtomicSync } from '../fs/atomic-write';
import { browserArgs, openerPage, startedForTesting, webHostStartRefusal } from './start-policy';

interface Args {
  open: boolean;
  port: number;
  dataDir: string | undefined;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    open: false,
    port: Number(process.env.KIOSK_WEB_PORT ?? 0),
    dataDir: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--open') args.open = true;
    else if (a === '--port') args.port = Number(argv[++i]);
    else if (a === '--data-dir') args.dataDir = argv[++i];
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = args.dataDir ?? resolveDataDir();
  const { config, path: configPath } = loadConfig(dataDir);
  const refused = webHostStartRefusal(
    config.station.mode,
    startedForTesting(process.argv.slice(2), process.env),
  );
  if (refused) throw refused;
  const fileLogger = createLogger({
    dataDir,
    level: config.log.level,
    maxFileBytes: config.log.maxFileBytes,
    maxFiles: config.log.maxFiles,
    console: false,
  });
  const logger = fileLogger.child({ proc: 'web-host' });
  const services = await createAppServices({ dataDir, config, logger });
  const staticDir = path.resolve('out/renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  }
  const host = await startWebHost({
    handlers: services.handlers,
    mode: config.station.mode,
    events: services.events,
    staticDir,
    logger,
    port: args.port,
  });
  const runDir = path.join(dataDir, 'run');
  ensurePrivateDir(runDir);
  const opener = path.join(runDir, 'web-host-open.html');
  writeFileAtomicSync(opener, openerPage(host.url));
  process.stdout.write(
    [
      `data folder: ${dataDir}`,
      `config file: ${configPath}`,
      `mode: ${config.station.mode} (main answers only this mode's requests)`,
      `serving: ${host.origin}`,
      `open in a browser: file://${opener} (only this account can read it)`,
      '',
    ].join('\n'),
  );
  if (args.open && process.env.DISPLAY && existsSync('/usr/bin/chromium')) {
    spawn('/usr/bin/chromium', browserArgs(opener), {
      stdio: 'ignore',
      detached: true,
    }).unref();
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    rmSync(opener, { force: true });
    void host
      .close()
      .then(() => services.close())
      .finally(() => fileLogger.flush())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const shape = toErrorShape(err);
  process.stderr.write(`error ${shape.code}: ${shape.message.en}\n`);
  process.exit(shape.code.startsWith('CONFIG_') ? 2 : 1);
});
