/**
 * Electron's side of the station lockdown: applies the plain decisions of station-lockdown.ts,
 * navigation-guard.ts, crash-recovery.ts and autostart.ts to the app and its window. Thin on
 * purpose: every choice made here is tested in those modules.
 */
import {
  app,
  Menu,
  powerSaveBlocker,
  session,
  shell,
  type BrowserWindow,
  type Session,
  type WebContents,
} from 'electron';
import os from 'node:os';
import type { Logger } from '../logging/logger';
import { applyAutostart, autostartPlan } from './autostart';
import { describeCrash, PageRecovery, type RecoveryAction } from './crash-recovery';
import {
  decideWindowOpen,
  GUARDED_PARTITIONS,
  isOwnPage,
  mayFrameNavigate,
  type OwnPage,
} from './navigation-guard';
import { mayGrantPermission, type MediaPermissionContext } from './media-permission';
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

/**
 * Permissions, asked (request) or checked (check), in every session we use: none, except the
 * camera for the face check to our own page where it runs (media-permission.ts decides); the
 * slip windows' partition gets `null`, so nothing at all.
 */
function guardPermissions(s: Session, media: MediaPermissionContext | null): void {
  s.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(
      media !== null &&
        mayGrantPermission(
          {
            permission,
            mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
            requestingUrl: details.requestingUrl,
          },
          media,
        ),
    ),
  );
  s.setPermissionCheckHandler(
    (_wc, permission, requestingOrigin, details) =>
      media !== null &&
      mayGrantPermission(
        {
          permission,
          mediaTypes: details.mediaType ? [details.mediaType] : undefined,
          requestingUrl: details.requestingUrl ?? requestingOrigin,
        },
        media,
      ),
  );
}

/**
 * Before any window: every web contents the app ever creates (the main window, the slip
 * windows, anything a page might make) opens no window, attaches no webview and navigates no
 * frame away from our page; no session grants a permission but the face check's camera.
 */
export function lockDownContents(
  own: OwnPage,
  media: MediaPermissionContext,
  logger: Logger,
): void {
  guardPermissions(session.defaultSession, media);
  for (const partition of GUARDED_PARTITIONS)
    guardPermissions(session.fromPartition(partition), null);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => {
      if (mayFrameNavigate(event.url, event.isMainFrame, own)) return;
      event.preventDefault();
      logger.warn('frame navigation refused', { mainFrame: event.isMainFrame });
    });
  });
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
