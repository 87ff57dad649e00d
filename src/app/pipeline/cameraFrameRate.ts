/**
 * The frame rate a camera stream reports, for the live tracker's clock. The
 * tracker's time settings (nInit, maxAge, gap fill) are in seconds and turned
 * into frames with this rate, so a 15 fps webcam (common in low light) or a
 * 10 fps test clip must not be counted as 30 fps: that would make every
 * duration 2-3x longer than set.
 */

/** Rates outside this range are not a camera's (a missing or bogus setting): the fallback is used. */
export const MIN_CAMERA_FPS = 1;
export const MAX_CAMERA_FPS = 240;

/** `reported` when it is a plausible camera rate, else undefined (keep the rate assumed so far). */
export function cameraFrameRate(reported: number | undefined): number | undefined {
  return reported !== undefined && Number.isFinite(reported) && reported >= MIN_CAMERA_FPS && reported <= MAX_CAMERA_FPS
    ? reported
    : undefined;
}

/** The rate the video element's camera track reports (`MediaTrackSettings.frameRate`), if any. */
export function reportedFrameRate(video: HTMLVideoElement): number | undefined {
  const stream = video.srcObject;
  if (!(typeof MediaStream !== 'undefined' && stream instanceof MediaStream)) return undefined;
  return stream.getVideoTracks()[0]?.getSettings().frameRate;
}
