/**
 * Generators for the MOTChallenge parser fuzz test. Every case is a text plus
 * a kind; the test decides what is valid by checking invariants, not by
 * trusting the kind, so a generator that produces a valid line by chance is
 * fine.
 */
import { seededRandom } from '../helpers/seededRandom';

export type Rng = () => number;
export interface FuzzCase {
  kind: string;
  text: string;
}

const COLUMN_COUNTS = [6, 7, 9, 10] as const;

/** Tokens that look numeric to a careless parser but are not finite decimals (or are edge cases). */
export const NASTY_TOKENS = [
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  'inf',
  '1e999',
  '-1e999',
  '1e308',
  '1.8e308',
  '4.9e-324',
  '1e-400',
  '9007199254740993',
  '-9007199254740993',
  '1e300',
  '0x10',
  '0b1',
  '0o7',
  '1_000',
  '١٢',
  '+',
  '-',
  '.',
  'e5',
  '1e',
  '--1',
  '1..2',
  '1.2.3',
  'null',
  'undefined',
  'true',
  '',
  ' ',
  '-0',
  '+0',
  '00012',
  '.5',
  '5.',
  '+.5e+2',
  '1e+',
  '1 2',
  '\u00a0',
] as const;

const GARBAGE_CHARS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\u2028',
  '\u2029',
  '\t',
  '\v',
  '\f',
  ',',
  ' ',
  ';',
  '"',
  "'",
  '\\',
  'é',
  '😀',
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

function number(rng: Rng, integer: boolean): string {
  const r = rng();
  const v = integer ? int(rng, -5, 5000) : (rng() - 0.3) * 10 ** int(rng, -3, 6);
  if (integer) return String(v);
  if (r < 0.15) return v.toExponential(int(rng, 0, 6));
  return r < 0.5 ? v.toFixed(int(rng, 0, 4)) : String(v);
}

/** The numeric fields of a well-formed row. */
export function validFields(rng: Rng): string[] {
  const n = pick(rng, COLUMN_COUNTS);
  const f = [String(int(rng, 0, 100000)), String(int(rng, -1, 5000)), number(rng, false), number(rng, false)];
  f.push(Math.abs(Number(number(rng, false))).toString(), Math.abs(Number(number(rng, false))).toString());
  while (f.length < n) f.push(number(rng, f.length !== 8));
  return f;
}

/** Joins fields with commas (random spaces) or whitespace, sometimes with a trailing comma. */
export function join(rng: Rng, fields: readonly string[]): string {
  if (rng() < 0.3) return fields.join(pick(rng, [' ', '\t', '  ', ' \t ']));
  const sep = pick(rng, [',', ', ', ' ,', ',\t']);
  return fields.join(sep) + (rng() < 0.1 ? ',' : '');
}

function garbage(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += rng() < 0.5 ? pick(rng, GARBAGE_CHARS) : String.fromCharCode(int(rng, 0, 0xffff));
  return s;
}

/** One line of a given fault kind. */
const LINE_MAKERS: Record<string, (rng: Rng) => string> = {
  valid: (rng) => join(rng, validFields(rng)),
  truncated: (rng) => {
    const line = join(rng, validFields(rng));
    return line.slice(0, int(rng, 0, line.length - 1));
  },
  nastyToken: (rng) => {
    const f = validFields(rng);
    f[int(rng, 0, f.length - 1)] = pick(rng, NASTY_TOKENS);
    return join(rng, f);
  },
  hugeNumber: (rng) => {
    const f = validFields(rng);
    f[int(rng, 0, f.length - 1)] = `${rng() < 0.5 ? '-' : ''}${int(rng, 1, 9)}e${int(rng, 15, 400)}`;
    return join(rng, f);
  },
  negativeSize: (rng) => {
    const f = validFields(rng);
    f[int(rng, 4, 5)] = `-${number(rng, false).replace(/^-/, '')}`;
    return join(rng, f);
  },
  wrongColumnCount: (rng) => {
    const f = validFields(rng);
    const n = pick(rng, [1, 2, 3, 4, 5, 8, 11, 12, 20]);
    while (f.length < n) f.push(number(rng, false));
    return join(rng, f.slice(0, n));
  },
  garbageBytes: (rng) => garbage(rng, int(rng, 1, 60)),
  garbageInField: (rng) => {
    const f = validFields(rng);
    const c = int(rng, 0, f.length - 1);
    f[c] = rng() < 0.5 ? f[c] + garbage(rng, int(rng, 1, 3)) : garbage(rng, int(rng, 1, 3)) + f[c];
    return join(rng, f);
  },
  blank: (rng) => pick(rng, ['', ' ', '\t', '  \t ']),
  header: (rng) => pick(rng, ['frame,id,bb_left,bb_top,bb_width,bb_height,conf', 'Frame id x y w h', 'frame']),
};
export const LINE_KINDS = Object.keys(LINE_MAKERS);

/** `count` cases: single lines of each kind, then multi-line documents mixing kinds. */
export function fuzzCases(seed: number, count: number): FuzzCase[] {
  const rng = seededRandom(seed);
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 3 !== 2) {
      const kind = LINE_KINDS[i % LINE_KINDS.length];
      cases.push({ kind, text: LINE_MAKERS[kind](rng) });
      continue;
    }
    const lines: string[] = [];
    const n = int(rng, 2, 12);
    const faulty =
      rng() < 0.6
        ? pick(
            rng,
            LINE_KINDS.filter((k) => k !== 'valid'),
          )
        : 'valid';
    for (let k = 0; k < n; k++) lines.push(LINE_MAKERS[k === n - 1 || rng() < 0.2 ? faulty : 'valid'](rng));
    const eol = pick(rng, ['\n', '\r\n', '\r']);
    cases.push({ kind: `document:${faulty}`, text: lines.join(eol) + (rng() < 0.5 ? eol : '') });
  }
  return cases;
}
