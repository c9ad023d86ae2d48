/**
 * Electron's side of the station lockdown: applies the plain decisions of station-lockdown.ts,
 * navigation-guard.ts, crash-recovery.ts and autostart.ts to the app and its window. Thin on
 * purpose: every choice made here is tested in those modules.
 */
import { app, Menu, powerSaveBlocker, shell, type BrowserWindow } from 'electron';
import os from 'node:os';
import type { Logger } from '../logging/logger';
import { applyAutostart, autostartPlan } from './autostart';
import { describeCrash, PageRecovery, type RecoveryAction } from './crash-recovery';
import { decideWindowOpen, isOwnPage, type OwnPage } from './navigation-guard';
import { mayCloseWindow, type LockdownPolicy } from './station-lockdown';
import { reactionTo, type WindowEvent, type WindowShape } from './window-behaviour';

/** How long a page may stay unresponsive before it is reloaded. */
const HUNG_GRACE_MS = 15_000;

/** Set once the app starts quitting: from then on windows close (mayCloseWindow). */
let appQuitting = false;

/** Before any window: the menu, uncaught exceptions, start at login, the display kept awake. */
export function lockDownApp(policy: LockdownPolicy, startAtLogin: boolean, logger: Logger): void {
  if (!policy.applicationMenu) Menu.setApplicationMenu(null);
  app.on('before-quit', () => {
    appQuitting = true;
  });

  process.on('uncaughtException', (err) => {
    logger.error('uncaught exception, relaunching', describeCrash(err));
    app.relaunch();
    app.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled rejection', describeCrash(reason));
  });

  if (policy.preventDisplaySleep) powerSaveBlocker.start('prevent-display-sleep');

  try {
    const plan = autostartPlan({
      enabled: startAtLogin,
      platform: process.platform,
      execPath: process.execPath,
      // Packaged: the executable alone; in development Electron also needs the app's folder.
      args: app.isPackaged ? [] : [app.getAppPath()],
      env: process.env,
      homeDir: os.homedir(),
    });
    logger.info('start at login', { result: applyAutostart(plan, app) });
  } catch (err) {
    logger.warn('start at login not set', describeCrash(err));
  }
}

/** On the window: our page only, no new windows, no DevTools, reload when the page dies. */
export function lockDownWindow(
  win: BrowserWindow,
  policy: LockdownPolicy,
  shape: WindowShape,
  own: OwnPage,
  logger: Logger,
): void {
  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, policy);
    if (decision.external) void shell.openExternal(decision.external);
    else logger.warn('new window refused');
    return { action: decision.action };
  });
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (isOwnPage(url, own)) return;
    event.preventDefault();
    logger.warn('navigation refused');
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  win.on('close', (event) => {
    if (mayCloseWindow(policy, appQuitting)) return;
    event.preventDefault();
    logger.warn('window close refused');
  });
  if (!policy.devTools) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
  const putBack = (event: WindowEvent): void => {
    const reaction = reactionTo(event, policy, shape, contents.isDevToolsOpened());
    if (reaction === 'none' || win.isDestroyed()) return;
    logger.warn('window put back', { event, reaction });
    if (reaction === 'restore') win.restore();
    else if (reaction === 'focus') win.focus();
    else win.setFullScreen(true);
    if (shape.alwaysOnTop) win.setAlwaysOnTop(true, 'screen-saver');
  };
  win.on('minimize', () => putBack('minimize'));
  win.on('blur', () => putBack('blur'));
  win.on('leave-full-screen', () => putBack('leave-full-screen'));

  const recovery = new PageRecovery();
  const act = (action: RecoveryAction, why: string): void => {
    if (action === 'none' || win.isDestroyed()) return;
    logger.error('page recovery', { why, action });
    if (action === 'reload') contents.reload();
    else {
      app.relaunch();
      app.exit(1);
    }
  };
  contents.on('render-process-gone', (_event, details) =>
    act(recovery.onGone(details.reason), `render-process-gone:${details.reason}`),
  );
  let hung: NodeJS.Timeout | null = null;
  win.on('unresponsive', () => {
    hung ??= setTimeout(() => {
      hung = null;
      act(recovery.onHung(), 'unresponsive');
    }, HUNG_GRACE_MS);
  });
  win.on('responsive', () => {
    if (hung) clearTimeout(hung);
    hung = null;
  });
}
