/**
 * Fuzz test of the MOTChallenge reader: thousands of seeded cases (random,
 * truncated and garbage lines, NaN/Infinity, huge numbers, negative sizes,
 * wrong column counts, multi-line documents). Every case must either parse
 * into rows that agree with the text, or throw `MotParseError` naming the
 * first bad line and a reason: never another exception, never a silently
 * skipped line, never a non-finite number in the output.
 */
import { describe, expect, it } from 'vitest';
import { MotParseError, parseMot, type MotRow } from '../../src/core/metrics/index.ts';
import { writeResultJson } from '../../scripts/lib/resultFiles.ts';
import { fuzzCases } from '../hardening/motFuzzCases.ts';

const SEED = 20240611;
const CASES = 6000;
const SOURCE = '<fuzz>';

const REASONS: Array<[string, RegExp]> = [
  ['wrong column count', /^expected 6, 7, 9, 10 columns, got \d+$/],
  ['empty field', /^empty field in column \d+/],
  ['not a finite number', /^column \d+ \(\w+\) is not a finite number: /],
  ['bad frame', /^frame must be a non-negative integer/],
  ['bad id', /^id must be an integer/],
  ['negative size', /^bb_(width|height) must be >= 0/],
];

function reasonCategory(reason: string): string {
  return REASONS.find(([, re]) => re.test(reason))?.[0] ?? `unrecognised: ${reason}`;
}

/** Non-blank lines that must each become a row (a first line starting with "frame" is a header). */
function contentLines(text: string): string[] {
  const lines = text
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.length > 0 && /^frame\b/i.test(lines[0]) ? lines.slice(1) : lines;
}

/** Checks one parsed row against its line, read independently of the parser. */
function checkRow(row: MotRow, line: string): void {
  const tokens = line.split(/\s*,\s*|\s+/).filter((t) => t !== '');
  const values = tokens.map(Number);
  expect([6, 7, 9, 10], line).toContain(tokens.length);
  const all = [row.frame, row.id, ...row.box, row.conf, row.classId ?? 0, row.visibility ?? 0];
  for (const v of all) expect(Number.isFinite(v), `non-finite value in row from "${line}"`).toBe(true);
  expect(Number.isSafeInteger(row.frame) && row.frame >= 0, line).toBe(true);
  expect(Number.isSafeInteger(row.id), line).toBe(true);
  expect(row.box[2] >= 0 && row.box[3] >= 0, line).toBe(true);
  expect([row.frame, row.id, ...row.box], line).toEqual(values.slice(0, 6));
  expect(row.conf, line).toBe(tokens.length >= 7 ? values[6] : 1);
  if (tokens.length === 9) expect([row.classId, row.visibility], line).toEqual(values.slice(7, 9));
}

type Outcome = { parsed: true; rows: number } | { parsed: false; category: string };

function runCase(text: string): Outcome {
  let rows: MotRow[];
  try {
    rows = parseMot(text, SOURCE);
  } catch (err) {
    if (!(err instanceof MotParseError)) throw new Error(`non-MotParseError ${String(err)} for ${JSON.stringify(text)}`, { cause: err });
    const lines = text.split(/\r\n|\n|\r/);
    expect(err.source).toBe(SOURCE);
    expect(err.line).toBeGreaterThanOrEqual(1);
    expect(err.line).toBeLessThanOrEqual(lines.length);
    expect(lines[err.line - 1].trim(), 'error must point at a non-blank line').not.toBe('');
    expect(err.message.startsWith(`${SOURCE}:${err.line}: `)).toBe(true);
    const category = reasonCategory(err.reason);
    expect(category, JSON.stringify(text)).not.toMatch(/^unrecognised/);
    // It is the first bad line: everything before it parses.
    expect(() => parseMot(lines.slice(0, err.line - 1).join('\n'))).not.toThrow();
    return { parsed: false, category };
  }
  const content = contentLines(text);
  expect(rows.length, `silent skip in ${JSON.stringify(text)}`).toBe(content.length);
  rows.forEach((row, i) => checkRow(row, content[i]));
  return { parsed: true, rows: rows.length };
}

describe('parseMot fuzz', () => {
  it(`parses or rejects with MotParseError for ${CASES} seeded cases (seed ${SEED})`, () => {
    const byKind: Record<string, { parsed: number; rejected: number }> = {};
    const reasons: Record<string, number> = {};
    let rowsParsed = 0;
    for (const c of fuzzCases(SEED, CASES)) {
      const kind = (byKind[c.kind] ??= { parsed: 0, rejected: 0 });
      const outcome = runCase(c.text);
      if (outcome.parsed) {
        kind.parsed++;
        rowsParsed += outcome.rows;
      } else {
        kind.rejected++;
        reasons[outcome.category] = (reasons[outcome.category] ?? 0) + 1;
      }
    }
    // Every fault family was actually exercised and rejected somewhere.
    for (const k of ['truncated', 'nastyToken', 'hugeNumber', 'negativeSize', 'wrongColumnCount', 'garbageBytes', 'garbageInField']) {
      expect(byKind[k]?.rejected, k).toBeGreaterThan(0);
    }
    expect(byKind.valid.rejected).toBe(0);
    const parsed = Object.values(byKind).reduce((s, k) => s + k.parsed, 0);
    writeResultJson('fuzz', {
      seed: SEED,
      cases: CASES,
      parsed,
      rejected: CASES - parsed,
      rowsParsed,
      otherExceptions: 0,
      byKind,
      reasons,
    });
  });

  it.each(['NaN', 'Infinity', '-Infinity', '1e999', '-1e400'])('rejects the non-finite value %s in every column', (token) => {
    for (let c = 0; c < 7; c++) {
      const fields = ['1', '2', '3', '4', '5', '6', '0.5'];
      fields[c] = token;
      expect(() => parseMot(fields.join(',')), `column ${c + 1}`).toThrow(MotParseError);
    }
  });

  it('rejects frame and id numbers beyond 2^53 that would silently round', () => {
    expect(() => parseMot('9007199254740993,1,0,0,1,1')).toThrow(/frame must be a non-negative integer/);
    expect(() => parseMot('1,9007199254740993,0,0,1,1')).toThrow(/id must be an integer/);
    expect(() => parseMot('1e300,1,0,0,1,1')).toThrow(MotParseError);
  });
});
