import type { MotRow } from '../metrics/motFormat.ts';
import { validateRefineConfig, type RefineConfig } from './config.ts';
import { gsiLengthScale, interpolateGaps, smoothTrack } from './gsi.ts';
import { linkTracklets } from './linkTracklets.ts';
import { buildTracklets } from './tracklets.ts';

export interface RefineOptions {
  readonly config?: Partial<RefineConfig>;
  /** Summed (or mean) detection embeddings by track id, for appearance in linking. */
  readonly embeddings?: ReadonlyMap<number, Float32Array>;
}

/**
 * Offline refinement of an online tracker's rows (MOT rows, 1-based frames):
 * 1. group rows into tracklets, one per id;
 * 2. link tracklets of one object across gaps (appearance, time, motion; exact LAP);
 * 3. give each chain its first tracklet's id;
 * 4. per track, interpolate short gaps, then Gaussian-smooth (StrongSORT's GSI).
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
    const filled = maxGap > 0 ? interpolateGaps(list, maxGap) : list;
    out.push(...(c.smooth ? smoothTrack(filled, gsiLengthScale(tau, filled.length)) : filled));
  }
  return out.sort((a, b) => a.frame - b.frame || a.id - b.id);
}
