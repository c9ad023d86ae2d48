import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'cccd-checkin-kiosk';

/** The app's argument naming its data folder (start at login passes it: no environment there). */
export const DATA_DIR_ARG = '--data-dir=';

/**
 * The same folder Electron's `app.getPath('userData')` gives for this app, computed without
 * Electron so that the CLI and the desktop app share one configuration and one database.
 * `--data-dir=<folder>` or `KIOSK_DATA_DIR` overrides it (tests, several stations on one machine).
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = [],
): string {
  const arg = argv.find((a) => a.startsWith(DATA_DIR_ARG))?.slice(DATA_DIR_ARG.length);
  if (arg) return path.resolve(arg);
  if (env.KIOSK_DATA_DIR) return path.resolve(env.KIOSK_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
  }
}

export const CONFIG_FILE_NAME = 'config.json';
