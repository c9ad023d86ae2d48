/** The one window: locked down (sandbox, context isolation, no Node), kiosk or desk sized. */
import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import type { StationMode } from '../../shared/domain';

export interface WindowOptions {
  mode: StationMode;
  fullscreen: boolean;
  preloadPath: string;
  rendererUrl: string | null;
  rendererFile: string;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const kiosk = options.mode === 'kiosk' && options.fullscreen;
  const win = new BrowserWindow({
    width: options.mode === 'kiosk' ? 1080 : 1440,
    height: options.mode === 'kiosk' ? 1920 : 900,
    minWidth: 800,
    minHeight: 600,
    show: false,
    kiosk,
    fullscreen: kiosk,
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
    },
  });
  win.once('ready-to-show', () => win.show());

  // Nothing but our own page loads in this window; links go to the system browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (options.rendererUrl && url.startsWith(options.rendererUrl)) return;
    event.preventDefault();
  });

  const query = { mode: options.mode };
  if (options.rendererUrl) void win.loadURL(`${options.rendererUrl}?mode=${options.mode}`);
  else void win.loadFile(join(options.rendererFile), { query });
  return win;
}
