/** Browser loader: fetches the packed MNIST files from the app's /models/mnist/. */
import { MNIST_FILES, makeMnistData, type MnistData } from './mnistData.ts';

async function fetchBytes(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`GET ${url} failed with HTTP ${res.status}; run "node scripts/install-mnist.mjs" to create models/mnist/`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function fetchMnist(baseUrl = '/models/mnist/', signal?: AbortSignal): Promise<MnistData> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const [pixels, labels] = await Promise.all([
    fetchBytes(base + MNIST_FILES.pixels, signal),
    fetchBytes(base + MNIST_FILES.labels, signal),
  ]);
  return makeMnistData(pixels, labels);
}
