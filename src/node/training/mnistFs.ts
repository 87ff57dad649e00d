/** Node loader for models/mnist/ (same files the browser fetches), checked against mnist.json. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MNIST_FILES, makeMnistData, type MnistData } from '../../core/training/mnistData.ts';

export const MNIST_DIR = resolve(import.meta.dirname, '../../../models/mnist');

interface MnistMeta {
  count: number;
  files: Record<string, { bytes: number; sha256: string }>;
}

export function loadMnistFs(dir = MNIST_DIR): MnistData {
  const metaPath = join(dir, MNIST_FILES.meta);
  if (!existsSync(metaPath)) throw new Error(`${metaPath} not found; run "node scripts/install-mnist.mjs"`);
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as MnistMeta;
  const read = (name: string): Uint8Array => {
    const buf = readFileSync(join(dir, name));
    const want = meta.files[name];
    if (!want || buf.length !== want.bytes || createHash('sha256').update(buf).digest('hex') !== want.sha256) {
      throw new Error(`${join(dir, name)} does not match ${MNIST_FILES.meta}; rerun "node scripts/install-mnist.mjs"`);
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  };
  return makeMnistData(read(MNIST_FILES.pixels), read(MNIST_FILES.labels));
}
