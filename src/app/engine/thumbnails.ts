import { openVideo } from '../../browser/video';
import type { TrackOutput } from '../../core/tracking';
import type { TrackThumb } from '../video/protocol';

/** Thumbnail size in the track table (a standing person's proportions). */
const THUMB = { width: 32, height: 64 };

/** A small JPEG crop of `box` (source pixels) from `frame`. */
export async function thumbnail(frame: VideoFrame, box: readonly number[]): Promise<Blob> {
  const canvas = new OffscreenCanvas(THUMB.width, THUMB.height);
  const [x, y, w, h] = box;
  canvas.getContext('2d')!.drawImage(frame, x, y, Math.max(1, w), Math.max(1, h), 0, 0, THUMB.width, THUMB.height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.75 });
}

/** Each track's first box (frame index and box), as a re-track meets them: where its thumbnail is cut. */
export class FirstBoxes {
  readonly #seen = new Set<number>();
  /** Frame index → the tracks first seen on it. */
  readonly byFrame = new Map<number, Array<{ id: number; box: readonly number[] }>>();

  add(index: number, tracks: readonly TrackOutput[]): void {
    for (const t of tracks) {
      if (this.#seen.has(t.id)) continue;
      this.#seen.add(t.id);
      const list = this.byFrame.get(index) ?? [];
      list.push({ id: t.id, box: t.box });
      this.byFrame.set(index, list);
    }
  }
}

/**
 * Thumbnails of a re-track's tracks: `file` is decoded from its start up to
 * the last frame on which a track first appears, and each track is cut from
 * its first frame, as processing does. Decoding only (no detector).
 */
export async function thumbnailsOf(file: File, firsts: FirstBoxes, signal: AbortSignal, add: (thumb: TrackThumb) => void): Promise<void> {
  if (firsts.byFrame.size === 0) return;
  const last = Math.max(...firsts.byFrame.keys());
  const source = await openVideo(file, { signal });
  try {
    for await (const { frame, index } of source.frames({ signal })) {
      try {
        for (const { id, box } of firsts.byFrame.get(index) ?? []) add({ id, image: await thumbnail(frame, box) });
      } finally {
        frame.close();
      }
      if (index >= last) break;
    }
  } finally {
    source.close();
  }
}
