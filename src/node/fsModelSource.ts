/** Node-only: a ModelSource reading a models folder from the file system. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ModelSource } from '../core/models/source';

export function fileSystemModelSource(dir: string): ModelSource {
  const root = resolve(dir);
  return {
    describe: (file) => join(root, file),
    fix: 'run `npm run models:install`',
    async read(file) {
      try {
        return new Uint8Array(await readFile(join(root, file)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}
