// A preference experiment's data.json and the start of its experiment.py: the app's exact problem
// (prompts, the hidden reward, pairs with their label noise, the forget and retain sets) and where
// training starts (the warm-up when any run unlearns), for preference.py.
import type { ExperimentConfig } from '../engine/config';
import { preferenceProblemCreate } from '../engine/preference/problem';
import { preferenceStartFamily } from '../engine/preference/preferenceStart';
import { LIMITS } from '../engine/configDefaults';
import { pyInteger } from './pyLiteral';

/** Float32 values written exactly: String() of a float32 parses back to the same float32. */
function numbers(values: ArrayLike<number>): string {
  return `[${Array.from(values, (v) => String(v)).join(', ')}]`;
}

function rows(values: Float32Array, width: number): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; i += width) out.push(`    ${numbers(values.subarray(i, i + width))}`);
  return `[\n${out.join(',\n')}\n  ]`;
}

/** data.json of a preference experiment, and its response count (the policy's outputs). */
export function preferenceDataJson(config: ExperimentConfig): { text: string; responses: number } {
  const { data, preference } = config;
  const spec = { prompts: data.points, responses: preference.responses, labelNoise: preference.labelNoise, forgetFraction: preference.forgetFraction, seed: data.seed };
  const problem = preferenceProblemCreate(spec);
  const k = spec.responses;
  const text = `{
  "task": "preference",
  "features": 2,
  "responses": ${k},
  "classes": ${k},
  "source": ${JSON.stringify({ kind: 'prompts', ...spec })},
  "x": ${rows(problem.x, 2)},
  "centres": ${rows(problem.centres, 2)},
  "reward": ${rows(problem.reward, k)},
  "best": ${numbers(problem.best)},
  "chosen": ${numbers(problem.chosen)},
  "rejected": ${numbers(problem.rejected)},
  "flipped": ${numbers(problem.flipped)},
  "forget": ${numbers(problem.forget)},
  "retain": ${numbers(problem.retain)}
}
`;
  return { text, responses: k };
}

/** experiment.py's PREFERENCE: the warm-up every run starts from (0 steps unless a run unlearns). */
export function preferencePy(config: ExperimentConfig): string {
  const unlearning = preferenceStartFamily(config) === 'unlearning';
  const steps = unlearning ? config.preference.warmupSteps : 0;
  const { min, max } = LIMITS.preferenceWarmupSteps;
  return `\nPREFERENCE = {\n    "warmup_steps": ${pyInteger(steps, 'warm-up steps', min, max)},\n}\n`;
}
