/**
 * Plain-text table of metrics, one row per sequence, in the column order of
 * py-motmetrics' MOTChallenge summary plus HOTA. Percent metrics print with
 * one decimal; MOTP prints as the py-motmetrics distance (1 - IoU).
 */
import type { MotMetrics } from './types.ts';

interface Column {
  readonly title: string;
  readonly cell: (m: MotMetrics) => string;
}

const pct = (x: number): string => (Number.isNaN(x) ? 'nan' : `${(x * 100).toFixed(1)}%`);
const int = (x: number): string => String(x);

const COLUMNS: readonly Column[] = [
  { title: 'IDF1', cell: (m) => pct(m.IDF1) },
  { title: 'IDP', cell: (m) => pct(m.IDP) },
  { title: 'IDR', cell: (m) => pct(m.IDR) },
  { title: 'Rcll', cell: (m) => pct(m.recall) },
  { title: 'Prcn', cell: (m) => pct(m.precision) },
  { title: 'GT', cell: (m) => int(m.numUniqueObjects) },
  { title: 'MT', cell: (m) => int(m.MT) },
  { title: 'PT', cell: (m) => int(m.PT) },
  { title: 'ML', cell: (m) => int(m.ML) },
  { title: 'FP', cell: (m) => int(m.FP) },
  { title: 'FN', cell: (m) => int(m.FN) },
  { title: 'IDs', cell: (m) => int(m.IDSW) },
  { title: 'FM', cell: (m) => int(m.fragmentations) },
  { title: 'MOTA', cell: (m) => pct(m.MOTA) },
  { title: 'MOTP', cell: (m) => (Number.isNaN(m.MOTP) ? 'nan' : m.MOTP.toFixed(3)) },
  { title: 'HOTA', cell: (m) => pct(m.HOTA) },
  { title: 'DetA', cell: (m) => pct(m.DetA) },
  { title: 'AssA', cell: (m) => pct(m.AssA) },
  { title: 'LocA', cell: (m) => pct(m.LocA) },
];

export function formatMetricsTable(rows: ReadonlyArray<{ name: string; m: MotMetrics }>): string {
  const header = ['', ...COLUMNS.map((c) => c.title)];
  const body = rows.map(({ name, m }) => [name, ...COLUMNS.map((c) => c.cell(m))]);
  const widths = header.map((h, k) => Math.max(h.length, ...body.map((r) => r[k].length)));
  const line = (cells: string[]): string => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  return [line(header), ...body.map(line)].join('\n') + '\n';
}
