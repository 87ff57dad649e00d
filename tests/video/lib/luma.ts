import { execFileSync } from 'node:child_process';

/** Luma grid of a clip's first frame as ffmpeg shows it (ffmpeg applies the rotation flag itself). */
export function ffmpegLumaGrid(path: string, width: number, height: number, extraFilter = ''): number[] {
  const vf = `${extraFilter ? `${extraFilter},` : ''}scale=${width}:${height}:flags=area`;
  const out = execFileSync('ffmpeg', [
    '-v',
    'error',
    '-nostdin',
    '-i',
    path,
    '-frames:v',
    '1',
    '-vf',
    vf,
    '-pix_fmt',
    'gray',
    '-f',
    'rawvideo',
    '-',
  ]);
  return [...out];
}

/** Pearson correlation; insensitive to the full/limited-range offset between RGB luma and Y. */
export function correlation(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) throw new Error(`grids differ in size: ${a.length} vs ${b.length}`);
  const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
  const ma = mean(a);
  const mb = mean(b);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    da += (a[i] - ma) ** 2;
    db += (b[i] - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}
