import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, resolveConfig } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { appPublicCopy, appPublicFiles, listFiles } from '../../dev/publicFiles';
import { benchOnlyFiles, findModel, parseManifest, type ManifestModel } from '../../src/core/models/manifest';
import { MODELS_DIR, ROOT } from '../detection/helpers';

const manifest = parseManifest(JSON.parse(readFileSync(join(MODELS_DIR, 'manifest.json'), 'utf8')));
const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const model = (name: string, files: string[], benchOnly?: boolean): ManifestModel => ({
  name,
  task: 'detection',
  source: { package: 'p', version: '1', path: `models/${name}.json` },
  modelFile: files[0],
  files: files.map((f) => ({ name: f, bytes: 1, sha256: '0'.repeat(64) })),
  input: { name: 'x', width: 1, height: 1, channels: 3, layout: 'NHWC', dtype: 'float32', range: [0, 1], resize: 'stretch' },
  outputs: {},
  ...(benchOnly === undefined ? {} : { benchOnly }),
});

/**
 * A public/ folder whose `models` links to a models folder, as the repo's:
 * app model `a` and bench-only model `b`, which share `shared.bin`.
 */
function fakePublic(): string {
  const root = mkdtempSync(join(tmpdir(), 'public-files-'));
  temps.push(root);
  const models = join(root, 'models');
  mkdirSync(join(models, 'mnist'), { recursive: true });
  const fake = { schemaVersion: 1, models: [model('a', ['a.json', 'shared.bin']), model('b', ['b.json', 'b.bin', 'shared.bin'], true)] };
  writeFileSync(join(models, 'manifest.json'), JSON.stringify(fake));
  for (const f of ['a.json', 'b.json', 'b.bin', 'shared.bin', 'mnist/digits.u8']) writeFileSync(join(models, f), f);
  mkdirSync(join(root, 'public/samples'), { recursive: true });
  writeFileSync(join(root, 'public/samples/photo.jpg'), 'jpg');
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  symlinkSync('../models', join(root, 'public/models'));
  return root;
}

const APP_FILES = ['models/a.json', 'models/manifest.json', 'models/mnist/digits.u8', 'models/shared.bin', 'samples/photo.jpg'];

describe('bench-only models stay out of the app build', () => {
  it('NanoDet is marked bench-only, and no other model is', () => {
    expect(manifest.models.filter((m) => m.benchOnly === true).map((m) => m.name)).toEqual(['nanodet']);
    expect(findModel(manifest, 'nanodet').benchOnly).toBe(true);
    expect([...benchOnlyFiles(manifest)].sort()).toEqual(['nanodet.bin', 'nanodet.json']);
  });

  it("the app's public files have every app model and none of a bench-only one", () => {
    const files = appPublicFiles(join(ROOT, 'public'));
    for (const m of manifest.models) {
      for (const f of m.files) expect(files.includes(`models/${f.name}`), f.name).toBe(m.benchOnly !== true);
    }
    expect(files).toContain('models/manifest.json');
    expect(files).toContain('models/mnist/mnist.json');
    expect(files).toContain('samples/astronaut.jpg');
    expect(files.length).toBe(listFiles(join(ROOT, 'public')).length - 2);
  });

  it('keeps a file that an app model shares with a bench-only one', () => {
    const root = fakePublic();
    expect(appPublicFiles(join(root, 'public'))).toEqual(APP_FILES);
  });

  it('a Vite build with the plugin writes exactly those files', async () => {
    const root = fakePublic();
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [appPublicCopy()],
      build: { outDir: 'dist', copyPublicDir: false },
    });
    const out = listFiles(join(root, 'dist')).filter((f) => !f.startsWith('assets/') && f !== 'index.html');
    expect(out).toEqual(APP_FILES);
    expect(readFileSync(join(root, 'dist/models/shared.bin'), 'utf8')).toBe('shared.bin');
  });

  it('vite.config.ts uses the plugin for the app and copies everything for the bench page', async () => {
    const app = await resolveConfig({ root: ROOT, mode: 'production', logLevel: 'silent' }, 'build');
    expect(app.build.copyPublicDir).toBe(false);
    expect(app.plugins.map((p) => p.name)).toContain('trackscope:app-public-files');
    const bench = await resolveConfig({ root: ROOT, mode: 'bench', logLevel: 'silent' }, 'build');
    expect(bench.build.copyPublicDir).toBe(true);
    expect(bench.plugins.map((p) => p.name)).not.toContain('trackscope:app-public-files');
  });

  it('the manifest check names a bad benchOnly value', () => {
    const bad = { schemaVersion: 1, models: [{ ...model('a', ['a.json']), benchOnly: 'yes' }] };
    expect(() => parseManifest(bad)).toThrow('models/manifest.json: model "a" has benchOnly "yes"; allowed: true, false');
  });
});
