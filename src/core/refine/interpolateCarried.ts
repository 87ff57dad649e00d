import type { MotRow } from '../metrics/motFormat.ts';

/**
 * Offline, boxes between detections need not be guesses. Online, a track's
 * box on a frame the detector skipped is its last detection carried forward
 * (motion model, pixel motion); once the whole video is processed, the
 * track's next detection is known too. Each carried row lying between two
 * of the track's rows on detected frames is replaced by linear
 * interpolation between those two boxes (score: the lower of the two).
 * Carried rows after the track's last detection keep their carried box;
 * frames without a row stay empty (gap filling is `interpolateGaps`).
 *
 * `rows`: one track, sorted by frame. `detected(frame)`: whether the
 * detector ran on that (1-based) frame.
 */
export function interpolateCarried(rows: readonly MotRow[], detected: (frame: number) => boolean): MotRow[] {
  const out = rows.slice();
  let from = -1;
  for (let k = 0; k < rows.length; k++) {
    if (!detected(rows[k].frame)) continue;
    if (from >= 0 && k - from > 1) {
      const [a, b] = [rows[from], rows[k]];
      for (let j = from + 1; j < k; j++) {
        const t = (rows[j].frame - a.frame) / (b.frame - a.frame);
        const lerp = (i: number) => a.box[i] + (b.box[i] - a.box[i]) * t;
        out[j] = { ...rows[j], box: [lerp(0), lerp(1), lerp(2), lerp(3)], conf: Math.min(a.conf, b.conf) };
      }
    }
    from = k;
  }
  return out;
}
