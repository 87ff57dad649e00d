/**
 * "Show code", Subclassing API: a class that owns its variables, writes its
 * forward pass `call()` imperatively and trains itself with an optimizer and
 * `tf.variableGrads`. Runnable JavaScript like codegen.ts: after the import
 * lines it defines `model`; the kernels use the panel's seeded initialiser.
 */
import { computeLayerShapes } from './layerShapes.ts';
import type { InputShape, LayerActivation, LayerSpec } from './layerSpecs.ts';
import { DISPOSE_OPTIMIZER_IMPORT, initHelper, optimizerCode, TF_IMPORT, type CompileSpec, type InitSpec } from './codegen.ts';

/** `tf.<activation>(expr)`, or `expr` for linear. */
export function activate(activation: LayerActivation, expr: string): string {
  return activation === 'linear' ? expr : `tf.${activation}(${expr})`;
}

/** `inp · kernel + bias` of the layer held in field `name`. */
export const denseExpr = (inp: string, name: string): string => `${inp}.matMul(this.${name}.kernel).add(this.${name}.bias)`;

/** Matches tfLosses.ts (the panels' compile loss), so a step here equals a step of the Layers model. */
function lossLines(c: CompileSpec): string[] {
  switch (c.loss) {
    case 'mse':
      return ['return tf.mean(tf.square(yTrue.sub(yPred)));'];
    case 'l1':
      return ['return tf.mean(tf.abs(yTrue.sub(yPred)));'];
    case 'huber':
      return [`return tf.losses.huberLoss(yTrue, yPred, undefined, ${c.huberDelta ?? 1});`];
    case 'crossentropy': {
      const clip = 'const p = tf.clipByValue(yPred, 1e-7, 1 - 1e-7);';
      if (c.outputUnits === 1)
        return [clip, 'return tf.neg(tf.mean(yTrue.mul(tf.log(p)).add(tf.sub(1, yTrue).mul(tf.log(tf.sub(1, p))))));'];
      return [clip, 'return tf.neg(tf.mean(tf.sum(yTrue.mul(tf.log(p)), -1)));'];
    }
  }
}

export interface ClassParts {
  className: string;
  /** Constructor parameter names, e.g. ['xTrain']. */
  params?: string[];
  /** Statements run inside the constructor's tf.tidy (they create the variables). */
  fields: string[];
  /** Fields holding { kernel, bias }. */
  layers: string[];
  /** Statements of call(x); the last one returns. */
  call: string[];
  compile: CompileSpec;
  init: InitSpec;
  /** Several outputs: call() returns them all and the loss weighs each (Keras' loss_weights). */
  lossWeights?: readonly number[];
}

function lossMethods(p: ClassParts): string[] {
  const w = p.lossWeights;
  if (!w) return ['  loss(yTrue, yPred) {', ...indent(4, lossLines(p.compile)), '  }'];
  const names = w.map((_, i) => `y${i}`);
  const sum = names.map((n, i) => `this.outputLoss(yTrue, ${n}).mul(${w[i]})`).join('.add(\n      ') + ')'.repeat(w.length - 1);
  return [
    "  /** Keras' loss_weights: every output learns the same target, its loss scaled by its weight. */",
    `  loss(yTrue, [${names.join(', ')}]) {`,
    `    return ${sum};`,
    '  }',
    '',
    '  outputLoss(yTrue, yPred) {',
    ...indent(4, lossLines(p.compile)),
    '  }',
  ];
}

const indent = (n: number, lines: readonly string[]): string[] => lines.map((l) => ' '.repeat(n) + l);

export function classCode(p: ClassParts): string {
  const params = (p.params ?? []).join(', ');
  // Momentum's own dispose() leaks a scalar, so the class disposes it with the app's disposeOptimizer.
  const momentum = p.compile.optimizer === 'momentum';
  return [
    TF_IMPORT,
    ...(momentum ? [DISPOSE_OPTIMIZER_IMPORT] : []),
    '',
    initHelper(p.init.init),
    "/** One layer's variables: a seeded kernel and a zero bias. */",
    'const weights = (shape, seed) => ({',
    '  kernel: tf.variable(init(seed).apply(shape)),',
    '  bias: tf.variable(tf.zeros([shape[shape.length - 1]])),',
    '});',
    '',
    `class ${p.className} {`,
    `  constructor(${params}) {`,
    '    // tf.tidy frees the initial values; the variables outlive it.',
    '    tf.tidy(() => {',
    ...indent(6, p.fields),
    '    });',
    `    this.optimizer = ${optimizerCode(p.compile)};`,
    '  }',
    '',
    '  /** Every variable this object owns: kernel and bias of each layer. */',
    '  get variables() {',
    `    return [${p.layers.map((l) => `this.${l}`).join(', ')}].flatMap((l) => [l.kernel, l.bias]);`,
    '  }',
    '',
    '  get trainableVariables() {',
    '    return this.variables.filter((v) => v.trainable);',
    '  }',
    '',
    '  countParams() {',
    '    return this.variables.reduce((n, v) => n + v.size, 0);',
    '  }',
    '',
    '  /** The forward pass as plain code: any JavaScript could go here. Wrap calls in tf.tidy. */',
    '  call(x) {',
    ...indent(4, p.call),
    '  }',
    '',
    ...lossMethods(p),
    '',
    '  /** One optimizer step: tf.variableGrads differentiates the loss with respect to every trainable variable. */',
    '  trainStep(x, y) {',
    '    return tf.tidy(() => {',
    '      const { value, grads } = tf.variableGrads(() => this.loss(y, this.call(x)), this.trainableVariables);',
    '      this.optimizer.applyGradients(grads);',
    '      return value.dataSync()[0];',
    '    });',
    '  }',
    '',
    '  dispose() {',
    '    tf.dispose(this.variables);',
    momentum ? '    disposeOptimizer(this.optimizer);' : '    this.optimizer.dispose();',
    '  }',
    '}',
    '',
    `const model = new ${p.className}(${params});`,
    '// Train: model.trainStep(xBatch, yBatch) per batch. Predict: tf.tidy(() => model.call(x)).',
  ].join('\n');
}

function callLine(s: LayerSpec): string {
  switch (s.kind) {
    case 'dense':
      return `h = ${activate(s.activation, denseExpr('h', s.name))};`;
    case 'conv2d':
      return `h = ${activate(s.activation, `tf.conv2d(h, this.${s.name}.kernel, ${s.strides}, '${s.padding}').add(this.${s.name}.bias)`)};`;
    case 'pool':
      if (s.pool === 'min') return `h = tf.neg(tf.maxPool(tf.neg(h), ${s.poolSize}, ${s.strides}, 'valid')); // min pooling: −maxPool(−x)`;
      return `h = tf.${s.pool === 'max' ? 'maxPool' : 'avgPool'}(h, ${s.poolSize}, ${s.strides}, 'valid');`;
    case 'flatten':
      return 'h = h.reshape([h.shape[0], -1]);';
  }
}

/** A chain of layer specs as a subclass; layer i's kernel starts from init(seed + i), as in buildSequential. */
export function subclassCode(
  className: string,
  inputShape: InputShape,
  specs: readonly LayerSpec[],
  compile: CompileSpec,
  init: InitSpec,
): string {
  const shapes = computeLayerShapes(inputShape, specs).layers;
  const fields: string[] = [];
  const layers: string[] = [];
  specs.forEach((s, i) => {
    const inShape = i === 0 ? inputShape : shapes[i - 1].outputShape;
    const seed = init.seed + i;
    if (s.kind === 'dense') fields.push(`this.${s.name} = weights([${inShape[inShape.length - 1]}, ${s.units}], ${seed});`);
    else if (s.kind === 'conv2d')
      fields.push(`this.${s.name} = weights([${s.kernelSize}, ${s.kernelSize}, ${inShape[2]}, ${s.filters}], ${seed});`);
    else return;
    layers.push(s.name);
  });
  const call = ['let h = x;', ...specs.map(callLine), 'return h;'];
  return classCode({ className, fields, layers, call, compile, init });
}
