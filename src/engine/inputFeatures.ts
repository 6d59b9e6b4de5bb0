/**
 * The input features of TensorFlow Playground, as toggles: the network sees the chosen functions
 * of the raw inputs instead of the raw inputs alone.
 */
export const INPUT_FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type InputFeatureId = (typeof INPUT_FEATURES)[number];

export interface InputFeatureInfo {
  label: string;
  /** How many raw input columns it reads: features of x₂ need two. */
  inputs: 1 | 2;
  value(x1: number, x2: number): number;
}

export const INPUT_FEATURE_INFO: Record<InputFeatureId, InputFeatureInfo> = {
  x1: { label: 'x₁', inputs: 1, value: (x1) => x1 },
  x2: { label: 'x₂', inputs: 2, value: (_x1, x2) => x2 },
  x1sq: { label: 'x₁²', inputs: 1, value: (x1) => x1 * x1 },
  x2sq: { label: 'x₂²', inputs: 2, value: (_x1, x2) => x2 * x2 },
  x1x2: { label: 'x₁x₂', inputs: 2, value: (x1, x2) => x1 * x2 },
  sinx1: { label: 'sin x₁', inputs: 1, value: (x1) => Math.sin(x1) },
  sinx2: { label: 'sin x₂', inputs: 2, value: (_x1, x2) => Math.sin(x2) },
};

/** The Playground's default: the raw inputs. */
export const DEFAULT_INPUT_FEATURES: readonly InputFeatureId[] = ['x1', 'x2'];

export function isInputFeatureId(id: string): id is InputFeatureId {
  return (INPUT_FEATURES as readonly string[]).includes(id);
}

/**
 * The chosen features, in catalogue order whatever order they were given in (so a link that lists
 * them differently builds the same model), checked against the data's input count. Throws with a
 * message saying what is wrong.
 */
export function inputFeaturesResolve(ids: readonly string[], inputs: number): InputFeatureId[] {
  if (ids.length === 0) throw new Error('pick at least one input feature');
  for (const id of ids) {
    if (!isInputFeatureId(id)) throw new Error(`unknown input feature: ${id} (known: ${INPUT_FEATURES.join(', ')})`);
    if (INPUT_FEATURE_INFO[id].inputs > inputs) throw new Error(`input feature ${INPUT_FEATURE_INFO[id].label} needs two input columns; this data has ${inputs}`);
  }
  const chosen = new Set(ids);
  return INPUT_FEATURES.filter((id) => chosen.has(id));
}

/**
 * The feature matrix: row-major `points × features.length`, from row-major raw inputs
 * `points × inputs` (1 or 2 columns). Features are those of `inputFeaturesResolve`, in its order.
 */
export function inputFeatureMatrix(x: Float32Array | readonly number[], inputs: number, ids: readonly string[]): Float32Array {
  if (inputs !== 1 && inputs !== 2) throw new Error(`input features are defined on 1 or 2 input columns, not ${inputs}`);
  if (x.length % inputs !== 0) throw new Error(`${x.length} input values do not make rows of ${inputs}`);
  const features = inputFeaturesResolve(ids, inputs).map((id) => INPUT_FEATURE_INFO[id].value);
  const points = x.length / inputs;
  const out = new Float32Array(points * features.length);
  for (let i = 0; i < points; i++) {
    const x1 = x[i * inputs]!;
    const x2 = inputs === 2 ? x[i * inputs + 1]! : 0;
    features.forEach((value, f) => (out[i * features.length + f] = value(x1, x2)));
  }
  return out;
}

/**
 * The features a model trains on for data with `inputs` raw columns: the chosen ones this data
 * can compute (features of x₂ need two columns; if none is left, x₁ alone), or null for data of
 * more than two columns, which trains on its raw (standardised) columns.
 */
export function inputFeaturesFor(ids: readonly string[], inputs: number): InputFeatureId[] | null {
  if (inputs !== 1 && inputs !== 2) return null;
  const usable = ids.filter((id) => isInputFeatureId(id) && INPUT_FEATURE_INFO[id].inputs <= inputs);
  return usable.length > 0 ? inputFeaturesResolve(usable, inputs) : ['x1'];
}
