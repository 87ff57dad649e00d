import type { MotRow } from '../metrics/motFormat.ts';
import { validateRefineConfig, type RefineConfig } from './config.ts';
import { gsiLengthScale, interpolateGaps, smoothTrack } from './gsi.ts';
import { interpolateCarried } from './interpolateCarried.ts';
import { linkTracklets } from './linkTracklets.ts';
import { buildTracklets } from './tracklets.ts';

export interface RefineOptions {
  readonly config?: Partial<RefineConfig>;
  /** Summed (or mean) detection embeddings by track id, for appearance in linking. */
  readonly embeddings?: ReadonlyMap<number, Float32Array>;
  /**
   * Frames (1-based) the detector ran on, when it skipped some (`--every k`):
   * rows on the others were carried online and are re-drawn between
   * detections (`interpolateCarried`). Omitted: every frame was detected.
   */
  readonly detectedFrames?: ReadonlySet<number>;
}

/**
 * Offline refinement of an online tracker's rows (MOT rows, 1-based frames):
 * 1. group rows into tracklets, one per id;
 * 2. link tracklets of one object across gaps (appearance, time, motion; exact LAP);
 * 3. give each chain its first tracklet's id;
 * 4. per track, re-draw boxes the online pass carried between detections
 *    (`interpolateCarried`, when `detectedFrames` is given), interpolate
 *    short gaps, then Gaussian-smooth (StrongSORT's GSI).
 * Returns new rows sorted by frame, then id; the input is not changed.
 */
export function refineTracks(rows: readonly MotRow[], frameRate: number, options: RefineOptions = {}): MotRow[] {
  const c = validateRefineConfig(options.config);
  const tracklets = buildTracklets(rows, c.velocityWindowSeconds * frameRate, options.embeddings);
  const newId = c.link ? linkTracklets(tracklets, frameRate, c) : new Map(tracklets.map((t) => [t.id, t.id]));
  const tracks = new Map<number, MotRow[]>();
  for (const t of tracklets) {
    const id = newId.get(t.id)!;
    const list = tracks.get(id) ?? tracks.set(id, []).get(id)!;
    for (const r of t.rows) list.push(r.id === id ? r : { ...r, id });
  }
  const maxGap = c.interpolate ? Math.round(c.maxInterpolateSeconds * frameRate) : 0;
  const tau = c.smoothTauSeconds * frameRate;
  const out: MotRow[] = [];
  const minRows = c.minTrackSeconds * frameRate;
  for (const list of tracks.values()) {
    if (list.length < minRows) continue;
    list.sort((a, b) => a.frame - b.frame);
    const detected = options.detectedFrames;
    const anchored = detected && c.interpolate ? interpolateCarried(list, (f) => detected.has(f)) : list;
    const filled = maxGap > 0 ? interpolateGaps(anchored, maxGap) : anchored;
    out.push(...(c.smooth ? smoothTrack(filled, gsiLengthScale(tau, filled.length)) : filled));
  }
  return out.sort((a, b) => a.frame - b.frame || a.id - b.id);
}
