import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Plugin } from 'vite';

const TYPES: Record<string, string> = { '.json': 'application/json', '.bin': 'application/octet-stream' };

/**
 * Serves `models/` (filled from npm packages by `npm run models:install`) at
 * `/models/` in dev, and copies it into the production build so the app
 * fetches weights only from its own origin.
 */
export function modelsPlugin(root = process.cwd()): Plugin {
  const dir = resolve(root, 'models');
  let outDir = resolve(root, 'dist');
  return {
    name: 'trackscope-models',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/models', (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^([/\\])+/, '');
        const file = join(dir, rel);
        if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      if (existsSync(dir)) cpSync(dir, join(outDir, 'models'), { recursive: true });
    },
  };
}
