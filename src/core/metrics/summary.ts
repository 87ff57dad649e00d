/**
 * Machine-readable summaries of per-sequence metrics plus a combined row
 * (`npm run eval:mot` writes both): CSV with one row per sequence and the
 * same fields as JSON. Ratios are fractions (0..1), as in the metrics.
 */
import type { MotMetrics } from './types.ts';

/** Summary columns, in TrackEval's order of families: HOTA, CLEAR, identity, counts. */
export const SUMMARY_FIELDS = [
  'HOTA',
  'DetA',
  'AssA',
  'LocA',
  'MOTA',
  'MOTP',
  'recall',
  'precision',
  'FP',
  'FN',
  'IDSW',
  'fragmentations',
  'MT',
  'PT',
  'ML',
  'IDF1',
  'IDP',
  'IDR',
  'numUniqueObjects',
  'numGt',
  'numPredictions',
  'numFrames',
] as const satisfies ReadonlyArray<keyof MotMetrics>;

export type SummaryRow = { sequence: string } & Record<(typeof SUMMARY_FIELDS)[number], number>;

export function summaryRows(rows: ReadonlyArray<{ name: string; m: MotMetrics }>): SummaryRow[] {
  return rows.map(({ name, m }) => ({ sequence: name, ...Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, m[f]])) }) as SummaryRow);
}

/** RFC 4180 CSV; a sequence name with a comma or quote is quoted. */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = rows.map((r) => [quote(r.sequence), ...SUMMARY_FIELDS.map((f) => String(r[f]))].join(','));
  return `${['sequence', ...SUMMARY_FIELDS].join(',')}\n${lines.join('\n')}\n`;
}
