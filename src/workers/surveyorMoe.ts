// How the surveyor sees a mixture of experts: its layers (the router's, then each expert's), in
// the order the trainer's weights come (TrainingRun.weightsFlat), and the objective of its
// landscape, the same total objective training minimises over the whole training set
// (moeEvaluate.ts).
import type { ExperimentConfig } from '../engine/config';
import type { TrainingData } from '../engine/trainingData';
import type { DenseWeights } from '../engine/mlp';
import { lossById } from '../losses/registry';
import { addonById } from '../losses/addons';
import { moeInitWeights } from '../engine/moe/moeModel';
import { moeShapeOf, moeTrainDomains } from '../engine/moe/moeTraining';
import { moeDomainAverager } from '../engine/moe/moeFullBatch';
import type { LandscapeObjective, LayerShape } from '../engine/landscape';

/** A mixture's layer shapes and its landscape objective, for run config `runConfig`. */
export function surveyorMoeObjective(runConfig: ExperimentConfig, data: TrainingData): { objective: LandscapeObjective; shapes: LayerShape[] } {
  const shape = moeShapeOf(runConfig, data);
  const expert = [shape.inputs, ...shape.hidden, shape.outputs];
  const expertLayers = expert.slice(1).map((outputs, l) => ({ inputs: expert[l]!, outputs }));
  const shapes = [{ inputs: shape.inputs, outputs: shape.experts }, ...Array.from({ length: shape.experts }, () => expertLayers).flat()];
  const { id, params, addons } = runConfig.loss;
  const { alpha, zLoss, balance } = runConfig.training.moe;
  const { classes } = data.dataset;
  const objective: LandscapeObjective = {
    activation: shape.activation,
    x: data.train.x,
    targets: data.train.targets,
    loss: lossById(id),
    params,
    context: { classes, classPriors: data.classPriors, step: 0, seed: runConfig.seed },
    penalty: { kind: runConfig.training.regularization, rate: runConfig.training.regularizationRate },
    moe: {
      shape,
      auxiliary: { alpha, zLoss, balance, topK: shape.topK },
      averager: moeDomainAverager(moeTrainDomains(runConfig, data), runConfig.data.domains),
      addons: Object.entries(addons).map(([addon, addonParams]) => ({ spec: addonById(addon), params: addonParams })),
    },
  };
  return { objective, shapes };
}

/** A mixture's initial weights as layers (for timing surfaces before training has sent any). */
export function surveyorMoeInitialLayers(objective: LandscapeObjective, seed: number): DenseWeights[] | null {
  return objective.moe ? moeInitWeights(objective.moe.shape, seed) : null;
}
