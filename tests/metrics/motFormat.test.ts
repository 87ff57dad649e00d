import { describe, expect, it } from 'vitest';
import { formatMot, MotParseError, parseMot } from '../../src/core/metrics/index.ts';

function parseError(text: string, source?: string): MotParseError {
  try {
    parseMot(text, source);
  } catch (err) {
    if (err instanceof MotParseError) return err;
    throw err;
  }
  throw new Error('expected parseMot to throw');
}

describe('parseMot column variants', () => {
  it('reads 6 columns with conf defaulting to 1', () => {
    expect(parseMot('1,2,3,4,5,6')).toEqual([{ frame: 1, id: 2, box: [3, 4, 5, 6], conf: 1 }]);
  });
  it('reads 7 columns with confidence', () => {
    expect(parseMot('1,-1,3.5,4.25,5,6,0.75')).toEqual([{ frame: 1, id: -1, box: [3.5, 4.25, 5, 6], conf: 0.75 }]);
  });
  it('reads 9 columns (MOT16/17 gt) with class and visibility', () => {
    expect(parseMot('3,1,912,484,97,109,0,7,0.25')).toEqual([
      { frame: 3, id: 1, box: [912, 484, 97, 109], conf: 0, classId: 7, visibility: 0.25 },
    ]);
  });
  it('reads 10 columns (MOT15) and drops the world coordinates', () => {
    expect(parseMot('1,3,113.84,274.5,57.307,130.05,-1,-1,-1,-1')).toEqual([
      { frame: 1, id: 3, box: [113.84, 274.5, 57.307, 130.05], conf: -1 },
    ]);
    expect(parseMot('1,1,10,20,30,40,1,-10.19,3.5,0')[0]).not.toHaveProperty('classId');
  });
  it('parses exponents', () => {
    expect(parseMot('1,1,1e2,2.5E-1,3,4,1')[0].box).toEqual([100, 0.25, 3, 4]);
  });
});

describe('parseMot layout tolerance', () => {
  it('accepts whitespace-separated fields, tabs and spaces after commas', () => {
    const expected = [{ frame: 1, id: 2, box: [3, 4, 5, 6], conf: 0.5 }];
    expect(parseMot('1 2 3 4 5 6 0.5')).toEqual(expected);
    expect(parseMot('1\t2\t3  4\t 5 6 0.5')).toEqual(expected);
    expect(parseMot(' 1, 2 ,3, 4,5 ,6 , 0.5 ')).toEqual(expected);
  });
  it('skips blank lines, handles CRLF and a trailing comma', () => {
    const rows = parseMot('\r\n1,1,0,0,1,1,1\r\n\r\n   \n2,1,0,0,1,1,1,\n');
    expect(rows.map((r) => r.frame)).toEqual([1, 2]);
  });
  it('skips a header line and works without one', () => {
    expect(parseMot('frame,id,bb_left,bb_top,bb_width,bb_height,conf\n1,1,0,0,1,1,1')).toHaveLength(1);
    expect(parseMot('1,1,0,0,1,1,1')).toHaveLength(1);
  });
  it('returns an empty list for empty text', () => {
    expect(parseMot('')).toEqual([]);
    expect(parseMot('\n\n')).toEqual([]);
  });
});

describe('parseMot rejects malformed lines with their line number', () => {
  const cases: Array<[string, string, number, RegExp]> = [
    ['wrong column count', '1,1,0,0,1,1,1\n1,2,3,4,5', 2, /expected 6, 7, 9, 10 columns, got 5/],
    ['8 columns', '1,1,0,0,1,1,1,1', 1, /got 8/],
    ['text field', '1,1,0,0,1,1,1\n\n1,1,a,0,1,1,1', 3, /column 3 \(bb_left\) is not a finite number: "a"/],
    ['NaN', '1,1,NaN,0,1,1,1', 1, /not a finite number: "NaN"/],
    ['Infinity', '1,1,0,0,Infinity,1,1', 1, /column 5 \(bb_width\) is not a finite number/],
    ['negative width', '1,1,0,0,-1,1,1', 1, /bb_width must be >= 0, got -1/],
    ['negative height', '1,1,0,0,1,-0.5,1', 1, /bb_height must be >= 0, got -0.5/],
    ['fractional frame', '1.5,1,0,0,1,1,1', 1, /frame must be a non-negative integer, got 1.5/],
    ['negative frame', '-1,1,0,0,1,1,1', 1, /frame must be a non-negative integer/],
    ['fractional id', '1,2.5,0,0,1,1,1', 1, /id must be an integer, got 2.5/],
    ['empty field', '1,1,,0,1,1,1', 1, /empty field in column 3 \(bb_left\)/],
    ['hex number', '1,1,0x10,0,1,1,1', 1, /not a finite number: "0x10"/],
  ];
  it.each(cases)('%s', (_name, text, line, reason) => {
    const err = parseError(text, 'seq/gt.txt');
    expect(err.name).toBe('MotParseError');
    expect(err.source).toBe('seq/gt.txt');
    expect(err.line).toBe(line);
    expect(err.reason).toMatch(reason);
    expect(err.message).toBe(`seq/gt.txt:${line}: ${err.reason}`);
  });
  it('names <string> as the default source', () => {
    expect(parseError('x').message).toMatch(/^<string>:1: /);
  });
  it('does not treat a header-like line after data as a header', () => {
    expect(parseError('1,1,0,0,1,1,1\nframe,id,x,y,w,h').line).toBe(2);
  });
});

describe('formatMot', () => {
  it('writes the 10-column result layout', () => {
    expect(formatMot([{ frame: 1, id: 7, box: [1.5, 2, 30, 40.25], conf: 0.9 }])).toBe('1,7,1.5,2,30,40.25,0.9,-1,-1,-1\n');
    expect(formatMot([])).toBe('');
  });
  it('round-trips through parseMot without losing precision', () => {
    const rows = [
      { frame: 1, id: 1, box: [0.1 + 0.2, 1 / 3, 97, 109] as const, conf: 0.63449943 },
      // eslint-disable-next-line no-loss-of-precision -- float32 values printed at full precision, as the source file has them
      { frame: 2, id: -1, box: [447.4200134277344, 440.760009765625, 104.32998657226562, 282.52996826171875] as const, conf: 1 },
    ];
    expect(parseMot(formatMot(rows))).toEqual(rows);
  });
});
