import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatTracksCsv } from '../../src/core/export/csvExport';
import { buildJsonExport } from '../../src/core/export/jsonExport';
import { decodeCocoRle } from '../../src/core/export/cocoRle';
import { makeMotRow as row } from '../helpers/makeMotRow';

const ROOT = resolve(import.meta.dirname, '../..');
const SCHEMA_PATH = join(ROOT, 'docs/trackscope-results.schema.json');
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

const rows = [row(1, 1, 0, 0, 2, 2, 0.9), row(1, 2, 50), row(2, 1, 2, 0, 2, 2, 0.8), row(4, 2, 52)];
const classes = new Map([
  [1, { label: 'person', classId: 0, customLabel: 'alice, "A"' }],
  [2, { label: 'car', classId: 2 }],
]);
// Frame 1's person mask (2 x 2 cells over a 4 x 4 frame): the top-left cell.
const masks = new Map([[1, { width: 2, height: 2, sourceWidth: 4, sourceHeight: 4, counts: [0, 1, 3] }]]);
const input = {
  video: { fileName: 'a.webm', width: 4, height: 4, frameRate: 10, frameCount: 4 },
  settings: { detector: 'centernet', every: 1, backend: 'wasm', refine: true },
  rows,
  classes,
  masks,
};

describe('JSON export (version 2)', () => {
  const json = buildJsonExport(input);

  it('groups the MOT rows by frame and adds each track class, custom label and span', () => {
    expect(json).toMatchObject({ format: 'trackscope-results', version: 2 });
    expect(json.frames.map((f) => [f.frame, f.objects.map((o) => o.id)])).toEqual([
      [1, [1, 2]],
      [2, [1]],
      [4, [2]],
    ]);
    expect(json.frames[0].objects[1]).toEqual({ id: 2, label: 'car', classId: 2, score: 1, box: [50, 0, 10, 10] });
    expect(json.tracks).toEqual([
      { id: 1, label: 'person', classId: 0, customLabel: 'alice, "A"', firstFrame: 1, lastFrame: 2, boxes: 2 },
      { id: 2, label: 'car', classId: 2, firstFrame: 1, lastFrame: 4, boxes: 2 },
    ]);
  });

  it('gives each person on a segmented frame its mask as COCO RLE at the video size, clipped to its box', () => {
    const mask = json.frames[0].objects[0].mask!;
    expect(mask.size).toEqual([4, 4]);
    expect([...decodeCocoRle(mask)]).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(json.frames[1].objects[0].mask).toBeUndefined(); // frame 2 was not segmented
  });

  it('is valid against the committed schema, which rejects a wrong shape', () => {
    expect(validate(JSON.parse(JSON.stringify(json))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...json, version: 1 })).toBe(false);
    expect(validate({ ...json, frames: [{ frame: 0, objects: [] }] })).toBe(false);
  });

  it('the committed schema is what `npm run schema` generates from the type', () => {
    const generated = execFileSync(
      'npx',
      [
        'ts-json-schema-generator',
        '--path',
        'src/core/export/jsonExport.ts',
        '--type',
        'TrackscopeResults',
        '--tsconfig',
        'tsconfig.json',
        '--strict-tuples',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(JSON.parse(generated)).toEqual(schema);
  }, 120_000);
});

describe('CSV of tracks', () => {
  it('writes one row per box with class and custom label, quoting as RFC 4180 asks', () => {
    expect(formatTracksCsv(rows.slice(0, 2), classes).split('\n')).toEqual([
      'frame,id,class,x,y,width,height,score,custom_label',
      '1,1,person,0,0,2,2,0.9,"alice, ""A"""',
      '1,2,car,50,0,10,10,1,',
      '',
    ]);
  });
});
