import type { MotRow } from '../metrics/motFormat.ts';
import type { TrackClass } from './jsonExport.ts';

export const TRACKS_CSV_HEADER = 'frame,id,class,x,y,width,height,score,custom_label';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Tracks as CSV for spreadsheets: one row per box (the MOT file's rows,
 * 1-based frames, source pixels), with the track's class and custom label.
 */
export function formatTracksCsv(rows: readonly MotRow[], classes: ReadonlyMap<number, TrackClass>): string {
  const lines = [TRACKS_CSV_HEADER];
  for (const r of rows) {
    const cls = classes.get(r.id);
    const cells = [r.frame, r.id, field(cls?.label ?? 'object'), ...r.box, r.conf, field(cls?.customLabel ?? '')];
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
