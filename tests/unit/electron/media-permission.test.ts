/** The camera permission for the face check (src/main/electron/media-permission.ts). */
import { describe, expect, it } from 'vitest';
import {
  mayGrantPermission,
  type MediaPermissionContext,
} from '../../../src/main/electron/media-permission';

const own = { rendererUrl: null, rendererFile: '/opt/kiosk/out/renderer/index.html' };
const page = 'file:///opt/kiosk/out/renderer/index.html#/';
const kiosk: MediaPermissionContext = {
  own,
  mode: 'kiosk',
  face: { policy: 'optional', atDesk: false },
};
const camera = { permission: 'media', mediaTypes: ['video'], requestingUrl: page };

describe('camera permission', () => {
  it('the kiosk page gets the camera for the face check', () => {
    expect(mayGrantPermission(camera, kiosk)).toBe(true);
  });

  it('never the microphone, never another permission', () => {
    expect(mayGrantPermission({ ...camera, mediaTypes: ['video', 'audio'] }, kiosk)).toBe(false);
    expect(mayGrantPermission({ ...camera, mediaTypes: ['audio'] }, kiosk)).toBe(false);
    expect(mayGrantPermission({ ...camera, mediaTypes: [] }, kiosk)).toBe(false);
    expect(mayGrantPermission({ ...camera, mediaTypes: undefined }, kiosk)).toBe(false);
    for (const permission of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'display-capture',
    ]) {
      expect(mayGrantPermission({ ...camera, permission }, kiosk)).toBe(false);
    }
  });

  it('only our own page: not another file, not a web address', () => {
    expect(mayGrantPermission({ ...camera, requestingUrl: 'file:///tmp/evil.html' }, kiosk)).toBe(
      false,
    );
    expect(mayGrantPermission({ ...camera, requestingUrl: 'https://example.com/' }, kiosk)).toBe(
      false,
    );
    expect(mayGrantPermission({ ...camera, requestingUrl: 'not a url' }, kiosk)).toBe(false);
  });

  it('only where the check runs: not with policy off, not on a room or display, desk if atDesk', () => {
    expect(mayGrantPermission(camera, { ...kiosk, face: { policy: 'off', atDesk: true } })).toBe(
      false,
    );
    expect(mayGrantPermission(camera, { ...kiosk, mode: 'room' })).toBe(false);
    expect(mayGrantPermission(camera, { ...kiosk, mode: 'display' })).toBe(false);
    expect(mayGrantPermission(camera, { ...kiosk, mode: 'desk' })).toBe(false);
    expect(
      mayGrantPermission(camera, {
        ...kiosk,
        mode: 'desk',
        face: { policy: 'optional', atDesk: true },
      }),
    ).toBe(true);
  });
});
