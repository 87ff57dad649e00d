import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTING_KEYS, parseStoredSettings, parseUrlSettings } from '../../src/app/state/settingsSchema';

describe('persisted settings', () => {
  it('nothing stored: the defaults, no warnings', () => {
    expect(parseStoredSettings(null)).toEqual({ values: DEFAULT_SETTINGS, warnings: [] });
    expect(SETTING_KEYS).toHaveLength(18);
  });

  it('valid stored values win over the defaults', () => {
    const stored = { backend: 'wasm', cadence: 4, inputSize: 320, showTrails: false, maskOpacity: 0.8, segmentEvery: 0, appearance: 'off' };
    const { values, warnings } = parseStoredSettings(JSON.stringify(stored));
    expect(warnings).toEqual([]);
    expect(values).toEqual({ ...DEFAULT_SETTINGS, ...stored });
  });

  it('unknown keys and bad values are ignored with a warning naming them', () => {
    const stored = {
      cadence: 'fast',
      inputSize: 300,
      maxDetections: 2.5,
      backend: 'cuda',
      showBoxes: 'yes',
      scoreThreshold: 7,
      colour: 'red',
    };
    const { values, warnings } = parseStoredSettings(JSON.stringify({ ...stored, iouThreshold: 0.3 }));
    expect(values).toEqual({ ...DEFAULT_SETTINGS, iouThreshold: 0.3 });
    expect(warnings).toEqual([
      `Saved setting "cadence" is "fast"; expected 'auto' or an integer in [1, 30]. Using "auto".`,
      `Saved setting "inputSize" is 300; expected 'auto' or one of 512, 384, 320, 256. Using "auto".`,
      'Saved setting "maxDetections" is 2.5; expected an integer in [1, 100]. Using 50.',
      'Saved setting "backend" is "cuda"; expected auto, webgpu, webgl, wasm, cpu. Using "auto".',
      'Saved setting "showBoxes" is "yes"; expected true or false. Using true.',
      'Saved setting "scoreThreshold" is 7; expected a number in [0, 1]. Using 0.2.',
      'Saved setting "colour" is unknown; ignored.',
    ]);
  });

  it('unreadable or non-object text falls back to the defaults', () => {
    for (const text of ['{not json', '[1,2]', '"auto"', 'null']) {
      const { values, warnings } = parseStoredSettings(text);
      expect(values).toEqual(DEFAULT_SETTINGS);
      expect(warnings).toHaveLength(1);
    }
  });

  it('URL parameters set any setting, checked like stored values', () => {
    const params = new URLSearchParams('cadence=4&inputSize=512&showTrails=false&detector=yolo&segmentEvery=x&flow=off&backend=wasm');
    const { values, warnings } = parseUrlSettings(params, DEFAULT_SETTINGS);
    expect(values).toEqual({ cadence: 4, inputSize: 512, showTrails: false, flow: 'off' });
    expect(warnings).toEqual([
      'detector "yolo" in the URL is not centernet, coco-ssd; using "centernet".',
      'segmentEvery "x" in the URL is not an integer in [0, 30]; using "3".',
    ]);
    expect(DEFAULT_SETTINGS.flow).toBe('on');
    expect(DEFAULT_SETTINGS.saveDetections).toBe(true);
    expect(parseUrlSettings(new URLSearchParams('saveDetections=false'), DEFAULT_SETTINGS).values).toEqual({ saveDetections: false });
    expect(parseUrlSettings(new URLSearchParams('flow=sometimes'), DEFAULT_SETTINGS).warnings).toEqual([
      'flow "sometimes" in the URL is not on, off; using "on".',
    ]);
  });
});
