import { describe, expect, it } from 'vitest';
import { buildJsonExport } from '../../src/core/export/jsonExport';
import { makeMotRow as row } from '../helpers/makeMotRow';

describe('buildJsonExport', () => {
  it('groups the MOT rows by frame and adds each track class and span', () => {
    const rows = [row(1, 1, 0, 0, 10, 20, 0.9), row(1, 2, 50), row(2, 1, 2, 0, 10, 20, 0.8), row(4, 2, 52)];
    const json = buildJsonExport({
      video: { fileName: 'a.webm', width: 100, height: 80, frameRate: 10, frameCount: 4 },
      settings: { detector: 'centernet', every: 1, backend: 'wasm' },
      rows,
      classes: new Map([[1, { label: 'person', classId: 0 }]]),
    });
    expect(json.frames.map((f) => [f.frame, f.objects.map((o) => o.id)])).toEqual([
      [1, [1, 2]],
      [2, [1]],
      [4, [2]],
    ]);
    expect(json.frames[0].objects[0]).toEqual({ id: 1, label: 'person', classId: 0, score: 0.9, box: [0, 0, 10, 20] });
    expect(json.frames[0].objects[1]).toMatchObject({ label: 'object', classId: null });
    expect(json.tracks).toEqual([
      { id: 1, label: 'person', classId: 0, firstFrame: 1, lastFrame: 2, boxes: 2 },
      { id: 2, label: 'object', classId: null, firstFrame: 1, lastFrame: 4, boxes: 2 },
    ]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
