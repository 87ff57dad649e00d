import { ModelIntegrityError } from './ModelIntegrityError';
import type { ManifestFile } from './manifest';
import type { ModelSource } from './source';

export const INTEGRITY_CHECKS = ['sha256', 'size'] as const;
export type IntegrityCheck = (typeof INTEGRITY_CHECKS)[number];

/**
 * SubtleCrypto exists in Node >= 19 and in secure browser contexts
 * (https or localhost). Hashing the ~5 MB of models takes a few ms.
 */
export function canHashSha256(): boolean {
  return typeof globalThis.crypto?.subtle?.digest === 'function';
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads one manifest file from the source and checks it; throws ModelIntegrityError. */
export async function readVerified(
  source: ModelSource,
  file: ManifestFile,
  check: IntegrityCheck,
): Promise<Uint8Array> {
  const where = source.describe(file.name);
  const bytes = await source.read(file.name);
  if (bytes === null) throw new ModelIntegrityError(where, 'is missing', source.fix);
  if (bytes.byteLength !== file.bytes) {
    throw new ModelIntegrityError(where, `has ${bytes.byteLength} bytes, expected ${file.bytes}`, source.fix);
  }
  if (check === 'sha256') {
    const digest = await sha256Hex(bytes);
    if (digest !== file.sha256) {
      throw new ModelIntegrityError(where, `has sha256 ${digest}, expected ${file.sha256}`, source.fix);
    }
  }
  return bytes;
}
