/** The lockdown's decisions, under plain Node: no Electron binary needed. */
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyAutostart,
  autostartPlan,
  quoteExecArg,
  xdgDesktopEntry,
} from '../../../src/main/electron/autostart';
import { describeCrash, PageRecovery } from '../../../src/main/electron/crash-recovery';
import {
  decideWindowOpen,
  GUARDED_PARTITIONS,
  isOwnPage,
  mayFrameNavigate,
} from '../../../src/main/electron/navigation-guard';
import { mayGrantPermission } from '../../../src/main/electron/media-permission';
import { lockdownPolicy, mayCloseWindow } from '../../../src/main/electron/station-lockdown';
import { reactionTo, windowShape } from '../../../src/main/electron/window-behaviour';
import { parseConfig } from '../../../src/main/config/load-config';
import { resolveDataDir } from '../../../src/main/config/data-dir';

describe('lockdown policy', () => {
  it('locks kiosk and display: no menu, no DevTools, no system browser, display awake', () => {
    for (const mode of ['kiosk', 'display'] as const) {
      expect(lockdownPolicy({ mode, argv: ['electron', '.'] })).toEqual({
        locked: true,
        applicationMenu: false,
        devTools: false,
        externalLinks: false,
        preventDisplaySleep: true,
        userMayClose: false,
      });
    }
  });

  it('--dev turns DevTools on, and nothing else', () => {
    const dev = lockdownPolicy({
      mode: 'kiosk',
      argv: ['electron', '.', '--dev'],
    });
    expect(dev).toMatchObject({ devTools: true, applicationMenu: false, externalLinks: false });
  });

  it('a staff desk keeps its menu and links; DevTools only with --dev, packaged or not', () => {
    expect(lockdownPolicy({ mode: 'desk', argv: [] })).toEqual({
      locked: false,
      applicationMenu: true,
      devTools: false,
      externalLinks: true,
      preventDisplaySleep: false,
      userMayClose: true,
    });
    expect(lockdownPolicy({ mode: 'room', argv: [] }).devTools).toBe(false);
    expect(lockdownPolicy({ mode: 'desk', argv: ['electron', '.'] }).devTools).toBe(false);
    expect(lockdownPolicy({ mode: 'desk', argv: ['electron', '.', '--dev'] }).devTools).toBe(true);
  });
});

describe('closing the window', () => {
  it('a kiosk window closes only when the app quits (no Alt+F4 to the desktop); a desk one any time', () => {
    const kiosk = lockdownPolicy({ mode: 'kiosk', argv: [] });
    const desk = lockdownPolicy({ mode: 'desk', argv: [] });
    expect(mayCloseWindow(kiosk, false)).toBe(false);
    expect(mayCloseWindow(kiosk, true)).toBe(true);
    expect(mayCloseWindow(desk, false)).toBe(true);
  });
});

describe('navigation guard', () => {
  const built = { rendererUrl: null, rendererFile: '/opt/kiosk/out/renderer/index.html' };
  const dev = { rendererUrl: 'http://localhost:5173', rendererFile: '/x/index.html' };

  it('allows our own page, with any query or fragment', () => {
    expect(isOwnPage('file:///opt/kiosk/out/renderer/index.html?mode=kiosk#x', built)).toBe(true);
    expect(isOwnPage('http://localhost:5173/?mode=desk', dev)).toBe(true);
  });

  it('refuses every other address', () => {
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'file:///opt/kiosk/out/renderer/other.html',
      'http://localhost:5174/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isOwnPage(url, built) || isOwnPage(url, dev)).toBe(false);
    }
  });

  it('never opens a window; only a desk sends https links to the system browser', () => {
    const kiosk = lockdownPolicy({ mode: 'kiosk', argv: [] });
    const desk = lockdownPolicy({ mode: 'desk', argv: [] });
    expect(decideWindowOpen('https://baohiemxahoi.gov.vn', kiosk)).toEqual({
      action: 'deny',
      external: null,
    });
    expect(decideWindowOpen('https://baohiemxahoi.gov.vn', desk)).toEqual({
      action: 'deny',
      external: 'https://baohiemxahoi.gov.vn',
    });
    expect(decideWindowOpen('file:///etc/passwd', desk).external).toBeNull();
  });
});

describe('page recovery', () => {
  it('reloads a crashed or hung page, and relaunches when reloading does not help', () => {
    let now = 0;
    const recovery = new PageRecovery({ now: () => now, maxReloads: 2, windowMs: 60_000 });
    expect(recovery.onGone('clean-exit')).toBe('none');
    expect(recovery.onGone('crashed')).toBe('reload');
    now += 1000;
    expect(recovery.onHung()).toBe('reload');
    now += 1000;
    expect(recovery.onGone('oom')).toBe('relaunch');
    // Reloads long ago no longer count.
    now += 120_000;
    expect(recovery.onGone('crashed')).toBe('reload');
  });

  it('describes a crash without its message', () => {
    const err = Object.assign(new TypeError('cannot read Nguyễn Văn An 001085012345'), {
      code: 'ERR_X',
    });
    const described = describeCrash(err);
    expect(described).toMatchObject({ name: 'TypeError', code: 'ERR_X' });
    expect(described.at).toContain('lockdown.test.ts');
    expect(JSON.stringify(described)).not.toContain('001085012345');
    expect(describeCrash('text')).toEqual({ name: 'string', code: null, at: 'unknown' });
  });
});

describe('start at login', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  const base = {
    enabled: true,
    execPath: '/opt/CCCD Check-in/cccd-checkin',
    args: [] as string[],
    homeDir: '/home/kiosk',
  };

  it('keeps the data folder of a station started with KIOSK_DATA_DIR (login has no such variable)', () => {
    const env = { KIOSK_DATA_DIR: '/srv/kiosk K02' };
    const linux = autostartPlan({ ...base, platform: 'linux', env });
    if (linux.kind !== 'xdg') throw new Error(linux.kind);
    expect(linux.content).toContain(
      'Exec="/opt/CCCD Check-in/cccd-checkin" "--data-dir=/srv/kiosk K02"\n',
    );
    expect(autostartPlan({ ...base, platform: 'win32', env })).toMatchObject({
      args: ['--data-dir=/srv/kiosk K02'],
    });
    // ... and the app started that way opens that folder.
    expect(resolveDataDir({}, ['/opt/x', '--data-dir=/srv/kiosk K02'])).toBe('/srv/kiosk K02');
    expect(resolveDataDir({ KIOSK_DATA_DIR: '/a' }, [])).toBe('/a');
  });

  it('uses a login item on Windows', () => {
    const plan = autostartPlan({ ...base, platform: 'win32', env: {} });
    expect(plan).toEqual({
      kind: 'login-item',
      openAtLogin: true,
      path: base.execPath,
      args: [],
    });
    const calls: unknown[] = [];
    expect(applyAutostart(plan, { setLoginItemSettings: (s) => calls.push(s) })).toBe(
      'login item on',
    );
    expect(calls).toEqual([{ openAtLogin: true, path: base.execPath, args: [] }]);
  });

  it('writes an XDG autostart entry on Linux, in XDG_CONFIG_HOME or ~/.config', () => {
    expect(autostartPlan({ ...base, platform: 'linux', env: {} })).toMatchObject({
      kind: 'xdg',
      file: '/home/kiosk/.config/autostart/cccd-checkin-kiosk.desktop',
    });
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-xdg-'));
    const plan = autostartPlan({ ...base, platform: 'linux', env: { XDG_CONFIG_HOME: dir } });
    const noLoginItems = {
      setLoginItemSettings: () => {
        throw new Error('not on Linux');
      },
    };
    expect(applyAutostart(plan, noLoginItems)).toBe('autostart entry written');
    const file = path.join(dir, 'autostart', 'cccd-checkin-kiosk.desktop');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('[Desktop Entry]');
    expect(text).toContain('Type=Application\n');
    expect(text).toContain('Exec="/opt/CCCD Check-in/cccd-checkin"\n');
    // Turned off in the configuration: the entry goes.
    const off = autostartPlan({
      ...base,
      enabled: false,
      platform: 'linux',
      env: { XDG_CONFIG_HOME: dir },
    });
    expect(applyAutostart(off, noLoginItems)).toBe('autostart entry removed');
    expect(existsSync(file)).toBe(false);
  });

  it('ignores a relative XDG_CONFIG_HOME (the XDG specification says it is invalid)', () => {
    expect(
      autostartPlan({ ...base, platform: 'linux', env: { XDG_CONFIG_HOME: 'conf' } }),
    ).toMatchObject({ file: '/home/kiosk/.config/autostart/cccd-checkin-kiosk.desktop' });
  });

  it('quotes Exec arguments as the Desktop Entry specification asks', () => {
    expect(quoteExecArg('/usr/bin/app')).toBe('/usr/bin/app');
    expect(quoteExecArg('a b')).toBe('"a b"');
    expect(quoteExecArg('say "$HOME" `x` \\')).toBe('"say \\"\\$HOME\\" \\`x\\` \\\\"');
    expect(quoteExecArg('100%')).toBe('100%%');
    expect(xdgDesktopEntry('/app', ['--x'])).toContain('Exec=/app --x\n');
  });
});

describe('kiosk and display windows: full screen, not minimised, not left behind', () => {
  const kiosk = lockdownPolicy({ mode: 'kiosk', argv: [] });
  const display = lockdownPolicy({ mode: 'display', argv: [] });
  const desk = lockdownPolicy({ mode: 'desk', argv: [] });

  it('a public station fills the screen by default; staff stations are windows', () => {
    expect(windowShape('kiosk', null, kiosk)).toEqual({
      kiosk: true,
      fullscreen: true,
      minimizable: false,
      alwaysOnTop: true,
    });
    expect(windowShape('display', null, display).fullscreen).toBe(true);
    expect(windowShape('desk', null, desk)).toEqual({
      kiosk: false,
      fullscreen: false,
      minimizable: true,
      alwaysOnTop: false,
    });
    // Set on purpose, the configuration wins (a test bench kiosk in a window, a full-screen desk).
    expect(windowShape('kiosk', false, kiosk)).toMatchObject({
      fullscreen: false,
      minimizable: false,
    });
    expect(windowShape('desk', true, desk)).toMatchObject({ kiosk: false, fullscreen: true });
  });

  it('the configuration default is "by mode"', () => {
    expect(parseConfig({}, 'x.json').station.fullscreen).toBeNull();
  });

  it('a public station puts itself back after a minimise, a blur or leaving full screen', () => {
    const shape = windowShape('kiosk', null, kiosk);
    expect(reactionTo('minimize', kiosk, shape, false)).toBe('restore');
    expect(reactionTo('blur', kiosk, shape, false)).toBe('focus');
    expect(reactionTo('leave-full-screen', kiosk, shape, false)).toBe('fullscreen-again');
    // DevTools opened with --dev take the focus on purpose.
    expect(reactionTo('blur', kiosk, shape, true)).toBe('none');
    const windowed = windowShape('kiosk', false, kiosk);
    expect(reactionTo('leave-full-screen', kiosk, windowed, false)).toBe('none');
    expect(reactionTo('minimize', kiosk, windowed, false)).toBe('restore');
  });

  it('a staff window is left alone', () => {
    const shape = windowShape('desk', null, desk);
    for (const event of ['minimize', 'blur', 'leave-full-screen'] as const) {
      expect(reactionTo(event, desk, shape, false)).toBe('none');
    }
  });
});

describe('every web contents and session (Electron checklist)', () => {
  const own = { rendererUrl: null, rendererFile: '/opt/kiosk/out/renderer/index.html' };

  it('a frame navigates only as the main frame, only to our page', () => {
    expect(
      mayFrameNavigate('file:///opt/kiosk/out/renderer/index.html?mode=kiosk', true, own),
    ).toBe(true);
    expect(mayFrameNavigate('https://evil.example/', true, own)).toBe(false);
    expect(mayFrameNavigate('data:text/html,<h1>x</h1>', true, own)).toBe(false);
    // The app has no frames: a subframe going anywhere, even to our page, is refused.
    expect(mayFrameNavigate('file:///opt/kiosk/out/renderer/index.html', false, own)).toBe(false);
  });

  it('no permission but the face check camera is granted, and the slip printer partition is guarded too', () => {
    // Our own page on a station whose face check is off: nothing at all, the camera included.
    const context = {
      own: { rendererUrl: null, rendererFile: '/opt/kiosk/out/renderer/index.html' },
      mode: 'kiosk' as const,
      face: { policy: 'off' as const, atDesk: false },
    };
    const requestingUrl = 'file:///opt/kiosk/out/renderer/index.html';
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'hid',
      'serial',
      'usb',
      'openExternal',
    ]) {
      expect(
        mayGrantPermission({ permission, mediaTypes: ['video'], requestingUrl }, context),
      ).toBe(false);
    }
    expect(GUARDED_PARTITIONS).toContain('slip-print');
  });
});
