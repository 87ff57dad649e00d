#!/usr/bin/env node
/**
 * Downloads the official coco-ssd `lite_mobilenet_v2` graph model (model.json
 * and its weight shards) into `models/coco-ssd/`, so the app can load it from
 * its own origin (`/models/coco-ssd/model.json`) instead of Google's bucket.
 *
 *   node scripts/download-coco-ssd.mjs [--url URL] [--timeout-ms N]
 *
 * Needs internet access. The URL is the one @tensorflow-models/coco-ssd 2.2.3
 * uses by default (dist/index.js: BASE_PATH + 'ssdlite_mobilenet_v2/model.json').
 * Files are written to a temporary folder first and moved into place only when
 * all of them arrived, so a failed run never leaves a half-written model.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_URL = 'https://storage.googleapis.com/tfjs-models/savedmodel/ssdlite_mobilenet_v2/model.json';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEST = join(ROOT, 'models', 'coco-ssd');

class DownloadError extends Error {
  name = 'DownloadError';
}

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function fetchBytes(url, timeoutMs) {
  let response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = error?.cause?.code ?? error?.cause?.message ?? error?.name ?? String(error);
    throw new DownloadError(
      `could not fetch ${url} (${cause}). This script needs internet access to ` +
        'storage.googleapis.com. Without it the app uses the bundled CenterNet detector instead; ' +
        'or copy an existing coco-ssd model.json and its shards into models/coco-ssd/ by hand.',
    );
  }
  if (!response.ok) throw new DownloadError(`${url} answered HTTP ${response.status} ${response.statusText}.`);
  return new Uint8Array(await response.arrayBuffer());
}

async function main() {
  const url = option('--url', DEFAULT_URL);
  const timeoutMs = Number(option('--timeout-ms', '30000'));
  const base = url.slice(0, url.lastIndexOf('/') + 1);

  const modelJsonBytes = await fetchBytes(url, timeoutMs);
  let modelJson;
  try {
    modelJson = JSON.parse(new TextDecoder().decode(modelJsonBytes));
  } catch {
    throw new DownloadError(`${url} is not JSON; is the URL right?`);
  }
  const shards = (modelJson.weightsManifest ?? []).flatMap((group) => group.paths);
  if (shards.length === 0) throw new DownloadError(`${url} lists no weight shards in weightsManifest.`);

  const tmp = `${DEST}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    writeFileSync(join(tmp, 'model.json'), modelJsonBytes);
    for (const [i, shard] of shards.entries()) {
      const bytes = await fetchBytes(new URL(shard, base).href, timeoutMs);
      writeFileSync(join(tmp, shard), bytes);
      console.log(`coco-ssd: ${shard} (${bytes.length} bytes) [${i + 1}/${shards.length}]`);
    }
    if (existsSync(DEST)) rmSync(DEST, { recursive: true, force: true });
    renameSync(tmp, DEST);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`coco-ssd: saved model.json and ${shards.length} shard(s) to models/coco-ssd/`);
}

main().catch((error) => {
  const message = error instanceof DownloadError ? error.message : String(error?.message ?? error);
  console.error(`coco-ssd: error: ${message}`);
  process.exit(1);
});
