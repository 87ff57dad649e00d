import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COCO_SSD_LOCAL_PATH, resolveCocoSsdModelUrl } from '../../src/core/detection/cocoSsd';
import { loadDetector, loadDetectorWithFallback } from '../../src/core/detection/factory';
import { ModelLoadError } from '../../src/core/detection/ModelLoadError';
import { modelsSource, useTestBackend } from './helpers';

// A local port nothing listens on: fails fast (connection refused) and offline.
const UNREACHABLE = 'http://127.0.0.1:59999/models/coco-ssd/model.json';

beforeAll(useTestBackend);

describe('coco-ssd loading and fallback', () => {
  it('uses the self-hosted model only when the server has it', async () => {
    const ok = async () => new Response(null, { status: 200 });
    const missing = async () => new Response(null, { status: 404 });
    const offline = async (): Promise<Response> => {
      throw new TypeError('fetch failed');
    };
    expect(await resolveCocoSsdModelUrl('/app/', ok)).toBe(`/app/${COCO_SSD_LOCAL_PATH}`);
    expect(await resolveCocoSsdModelUrl('/app', ok)).toBe(`/app/${COCO_SSD_LOCAL_PATH}`);
    expect(await resolveCocoSsdModelUrl('/app/', missing)).toBeUndefined();
    expect(await resolveCocoSsdModelUrl('/app/', offline)).toBeUndefined();
    expect(await resolveCocoSsdModelUrl(undefined, ok)).toBeUndefined();
  });

  it('throws a ModelLoadError naming coco-ssd and its URL when it cannot load', async () => {
    const error = await loadDetector('coco-ssd', { models: modelsSource(), cocoSsd: { modelUrl: UNREACHABLE } }).catch((e) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect(error.name).toBe('ModelLoadError');
    expect(error.detector).toBe('coco-ssd');
    expect(error.location).toBe(UNREACHABLE);
    expect(error.message).toContain(`could not load the coco-ssd model from ${UNREACHABLE}`);
  });

  it('falls back to CenterNet with a warning', async () => {
    const before = tf.memory().numTensors;
    const { detector, warning } = await loadDetectorWithFallback('coco-ssd', {
      models: modelsSource(),
      cocoSsd: { modelUrl: UNREACHABLE },
      scoreThreshold: 0.4,
    });
    try {
      expect(detector.name).toBe('centernet');
      expect(detector.config.scoreThreshold).toBe(0.4);
      expect(warning).toMatch(/^could not load the coco-ssd model .*Using CenterNet instead\.$/);
    } finally {
      detector.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('does not fall back on config errors, and names unknown detectors', async () => {
    await expect(
      loadDetectorWithFallback('coco-ssd', { models: modelsSource(), cocoSsd: { modelUrl: UNREACHABLE }, iouThreshold: -1 }),
    ).rejects.toThrow('iouThreshold is -1; expected a number in [0, 1]');
    // @ts-expect-error 'yolo' is not a detector name
    await expect(loadDetector('yolo', { models: modelsSource() })).rejects.toThrow('detector is "yolo"; allowed: centernet, coco-ssd');
  });
});
