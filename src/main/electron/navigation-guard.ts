/**
 * Which addresses the window may show: our own page only. A link, a redirect or a script that
 * tries to leave it is refused; a new window never opens. On a public station a link does not
 * reach the system browser either (that would be a way out of the kiosk).
 */
import type { LockdownPolicy } from './station-lockdown';

export interface OwnPage {
  /** The dev server's address in development, else null. */
  rendererUrl: string | null;
  /** The built renderer's index.html. */
  rendererFile: string;
}

function fileUrl(file: string): string {
  return `file://${file.replace(/\\/g, '/').replace(/^([A-Za-z]:)/, '/$1')}`;
}

/** True when `url` is our renderer (same document, any query or fragment). */
export function isOwnPage(url: string, own: OwnPage): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const base = new URL(own.rendererUrl ?? fileUrl(own.rendererFile));
  if (target.protocol !== base.protocol) return false;
  if (target.protocol === 'file:') return decodeURI(target.pathname) === decodeURI(base.pathname);
  return target.origin === base.origin;
}

export type WindowOpenDecision = { action: 'deny'; external: string | null };

/** A request for a new window: always denied; desk staff get https links in their browser. */
export function decideWindowOpen(url: string, policy: LockdownPolicy): WindowOpenDecision {
  const external = policy.externalLinks && /^https:\/\//i.test(url) ? url : null;
  return { action: 'deny', external };
}

/**
 * Whether a frame may navigate to `url`: the main frame only to our own page; a subframe never
 * (the app has no frames, so one that navigates was put there by someone else).
 */
export function mayFrameNavigate(url: string, isMainFrame: boolean, own: OwnPage): boolean {
  return isMainFrame && isOwnPage(url, own);
}

/** The session the slip windows lay slips out in (print-adapter.ts). */
export const SLIP_PRINT_PARTITION = 'slip-print';

/** Partitions whose permission handlers are set, beside the default session. */
export const GUARDED_PARTITIONS = [SLIP_PRINT_PARTITION] as const;
