/**
 * MOTChallenge CSV reader and writer.
 *
 * Row layout: `frame,id,bb_left,bb_top,bb_width,bb_height[,conf[,class,visibility[,z]]]`.
 * Boxes are source pixels. Accepted column counts:
 * - 6: no confidence (conf defaults to 1);
 * - 7: with confidence;
 * - 9: MOT16/17 ground truth, columns 8 and 9 are class id and visibility;
 * - 10: MOT15 layout, columns 8-10 are world x, y, z (often -1) and are not kept.
 *   py-motmetrics reads columns 8/9 of this layout as class/visibility, but MOT15
 *   ground truth (e.g. ETH-Sunnyday) stores world coordinates there, so we drop them.
 *
 * Fields may be separated by commas (with optional spaces) or by whitespace.
 * Blank lines are skipped; a first line whose first field is `frame` is taken
 * as a header. Any other line that cannot be read throws `MotParseError`.
 */
import type { Tlwh } from '../geometry/boxes.ts';
import { MotParseError } from './MotParseError.ts';

export interface MotRow {
  /** Frame number (integer, 1-based in MOTChallenge files). */
  readonly frame: number;
  /** Track / object id (integer; -1 for raw detections). */
  readonly id: number;
  /** Box in source pixels. */
  readonly box: Tlwh;
  /** Detection confidence; for ground truth, 0 marks rows to ignore. */
  readonly conf: number;
  /** MOT16/17 class id (9-column files only). */
  readonly classId?: number;
  /** MOT16/17 visibility ratio 0..1 (9-column files only). */
  readonly visibility?: number;
}

const ALLOWED_COLUMN_COUNTS = [6, 7, 9, 10] as const;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const FIELD_NAMES = ['frame', 'id', 'bb_left', 'bb_top', 'bb_width', 'bb_height', 'conf', 'col8', 'col9', 'col10'];

function splitFields(line: string): string[] | string {
  if (!line.includes(',')) return line.split(/\s+/);
  const fields = line.split(',').map((f) => f.trim());
  if (fields.length > 1 && fields[fields.length - 1] === '') fields.pop(); // tolerate one trailing comma
  const empty = fields.indexOf('');
  return empty >= 0 ? `empty field in column ${empty + 1} (${FIELD_NAMES[empty] ?? '?'})` : fields;
}

function toNumbers(fields: string[]): number[] | string {
  const values: number[] = [];
  for (let c = 0; c < fields.length; c++) {
    const text = fields[c];
    // The pattern alone lets "1e999" through as Infinity, so check the value too.
    const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value)) {
      return `column ${c + 1} (${FIELD_NAMES[c]}) is not a finite number: "${text}"`;
    }
    values.push(value);
  }
  return values;
}

function validate(values: number[]): string | null {
  const [frame, id, , , w, h] = values;
  // Safe integers only: beyond 2^53 distinct frames or ids would silently collapse into one.
  if (!Number.isSafeInteger(frame) || frame < 0) return `frame must be a non-negative integer, got ${frame}`;
  if (!Number.isSafeInteger(id)) return `id must be an integer, got ${id}`;
  if (w < 0) return `bb_width must be >= 0, got ${w}`;
  if (h < 0) return `bb_height must be >= 0, got ${h}`;
  return null;
}

/** Reads one non-blank line; returns the row or a reason string. */
function parseLine(line: string): MotRow | string {
  const fields = splitFields(line);
  if (typeof fields === 'string') return fields;
  if (!(ALLOWED_COLUMN_COUNTS as readonly number[]).includes(fields.length)) {
    return `expected ${ALLOWED_COLUMN_COUNTS.join(', ')} columns, got ${fields.length}`;
  }
  const values = toNumbers(fields);
  if (typeof values === 'string') return values;
  const problem = validate(values);
  if (problem) return problem;
  const [frame, id, x, y, w, h] = values;
  const conf = values.length >= 7 ? values[6] : 1;
  const row: MotRow = { frame, id, box: [x, y, w, h], conf };
  return values.length === 9 ? { ...row, classId: values[7], visibility: values[8] } : row;
}

function isHeader(line: string): boolean {
  return /^frame\b/i.test(line);
}

/**
 * Parses MOTChallenge CSV text. `source` names the text in error messages
 * (pass the file path). Throws `MotParseError` on the first bad line.
 */
export function parseMot(text: string, source = '<string>'): MotRow[] {
  const rows: MotRow[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (!seenContent && isHeader(line)) {
      seenContent = true;
      continue;
    }
    seenContent = true;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') throw new MotParseError(source, i + 1, parsed);
    rows.push(parsed);
  }
  return rows;
}

/**
 * Writes rows as `frame,id,x,y,w,h,conf,-1,-1,-1` lines (MOTChallenge result
 * layout), one per row, ending with a newline. Numbers keep full precision.
 */
export function formatMot(rows: readonly MotRow[]): string {
  let out = '';
  for (const r of rows) {
    const [x, y, w, h] = r.box;
    out += `${r.frame},${r.id},${x},${y},${w},${h},${r.conf},-1,-1,-1\n`;
  }
  return out;
}
