/**
 * Start at login, when `station.startAtLogin` is set: a login item on Windows and macOS
 * (Electron's app.setLoginItemSettings), an XDG autostart entry on Linux
 * (`$XDG_CONFIG_HOME/autostart/<name>.desktop`, see the XDG Autostart and Desktop Entry
 * specifications). Turning it off removes only what we put there. The plan is plain data; the
 * few side effects take their functions as arguments, so all of it runs under Node in tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../fs/atomic-write';
import { DATA_DIR_ARG } from '../config/data-dir';

export const AUTOSTART_NAME = 'cccd-checkin-kiosk';

export type AutostartPlan =
  | { kind: 'login-item'; openAtLogin: boolean; path: string; args: string[] }
  | { kind: 'xdg'; enabled: boolean; file: string; content: string }
  | { kind: 'unsupported'; platform: string };

export interface AutostartInput {
  enabled: boolean;
  platform: NodeJS.Platform;
  execPath: string;
  args: string[];
  env: Record<string, string | undefined>;
  homeDir: string;
}

/** One argument of a Desktop Entry `Exec` key, quoted when it needs to be. */
export function quoteExecArg(arg: string): string {
  // Field codes start with %, so a literal one is doubled.
  const literal = arg.replace(/%/g, '%%');
  if (/^[A-Za-z0-9_\-+=:,./@%]+$/.test(literal)) return literal;
  // Inside double quotes the spec asks for a backslash before ", `, $ and \.
  return `"${literal.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function xdgDesktopEntry(execPath: string, args: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=CCCD Check-in',
    'Comment=Hospital check-in kiosk / Máy tiếp đón tự phục vụ',
    `Exec=${[execPath, ...args].map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * The app's arguments at login: a station started with KIOSK_DATA_DIR keeps its folder (a login
 * session has no such variable), passed as an absolute `--data-dir=` argument.
 */
function loginArgs(input: AutostartInput): string[] {
  const dir = input.env.KIOSK_DATA_DIR?.trim();
  return dir ? [...input.args, `${DATA_DIR_ARG}${path.resolve(dir)}`] : input.args;
}

export function autostartPlan(input: AutostartInput): AutostartPlan {
  const args = loginArgs(input);
  if (input.platform === 'win32' || input.platform === 'darwin') {
    return { kind: 'login-item', openAtLogin: input.enabled, path: input.execPath, args };
  }
  if (input.platform === 'linux') {
    // The XDG Base Directory specification: a relative XDG_CONFIG_HOME is invalid and ignored.
    const xdg = input.env.XDG_CONFIG_HOME?.trim();
    const configHome = xdg && path.isAbsolute(xdg) ? xdg : path.join(input.homeDir, '.config');
    return {
      kind: 'xdg',
      enabled: input.enabled,
      file: path.join(configHome, 'autostart', `${AUTOSTART_NAME}.desktop`),
      content: xdgDesktopEntry(input.execPath, args),
    };
  }
  return { kind: 'unsupported', platform: input.platform };
}

export interface LoginItemSetter {
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void;
}

/** Carries the plan out; returns what it did, for the log. */
export function applyAutostart(plan: AutostartPlan, app: LoginItemSetter): string {
  switch (plan.kind) {
    case 'login-item':
      app.setLoginItemSettings({ openAtLogin: plan.openAtLogin, path: plan.path, args: plan.args });
      return plan.openAtLogin ? 'login item on' : 'login item off';
    case 'xdg':
      if (plan.enabled) {
        fs.mkdirSync(path.dirname(plan.file), { recursive: true });
        writeFileAtomicSync(plan.file, plan.content, { mode: 0o644 });
        return 'autostart entry written';
      }
      fs.rmSync(plan.file, { force: true });
      return 'autostart entry removed';
    case 'unsupported':
      return `start at login not supported on ${plan.platform}`;
  }
}
