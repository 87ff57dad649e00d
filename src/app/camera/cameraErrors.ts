/**
 * Turns a getUserMedia / device failure into a message that tells the user
 * what happened and what to do. Pure, so it is unit-tested without a browser.
 */
export function describeCameraError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera permission was denied. Allow camera access for this page in the browser’s site settings, then press Start camera.';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Connect a camera (or pick another one in the list), then press Start camera.';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'The camera could not be opened; another application may be using it. Close it, then press Start camera.';
    case 'NoMediaDevices':
      return 'Camera access needs a secure page (https or localhost) and a browser with getUserMedia.';
    case 'TrackEnded':
      return 'The camera stopped delivering frames (unplugged or taken by another application). Reconnect it, then press Start camera.';
    default:
      return `The camera failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A named error for conditions the browser itself does not raise. */
export function cameraError(name: 'NoMediaDevices' | 'TrackEnded'): Error {
  const e = new Error(name);
  e.name = name;
  return e;
}
