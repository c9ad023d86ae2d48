/** The one window: sandboxed, context isolated, no Node; kiosk or desk sized; locked down. */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { StationMode } from '../../shared/domain';
import type { Logger } from '../logging/logger';
import { lockDownWindow } from './lockdown';
import { windowShape } from './window-behaviour';
import type { LockdownPolicy } from './station-lockdown';

export interface WindowOptions {
  mode: StationMode;
  /** `station.fullscreen`: null by mode (window-behaviour.ts). */
  fullscreen: boolean | null;
  policy: LockdownPolicy;
  preloadPath: string;
  rendererUrl: string | null;
  rendererFile: string;
  logger: Logger;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const portrait = options.mode === 'kiosk';
  const shape = windowShape(options.mode, options.fullscreen, options.policy);
  const win = new BrowserWindow({
    width: portrait ? 1080 : 1440,
    height: portrait ? 1920 : 900,
    minWidth: 800,
    minHeight: 600,
    show: false,
    kiosk: shape.kiosk,
    fullscreen: shape.fullscreen,
    minimizable: shape.minimizable,
    alwaysOnTop: shape.alwaysOnTop,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    title: 'CCCD Check-in',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: options.policy.devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  lockDownWindow(
    win,
    options.policy,
    shape,
    { rendererUrl: options.rendererUrl, rendererFile: options.rendererFile },
    options.logger,
  );

  const query = { mode: options.mode };
  if (options.rendererUrl) void win.loadURL(`${options.rendererUrl}?mode=${options.mode}`);
  else void win.loadFile(join(options.rendererFile), { query });
  return win;
}
