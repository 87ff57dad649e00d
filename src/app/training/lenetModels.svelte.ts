/**
 * Saved LeNet models: save to IndexedDB, list, load (validated), delete,
 * export (download model.json + weights) and import from files. Every load
 * goes through loadValidatedModel, so a wrong topology, dtype or a corrupt
 * file is a clear message rather than a broken panel.
 */
import {
  deleteSavedModel,
  describeStorageError,
  filesHandler,
  listSavedModels,
  loadValidatedModel,
  savedModelUrl,
  saveModel,
  type SavedModelInfo,
} from '../../core/training/index.ts';
import { LENET_PREFIX, LENET_TOPOLOGY, type LenetState } from './lenetState.svelte';

export class LenetModels {
  saved = $state.raw<SavedModelInfo[]>([]);
  name = $state('my-lenet');
  busy = $state(false);
  message = $state('');
  error = $state('');
  #lenet: LenetState;

  constructor(lenet: LenetState) {
    this.#lenet = lenet;
  }

  async refresh(): Promise<void> {
    try {
      this.saved = await listSavedModels(LENET_PREFIX);
    } catch (e) {
      this.error = describeStorageError('listing saved models', e);
    }
  }

  async #run(action: string, fn: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.message = '';
    try {
      this.message = await fn();
    } catch (e) {
      this.error =
        e instanceof Error && e.name === 'ModelValidationError' ? `${action} failed: ${e.message}` : describeStorageError(action, e);
    } finally {
      this.busy = false;
      await this.refresh();
    }
  }

  save(): Promise<void> {
    return this.#run(`saving "${this.name}"`, async () => {
      const model = this.#lenet.model;
      if (!model) throw new Error('there is no model to save yet; train or load one first');
      const r = await saveModel(model, savedModelUrl(LENET_PREFIX, this.name));
      return `saved "${this.name}" (${(r.modelArtifactsInfo.weightDataBytes ?? 0) / 1000} kB of weights)`;
    });
  }

  load(m: SavedModelInfo): Promise<void> {
    return this.#run(`loading "${m.name}"`, async () => {
      const model = await loadValidatedModel(m.url, LENET_TOPOLOGY);
      await this.#lenet.adoptModel(model, `loaded "${m.name}"`);
      return `loaded "${m.name}"`;
    });
  }

  remove(m: SavedModelInfo): Promise<void> {
    return this.#run(`deleting "${m.name}"`, async () => {
      await deleteSavedModel(m.url);
      return `deleted "${m.name}"`;
    });
  }

  /** Downloads model.json and <name>.weights.bin through the browser. */
  export(): Promise<void> {
    return this.#run('export', async () => {
      const model = this.#lenet.model;
      if (!model) throw new Error('there is no model to export yet; train or load one first');
      await saveModel(model, `downloads://${this.name}`);
      return `exported ${this.name}.json and ${this.name}.weights.bin`;
    });
  }

  /** `files` must hold one .json (the topology) and its weight file(s). */
  import(files: FileList | File[]): Promise<void> {
    return this.#run('import', async () => {
      const list = [...files];
      const json = list.find((f) => f.name.endsWith('.json'));
      if (!json)
        throw new Error(
          `choose the model .json and its .bin weight file(s) together; got ${list.map((f) => f.name).join(', ') || 'no files'}`,
        );
      const weights = await Promise.all(list.filter((f) => f !== json).map(async (f) => ({ name: f.name, data: await f.arrayBuffer() })));
      const model = await loadValidatedModel(filesHandler(await json.text(), weights), LENET_TOPOLOGY);
      await this.#lenet.adoptModel(model, `imported ${json.name}`);
      return `imported ${json.name}`;
    });
  }
}
