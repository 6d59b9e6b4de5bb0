import type { ExperimentConfig, RunVariant } from '../engine/config';
import { optimizerById } from '../engine/optimizers/registry';
import { scheduleById } from '../engine/schedules/schedules';
import { addonById } from '../losses/addons';
import { MIXUP_ALPHA_DEFAULT } from '../losses/mixup';
import { moeRunLabelParts } from './moeRunLabels';
import { lossById } from '../losses/registry';
import { taskLossById } from '../losses/taskLosses';
import type { Task } from '../engine/task';

/** A run's name in a comparison: its letter and what sets it apart. */
export interface RunLabel {
  /** "A", "B", … */
  letter: string;
  /** What follows the letter: "CE + mixup", "lr 100", "focal γ=3, SGD". */
  detail: string;
  /** "B · lr 100". */
  text: string;
}

/**
 * Short names for the losses, as people write them in papers and talks; a loss not listed here
 * goes by its full name.
 */
const LOSS_SHORT: Readonly<Record<string, string>> = {
  ce: 'CE',
  mse: 'MSE',
  brier: 'Brier',
  'ce-temp': 'CE/T',
  'comp-sum': 'comp-sum',
  gce: 'GCE',
  mae: 'MAE',
  dco: 'DCO',
  dice: 'Dice',
  'soft-dice': 'soft Dice',
  ensloss: 'EnsLoss',
  focal: 'focal',
  hinge: 'hinge',
  'sq-hinge': 'sq. hinge',
  'label-smoothing': 'label smoothing',
  ldam: 'LDAM',
  'ldr-kl': 'LDR-KL',
  'logit-adjusted': 'logit-adj. CE',
  sce: 'SCE',
  'z-spherical': 'Z-loss',
  anyloss: 'AnyLoss',
};

const ADDON_SHORT: Readonly<Record<string, string>> = { 'z-reg': 'z-reg', 'confidence-penalty': 'conf. penalty' };

/** A number in three significant digits, plain from 0.001 to 10⁵ and as a power of ten beyond: 100, 0.003, 1e-5. */
export function runLabelNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(3));
  const size = Math.abs(rounded);
  return size === 0 || (size >= 1e-3 && size < 1e5) ? String(rounded) : rounded.toExponential().replace('e+', 'e');
}

/** Regression losses whose full names are long; the rest go by their names ("HL-Gauss"). */
const REGRESSION_SHORT: Readonly<Record<string, string>> = { mse: 'MSE', mae: 'MAE', huber: 'Huber', 'log-cosh': 'log-cosh', pinball: 'pinball' };

function lossName(id: string, task: Task): string {
  if (task !== 'classification') return (task === 'regression' ? REGRESSION_SHORT[id] : undefined) ?? safeName(() => taskLossById(task, id).name, id);
  return LOSS_SHORT[id] ?? safeName(() => lossById(id).name, id);
}

/** A registry's name, or the id when the registry does not know it (a config from a newer version). */
function safeName(read: () => string, id: string): string {
  try {
    return read();
  } catch {
    return id;
  }
}

/** `label=value` for each parameter in `shown`, in the spec's order. */
function params(specs: readonly { id: string; label: string }[], values: Readonly<Record<string, number>>, shown: (id: string) => boolean): string[] {
  return specs.filter((p) => shown(p.id) && values[p.id] !== undefined).map((p) => `${p.label}=${runLabelNumber(values[p.id]!)}`);
}

/**
 * The loss as the run trains it: the short name, the parameters that differ from their defaults
 * or between the runs that share this loss, the add-ons and mixup. "focal γ=3", "CE + mixup".
 */
function lossPart(variant: RunVariant, all: readonly RunVariant[], task: Task): string {
  const { id } = variant.loss;
  let specs: readonly { id: string; label: string; default: number }[] = [];
  try {
    specs = taskLossById(task, id).params;
  } catch {
    // an unknown loss has no parameter specs to show
  }
  const same = all.filter((v) => v.loss.id === id);
  const shown = (param: string): boolean => {
    const value = variant.loss.params[param];
    const spec = specs.find((p) => p.id === param);
    return (spec !== undefined && value !== spec.default) || same.some((v) => v.loss.params[param] !== value);
  };
  const head = [lossName(id, task), ...params(specs, variant.loss.params, shown)].join(' ');
  const addons = Object.keys(variant.loss.addons)
    .sort()
    .map((addon) => ADDON_SHORT[addon] ?? safeName(() => addonById(addon).name, addon));
  const mixups = new Set(all.map((v) => v.training.mixup).filter((a) => a > 0));
  const mixup = variant.training.mixup > 0 ? [mixups.size > 1 || variant.training.mixup !== MIXUP_ALPHA_DEFAULT ? `mixup α=${runLabelNumber(variant.training.mixup)}` : 'mixup'] : [];
  return [head, ...addons, ...mixup].join(' + ');
}

/** The optimizer and training options in which `variant` differs from `base`, in words. */
function optimizerDiffs(variant: RunVariant, base: RunVariant): string[] {
  const o = variant.optimizer;
  const b = base.optimizer;
  const out: string[] = [];
  if (o.id !== b.id) out.push(safeName(() => optimizerById(o.id).name, o.id));
  if (o.learningRate !== b.learningRate) out.push(`lr ${runLabelNumber(o.learningRate)}`);
  let specs: readonly { id: string; label: string }[] = [];
  try {
    specs = optimizerById(o.id).params;
  } catch {
    // unknown optimizer: no parameters to compare
  }
  out.push(...params(specs, o.params, (p) => o.params[p] !== b.params[p]));
  if (o.batchSize !== b.batchSize) out.push(o.batchSize === 0 ? 'full batch' : `batch ${o.batchSize}`);
  if (o.weightDecay !== b.weightDecay) out.push(`wd ${runLabelNumber(o.weightDecay)}`);
  if (o.clipNorm !== b.clipNorm) out.push(o.clipNorm === 0 ? 'no clipping' : `clip ${runLabelNumber(o.clipNorm)}`);
  if (o.schedule.id !== b.schedule.id) out.push(safeName(() => scheduleById(o.schedule.id).name, o.schedule.id).toLowerCase());
  else {
    let scheduleSpecs: readonly { id: string; label: string }[] = [];
    try {
      scheduleSpecs = scheduleById(o.schedule.id).params;
    } catch {
      // unknown schedule
    }
    out.push(...params(scheduleSpecs, o.schedule.params, (p) => o.schedule.params[p] !== b.schedule.params[p]));
  }
  if (variant.training.totalSteps !== base.training.totalSteps) out.push(`T ${variant.training.totalSteps}`);
  return out;
}

/**
 * Names the runs of a comparison by what sets them apart. Run A is its letter and its loss;
 * every other run is its letter, its loss when that differs from A's (with add-ons and mixup),
 * and every optimizer or training option that differs from A's:
 * "A · CE", "B · CE + mixup", "C · lr 100", "D · focal γ=3, SGD". A run identical to A says so.
 */
export function runLabels(config: ExperimentConfig): RunLabel[] {
  const variants: RunVariant[] = [config, ...config.compare.runs];
  const base = variants[0]!;
  const baseLoss = lossPart(base, variants, config.task);
  return variants.map((variant, i) => {
    const letter = String.fromCharCode(65 + i);
    const loss = lossPart(variant, variants, config.task);
    const moe = moeRunLabelParts(config, variant, base);
    const parts = i === 0 ? [loss, ...moe] : [...(loss !== baseLoss ? [loss] : []), ...optimizerDiffs(variant, base), ...moe];
    const detail = parts.length > 0 ? parts.join(', ') : `${loss} (as A)`;
    return { letter, detail, text: `${letter} · ${detail}` };
  });
}

/** The label of run `index`, or its letter alone when the config has no such run (yet). */
export function runLabelAt(labels: readonly RunLabel[], index: number): string {
  return labels[index]?.text ?? String.fromCharCode(65 + index);
}
