/**
 * The web host started as the app (`npm start` without Electron, `npm run start:web`): what it
 * may serve and how the browser gets the per-start secret. Without Electron there is no lockdown
 * (an ordinary browser window, its address bar, DevTools and the desktop behind it), so a public
 * kiosk or a waiting-room display is refused unless the start says it is for testing; and the
 * secret never goes on a command line (`ps` shows it to every user) or stdout (logs, terminals).
 * The browser opens a 0600 file in the data folder that forwards it to the secret URL.
 */
import type { StationMode } from '../../shared/domain';
import { kioskError, type KioskError } from '../../shared/errors';

/** The environment variable (value "1") or flag that marks a start for testing. */
export const WEB_HOST_TESTING_ENV = 'KIOSK_WEB_HOST_TESTING';
export const WEB_HOST_TESTING_FLAG = '--for-testing';

/** Refused modes without the Electron lockdown, unless started for testing. */
const LOCKED_MODES: readonly StationMode[] = ['kiosk', 'display'];

export function webHostStartRefusal(mode: StationMode, forTesting: boolean): KioskError | null {
  if (forTesting || !LOCKED_MODES.includes(mode)) return null;
  return kioskError(
    'WEB_HOST_MODE_REFUSED',
    `Chế độ "${mode}" chỉ chạy trong ứng dụng Electron (khóa màn hình). Không có Electron: dùng chế độ desk hoặc room, hoặc đặt ${WEB_HOST_TESTING_ENV}=1 khi kiểm thử.`,
    `Mode "${mode}" runs only in the Electron app (with its lockdown). Without Electron use desk or room mode, or set ${WEB_HOST_TESTING_ENV}=1 for testing.`,
    { detail: mode },
  );
}

export function startedForTesting(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes(WEB_HOST_TESTING_FLAG) || env[WEB_HOST_TESTING_ENV] === '1';
}

/**
 * The page the browser opens (a file only this account can read): it forwards to the web host
 * with the secret in the fragment, which browsers never send to a server. The command line and
 * stdout carry only this file's path.
 */
export function openerPage(url: string): string {
  const target = JSON.stringify(url).replace(/</g, '\\u003c');
  return `<!doctype html><meta charset="utf-8"><title>CCCD kiosk</title><script>location.replace(${target});</script>\n`;
}

/** The browser's arguments: the opener file, never the secret URL. */
export function browserArgs(openerFile: string): string[] {
  return [`--app=file://${openerFile}`, '--no-first-run'];
}
