/** How Debian's Chromium is started for the specs and the screenshot scripts. */

/** No sandbox (root in a container), no GPU, nothing fetched in the background. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];

/**
 * A camera, permission granted as Electron grants it: `video` is a Y4M file it plays in a loop,
 * `pattern` Chromium's own test pattern, null no camera at all.
 */
export function cameraArgs(video: string | 'pattern' | null): string[] {
  return [
    '--disable-component-update',
    '--use-fake-ui-for-media-stream',
    ...(video ? ['--use-fake-device-for-media-stream'] : []),
    ...(video && video !== 'pattern' ? [`--use-file-for-fake-video-capture=${video}`] : []),
  ];
}
