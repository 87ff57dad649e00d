/**
 * An IOHandler over a model.json's text and its weight files' bytes (what a
 * file picker gives), used instead of tf.io.browserFiles: that one throws
 * corrupt-JSON errors inside a FileReader callback, so its promise never
 * settles and the page gets an uncaught error. Plain data in, so it runs in
 * Node tests too.
 */
import * as tf from '@tensorflow/tfjs';

export interface NamedBuffer {
  name: string;
  data: ArrayBuffer;
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8 };

function expectedBytes(specs: readonly tf.io.WeightsManifestEntry[]): number | null {
  let total = 0;
  for (const s of specs) {
    const per = s.quantization ? null : BYTES[s.dtype];
    if (per == null) return null; // quantized/strings: let the decoder check
    total += s.shape.reduce((a, b) => a * b, 1) * per;
  }
  return total;
}

function parseModelJson(text: string): tf.io.ModelJSON {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`model.json is not valid JSON (${(e as Error).message})`, { cause: e });
  }
  const j = json as Partial<tf.io.ModelJSON> | null;
  if (!j || typeof j !== 'object' || !j.modelTopology) throw new Error('model.json has no "modelTopology"; is it a tf.js layers model?');
  if (!Array.isArray(j.weightsManifest)) throw new Error('model.json has no "weightsManifest" list');
  return j as tf.io.ModelJSON;
}

export function filesHandler(jsonText: string, weightFiles: readonly NamedBuffer[]): tf.io.IOHandler {
  return {
    load: async () => {
      const json = parseModelJson(jsonText);
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((g) => g.weights);
        const buffers = manifest
          .flatMap((g) => g.paths)
          .map((p) => {
            const base = p.split('/').pop() ?? p;
            const f = weightFiles.find((w) => w.name === base);
            if (!f)
              throw new Error(
                `weight file "${base}" named in model.json was not chosen; select it together with the .json (got ${weightFiles.map((w) => w.name).join(', ') || 'none'})`,
              );
            return f.data;
          });
        const data = tf.io.concatenateArrayBuffers(buffers);
        const want = expectedBytes(specs);
        if (want !== null && data.byteLength !== want)
          throw new Error(
            `weight files hold ${data.byteLength} bytes but model.json describes ${want}; the .bin is truncated or belongs to another model`,
          );
        return [specs, data];
      });
    },
  };
}
