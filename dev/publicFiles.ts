import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { benchOnlyFiles, parseManifest } from '../src/core/models/manifest.ts';

/** Where public/ holds the model weights (`public/models` links to `models/`). */
const MODELS_PREFIX = 'models/';

/** Every file under `dir`, links followed, as '/'-separated paths relative to it, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path, `${prefix}${name}/`) : [`${prefix}${name}`];
    });
}

/**
 * The files of `publicDir` the app build ships: all of them but the weights of
 * models the manifest marks `benchOnly` (NanoDet's 7.6 MB), which only the
 * benchmarks load.
 */
export function appPublicFiles(publicDir: string): string[] {
  const manifestPath = join(publicDir, MODELS_PREFIX, 'manifest.json');
  const skip = benchOnlyFiles(parseManifest(JSON.parse(readFileSync(manifestPath, 'utf8')), manifestPath));
  return listFiles(publicDir).filter((path) => !(path.startsWith(MODELS_PREFIX) && skip.has(path.slice(MODELS_PREFIX.length))));
}

/**
 * Copies `appPublicFiles` into the app build, in place of Vite's copy of the
 * whole public folder (vite.config.ts turns that off outside `--mode bench`).
 */
export function appPublicCopy(): Plugin {
  let publicDir = '';
  let outDir = '';
  return {
    name: 'trackscope:app-public-files',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      for (const path of appPublicFiles(publicDir)) {
        mkdirSync(dirname(join(outDir, path)), { recursive: true });
        copyFileSync(join(publicDir, path), join(outDir, path));
      }
    },
  };
}
