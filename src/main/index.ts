/**
 * Electron's main entry. It only wires: the services (plain Node, built by the composition root)
 * to a window and to IPC. Single instance, the station mode from configuration (with the
 * lockdown of public stations: src/main/electron/lockdown.ts), graceful shutdown that closes
 * readers, the database and the lookup client before exiting.
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices, type AppServices } from './app-services';
import { resolveDataDir } from './config/data-dir';
import { loadConfig } from './config/load-config';
import { registerIpc } from './electron/ipc';
import type { MediaPermissionContext } from './electron/media-permission';
import { lockDownApp, lockDownContents } from './electron/lockdown';
import { lockdownPolicy } from './electron/station-lockdown';
import { createMainWindow } from './electron/window';
import { createElectronPrintAdapter } from './electron/print-adapter';
import { createLogger, type FileLogger } from './logging/file-logger';
import { toErrorShape } from '../shared/errors';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolveDataDir(process.env, process.argv);
app.setPath('userData', dataDir);

/** Start-up failures: stderr always, a dialog for people (not for headless tests). */
function showFatal(title: string, vi: string, en: string): void {
  process.stderr.write(`${title}: ${en}\n`);
  if (!process.env.KIOSK_NO_DIALOGS) dialog.showErrorBox(title, `${vi}\n\n${en}`);
}

if (!app.requestSingleInstanceLock()) {
  // Two instances would fight over the reader and the database: hand over to the first one.
  app.quit();
} else {
  let services: AppServices | null = null;
  let window: BrowserWindow | null = null;
  let unregisterIpc: (() => void) | null = null;
  let fileLogger: FileLogger | null = null;

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  async function start(): Promise<void> {
    let loaded;
    try {
      loaded = loadConfig(dataDir);
    } catch (err) {
      // Refuse to start on a bad configuration file rather than guess: say which field.
      const shape = toErrorShape(err);
      showFatal(
        'Cấu hình không hợp lệ / Invalid configuration',
        shape.message.vi,
        shape.message.en,
      );
      app.exit(2);
      return;
    }
    const { config } = loaded;
    fileLogger = createLogger({
      dataDir,
      level: config.log.level,
      maxFileBytes: config.log.maxFileBytes,
      maxFiles: config.log.maxFiles,
      console: !app.isPackaged,
    });
    const logger = fileLogger.child({ proc: 'main' });

    // Strict CSP on every response, on top of the page's own meta tag.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [
            // 'wasm-unsafe-eval': the face check's TensorFlow.js compiles its own WebAssembly (served
            // by us); it allows WebAssembly compilation only, not eval() or inline script.
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; media-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
          ],
        },
      });
    });
    // Everything refused but the camera for the face check, to our page only (media-permission.ts).
    const rendererUrlForPermissions = !app.isPackaged
      ? (process.env.ELECTRON_RENDERER_URL ?? null)
      : null;
    const permissionContext: MediaPermissionContext = {
      own: {
        rendererUrl: rendererUrlForPermissions,
        rendererFile: join(here, '../renderer/index.html'),
      },
      mode: config.station.mode,
      face: { policy: config.face.policy, atDesk: config.face.atDesk },
    };

    const policy = lockdownPolicy({
      mode: config.station.mode,
      argv: process.argv,
    });
    lockDownApp(policy, config.station.startAtLogin, logger);

    const print = createElectronPrintAdapter();
    try {
      services = await createAppServices({
        dataDir,
        config,
        logger,
        pdfRenderer: print.pdfRenderer,
        systemPrint: print.systemPrint,
      });
    } catch (err) {
      const shape = toErrorShape(err);
      logger.error('start-up failed', { code: shape.code });
      showFatal('Không khởi động được / Cannot start', shape.message.vi, shape.message.en);
      // app.exit skips the quit events: get the line to disk first.
      await fileLogger.flush();
      app.exit(1);
      return;
    }

    const rendererUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
    lockDownContents(
      { rendererUrl, rendererFile: join(here, '../renderer/index.html') },
      permissionContext,
      logger,
    );
    window = createMainWindow({
      mode: config.station.mode,
      fullscreen: config.station.fullscreen,
      policy,
      logger,
      preloadPath: join(here, '../preload/index.cjs'),
      rendererUrl,
      rendererFile: join(here, '../renderer/index.html'),
    });
    const trustedId = window.webContents.id;
    unregisterIpc = registerIpc(
      { handlers: services.handlers, mode: config.station.mode, logger },
      services.events,
      (event) => event.sender.id === trustedId,
    );
    window.on('closed', () => {
      window = null;
    });
  }

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !services) return;
    // Finish writes and release the reader before the process goes away.
    event.preventDefault();
    quitting = true;
    unregisterIpc?.();
    const closing = services.close();
    services = null;
    // Log lines are written in the background: get them to disk before the process goes.
    void closing.finally(() => fileLogger?.flush()).finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  void app.whenReady().then(start);
}
