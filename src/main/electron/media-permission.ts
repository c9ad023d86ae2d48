/**
 * Which permission requests the app's window may get (Electron asks main for each). Everything
 * is refused except the camera for the face check (issue 23): only to our own page, only on a
 * station that runs the check (a kiosk; the desk with face.atDesk), video only, never the
 * microphone. Plain function: src/main/index.ts wires it into the session's handlers.
 */
import type { FacePolicy, StationMode } from '../../shared/domain';
import { faceCheckApplies } from '../domain/face-decision';
import { isOwnPage, type OwnPage } from './navigation-guard';

export interface MediaPermissionRequest {
  /** Electron's permission name ('media', 'geolocation', 'notifications', ...) */
  permission: string;
  /** For 'media': the kinds asked for ('video', 'audio'); may be absent on permission checks. */
  mediaTypes?: readonly string[];
  /** The page (or frame) that asks. */
  requestingUrl: string;
}

export interface MediaPermissionContext {
  own: OwnPage;
  mode: StationMode;
  face: { policy: FacePolicy; atDesk: boolean };
}

export function mayGrantPermission(
  request: MediaPermissionRequest,
  context: MediaPermissionContext,
): boolean {
  if (request.permission !== 'media') return false;
  if (!faceCheckApplies({ policy: context.face.policy, mode: context.mode }, context.face.atDesk)) {
    return false;
  }
  if (!isOwnPage(request.requestingUrl, context.own)) return false;
  const types = request.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}
