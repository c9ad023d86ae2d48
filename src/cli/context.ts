import { resolveDataDir } from '../main/config/data-dir';
import { loadConfig, type LoadedConfig } from '../main/config/load-config';
import type { Logger } from '../main/logging/logger';
import { createLogger } from '../main/logging/file-logger';
import type { CompositionRoot } from '../main/composition-root';

/** What every command gets: where the data lives, the configuration, a logger. */
export interface CliContext {
  dataDir: string;
  /** Loads and validates `<dataDir>/config.json` (throws CONFIG_INVALID with the field). */
  config(): LoadedConfig;
  logger(): Logger;
}

export function createCliContext(opts: { dataDir?: string }): CliContext {
  const dataDir = opts.dataDir ?? resolveDataDir();
  let loaded: LoadedConfig | undefined;
  let logger: Logger | undefined;
  return {
    dataDir,
    config() {
      loaded ??= loadConfig(dataDir);
      return loaded;
    },
    logger() {
      if (!logger) {
        const cfg = this.config().config;
        // The CLI logs to the same rotating file as the app; stderr stays for the one-line error.
        logger = createLogger({
          dataDir,
          level: cfg.log.level,
          maxFileBytes: cfg.log.maxFileBytes,
          maxFiles: cfg.log.maxFiles,
          console: false,
        }).child({ proc: 'cli' });
      }
      return logger;
    },
  };
}

/**
 * Runs `use` with the composition root, loaded only now (a command that needs no service, such
 * as `config`, never loads it), and closes whatever `use` asked it for.
 */
export async function withRoot<T>(
  ctx: CliContext,
  use: (root: CompositionRoot) => T | Promise<T>,
): Promise<T> {
  const { createCompositionRoot } = await import('../main/composition-root');
  const root = createCompositionRoot({
    dataDir: ctx.dataDir,
    config: ctx.config().config,
    logger: ctx.logger(),
  });
  try {
    return await use(root);
  } finally {
    await root.close();
  }
}
