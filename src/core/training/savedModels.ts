/**
 * Names and listing for models saved in IndexedDB by the training panels.
 * Every panel keeps its models under one prefix so lists never mix MLPs and CNNs.
 */
import * as tf from '@tensorflow/tfjs';

export interface SavedModelInfo {
  /** Name without the prefix, as shown to the user. */
  name: string;
  url: string;
  dateSaved: Date;
  /** Weight bytes, when the storage reports it. */
  bytes?: number;
}

const NAME_RE = /^[A-Za-z0-9_-]{1,40}$/;

/** Throws naming the bad value; allowed: 1–40 letters, digits, '-' or '_'. */
export function savedModelUrl(prefix: string, name: string): string {
  if (!NAME_RE.test(name)) throw new Error(`model name is ${JSON.stringify(name)}; allowed: 1–40 letters, digits, '-' or '_'`);
  return `indexeddb://${prefix}${name}`;
}

/** Newest first. */
export async function listSavedModels(prefix: string): Promise<SavedModelInfo[]> {
  const all = await tf.io.listModels();
  const head = `indexeddb://${prefix}`;
  return Object.entries(all)
    .filter(([url]) => url.startsWith(head))
    .map(([url, info]) => ({ name: url.slice(head.length), url, dateSaved: new Date(info.dateSaved), bytes: info.weightDataBytes }))
    .sort((a, b) => b.dateSaved.getTime() - a.dateSaved.getTime());
}

export async function deleteSavedModel(url: string): Promise<void> {
  await tf.io.removeModel(url);
}
