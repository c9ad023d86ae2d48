import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../../main/fs/atomic-write';
import { ensurePrivateDir } from '../../main/fs/private-files';
import { maskSecrets } from '../../main/config/load-config';
import { defaultConfig } from '../../main/config/schema';
import { kioskError } from '../../shared/errors';
import { runCommand, type RegisterCommand } from '../output';

export const registerConfig: RegisterCommand = (program, ctx) => {
  program
    .command('config')
    .description(
      'print the configuration file path and the effective configuration (secrets masked)',
    )
    .option('--init', 'write the default configuration to the file when none exists')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean; init?: boolean }) =>
      runCommand(
        opts,
        async () => {
          const { dataDir } = ctx();
          if (opts.init) writeDefaults(path.join(dataDir, 'config.json'));
          const loaded = ctx().config();
          return {
            dataDir,
            path: loaded.path,
            fromFile: loaded.fromFile,
            config: maskSecrets(loaded.config),
          };
        },
        (v) =>
          [
            `data folder: ${v.dataDir}`,
            `config file: ${v.path}${v.fromFile ? '' : ' (absent: defaults in force)'}`,
            JSON.stringify(v.config, null, 2),
          ].join('\n'),
      ),
    );
};

/**
 * The defaults as a file to edit, without `reader.trustTestCsca`: left out, it follows the driver
 * (true for the simulated reader, false once the file says "pcsc"), so switching to a real reader
 * never keeps trusting the public test key by accident.
 */
export function initialConfig(): unknown {
  const { trustTestCsca: _followsDriver, ...reader } = defaultConfig.reader;
  return { ...defaultConfig, reader };
}

function writeDefaults(file: string): void {
  if (fs.existsSync(file)) {
    throw kioskError(
      'USAGE_CONFIG_EXISTS',
      `Tệp cấu hình đã có: ${file}`,
      `A configuration file already exists: ${file}`,
    );
  }
  ensurePrivateDir(path.dirname(file));
  // A crash never leaves a half-written configuration behind.
  writeFileAtomicSync(file, `${JSON.stringify(initialConfig(), null, 2)}\n`, { mode: 0o600 });
}
