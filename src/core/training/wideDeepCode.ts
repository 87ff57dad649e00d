/**
 * "Show code" for Wide & Deep (wideDeep.ts): Functional and Subclassing only,
 * since two paths meeting at the output is not a sequential stack. The code
 * takes `xTrain` (the training inputs, [n, inputSize]) to fit the
 * normalisation, as Keras' `Normalization.adapt(xTrain)` does.
 */
import { compileCode, initHelper, layerCall, TF_IMPORT, type CompileSpec } from './codegen.ts';
import { hasAuxOutput, type MlpConfig } from './mlpConfig.ts';
import { mlpLayerSpecs } from './mlpModel.ts';
import { activate, classCode, denseExpr } from './subclassCode.ts';
import { AUX_OUTPUT, wideDeepLossWeights } from './wideDeep.ts';

const ADAPT = [
  '// xTrain: the training inputs, an [n, inputSize] tensor.',
  '// TF.js has no Normalization layer: a frozen dense layer, kernel diag(1/σ) and bias −μ/σ, does the same.',
  '/** Normalization.adapt: per-feature mean μ and standard deviation σ (1 where a feature is constant). */',
  'const adapt = (x) =>',
  '  tf.tidy(() => {',
  '    const { mean, variance } = tf.moments(x, 0);',
  '    const std = tf.sqrt(variance);',
  '    const sigma = tf.where(std.greater(0), std, tf.onesLike(std));',
  '    return [tf.diag(sigma.reciprocal()), mean.neg().div(sigma)];',
  '  });',
];

export function wideDeepFunctionalCode(c: MlpConfig, compile: CompileSpec): string {
  const specs = mlpLayerSpecs(c);
  const hidden = specs.slice(0, -1);
  const lines = [
    TF_IMPORT,
    '',
    initHelper(c.kernelInit),
    ...ADAPT,
    '',
    `const input = tf.input({ shape: [${c.inputSize}] });`,
    `const normalization = tf.layers.dense({ name: 'normalization', units: ${c.inputSize}, trainable: false });`,
    'const norm = normalization.apply(input);',
  ];
  let prev = 'norm';
  hidden.forEach((s, i) => {
    lines.push(`const ${s.name} = ${layerCall(s, c.seed + i)}.apply(${prev});`);
    prev = s.name;
  });
  lines.push(
    `const wideDeep = tf.layers.concatenate({ name: 'wide_deep' }).apply([norm, ${prev}]); // the wide path meets the deep one`,
    `const output = ${layerCall(specs[specs.length - 1], c.seed + hidden.length)}.apply(wideDeep);`,
  );
  const aux = hasAuxOutput(c);
  if (aux)
    lines.push(
      `// The auxiliary output sits on the deep path alone, so that path must be useful by itself.`,
      `const auxOutput = ${layerCall({ ...specs[specs.length - 1], name: AUX_OUTPUT }, c.seed + hidden.length + 1)}.apply(${prev});`,
    );
  lines.push(
    `const model = tf.model({ inputs: input, outputs: ${aux ? '[output, auxOutput]' : 'output'} });`,
    'const adapted = adapt(xTrain);',
    'normalization.setWeights(adapted); // copies',
    'tf.dispose(adapted);',
    compileCode(compile, aux ? wideDeepLossWeights(c) : undefined),
    'model.summary();',
  );
  return lines.join('\n');
}

export function wideDeepSubclassCode(c: MlpConfig, compile: CompileSpec): string {
  const specs = mlpLayerSpecs(c);
  const hidden = specs.slice(0, -1);
  const out = specs[specs.length - 1];
  const fields = [
    'const [kernel, bias] = adapt(xTrain);',
    'this.normalization = { kernel: tf.variable(kernel, false), bias: tf.variable(bias, false) }; // frozen',
  ];
  let inUnits = c.inputSize;
  hidden.forEach((s, i) => {
    if (s.kind !== 'dense') return;
    fields.push(`this.${s.name} = weights([${inUnits}, ${s.units}], ${c.seed + i});`);
    inUnits = s.units;
  });
  const outUnits = out.kind === 'dense' ? out.units : c.outputSize;
  fields.push(`this.${out.name} = weights([${c.inputSize + inUnits}, ${outUnits}], ${c.seed + hidden.length});`);
  const aux = hasAuxOutput(c);
  if (aux) fields.push(`this.auxOutput = weights([${inUnits}, ${outUnits}], ${c.seed + hidden.length + 1});`);
  const call = [`const norm = ${denseExpr('x', 'normalization')};`, 'let deep = norm;'];
  hidden.forEach((s) => s.kind === 'dense' && call.push(`deep = ${activate(s.activation, denseExpr('deep', s.name))};`));
  const act = out.kind === 'dense' ? out.activation : 'linear';
  call.push('const wideDeep = tf.concat([norm, deep], 1); // the wide path meets the deep one');
  const main = activate(act, denseExpr('wideDeep', out.name));
  if (aux) call.push(`return [${main}, ${activate(act, denseExpr('deep', 'auxOutput'))}]; // main and auxiliary outputs`);
  else call.push(`return ${main};`);
  const code = classCode({
    className: 'WideAndDeep',
    params: ['xTrain'],
    fields,
    layers: ['normalization', ...specs.map((s) => s.name), ...(aux ? ['auxOutput'] : [])],
    call,
    compile,
    lossWeights: aux ? wideDeepLossWeights(c) : undefined,
    init: { init: c.kernelInit, seed: c.seed },
  });
  // `adapt` sits beside the `weights` helper, before the class.
  return code.replace('\nclass WideAndDeep', `\n${ADAPT.join('\n')}\n\nclass WideAndDeep`);
}
