/**
 * "Three APIs, one model": the code view of the MLP, Wide & Deep and LeNet
 * panels, generated from their current settings (codegen.ts for Sequential
 * and Functional, subclassCode.ts for Subclassing, wideDeepCode.ts for the
 * two-path model). Every snippet is runnable and builds the panel's model.
 */
import { functionalCode, sequentialCode, type CompileSpec } from './codegen.ts';
import { lenetLayerSpecs, type LenetConfig } from './lenetConfig.ts';
import type { MlpConfig } from './mlpConfig.ts';
import { mlpLayerSpecs } from './mlpModel.ts';
import { subclassCode } from './subclassCode.ts';
import { wideDeepFunctionalCode, wideDeepSubclassCode } from './wideDeepCode.ts';

export const CODE_APIS = ['sequential', 'functional', 'subclassing'] as const;
export type CodeApi = (typeof CODE_APIS)[number];

export const CODE_API_LABELS: Readonly<Record<CodeApi, string>> = {
  sequential: 'Sequential',
  functional: 'Functional',
  subclassing: 'Subclassing',
};

/** One line per API: the trade-off between a static graph and imperative code. */
export const CODE_API_TRADEOFFS: Readonly<Record<CodeApi, string>> = {
  sequential: 'A static graph, one layer after another: easy to save, copy and inspect (model.summary()), but only for a plain stack.',
  functional: 'A static graph of any shape (branches, merges, several inputs or outputs): still easy to save, copy and inspect.',
  subclassing:
    'Imperative code in call(): flexible (any loop or condition), but opaque: no summary, no saved topology, and saving or copying is up to you.',
};

/** `sequential` is null where the model is not a plain stack (Wide & Deep). */
export interface ModelCode {
  sequential: string | null;
  functional: string;
  subclassing: string;
}

export function mlpCompileSpec(c: MlpConfig): CompileSpec {
  return {
    loss: c.loss,
    huberDelta: c.huberDelta,
    optimizer: c.optimizer,
    learningRate: c.learningRate,
    momentum: c.momentum,
    outputUnits: c.outputSize,
  };
}

/** Code for the MLP panel's model (buildMlp, or buildWideDeep when `c.wide`). */
export function mlpCode(c: MlpConfig): ModelCode {
  const compile = mlpCompileSpec(c);
  if (c.wide) return { sequential: null, functional: wideDeepFunctionalCode(c, compile), subclassing: wideDeepSubclassCode(c, compile) };
  const specs = mlpLayerSpecs(c);
  const init = { init: c.kernelInit, seed: c.seed };
  return {
    sequential: sequentialCode([c.inputSize], specs, compile, init),
    functional: functionalCode([c.inputSize], specs, compile, init),
    subclassing: subclassCode('Mlp', [c.inputSize], specs, compile, init),
  };
}

/** Code for the LeNet panel's model (buildLenet); `c` must be validated. */
export function lenetCode(c: LenetConfig): ModelCode {
  const specs = lenetLayerSpecs(c);
  const compile: CompileSpec = { loss: 'crossentropy', optimizer: c.optimizer, learningRate: c.learningRate, outputUnits: c.numClasses };
  const init = { init: c.kernelInit, seed: c.seed };
  return {
    sequential: sequentialCode(c.inputShape, specs, compile, init),
    functional: functionalCode(c.inputShape, specs, compile, init),
    subclassing: subclassCode(c.convBlocks.length ? 'LeNet' : 'DenseMnist', c.inputShape, specs, compile, init),
  };
}
