import type { TrackOutput } from '../../core/tracking';

const THUMB_W = 32;
const THUMB_H = 64;
let scratch: HTMLCanvasElement | null = null;

/**
 * Crops each freshly updated track from the current video frame into a small
 * data URL. Tracks not updated this frame keep their previous thumbnail;
 * thumbnails of tracks that ended are dropped, so the map stays bounded.
 */
export function captureThumbnails(
  video: HTMLVideoElement,
  tracks: readonly TrackOutput[],
  previous: ReadonlyMap<number, string>,
): Map<number, string> {
  scratch ??= Object.assign(document.createElement('canvas'), { width: THUMB_W, height: THUMB_H });
  const ctx = scratch.getContext('2d')!;
  const next = new Map<number, string>();
  for (const t of tracks) {
    const old = previous.get(t.id);
    if (old && t.timeSinceUpdate > 0) {
      next.set(t.id, old);
      continue;
    }
    const [x, y, w, h] = t.box;
    ctx.clearRect(0, 0, THUMB_W, THUMB_H);
    ctx.drawImage(video, x, y, Math.max(1, w), Math.max(1, h), 0, 0, THUMB_W, THUMB_H);
    next.set(t.id, scratch.toDataURL('image/jpeg', 0.7));
  }
  return next;
}
