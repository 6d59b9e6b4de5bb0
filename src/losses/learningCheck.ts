// Test helper: train one loss at its defaults on a 2-class dataset, headless through the same
// TrainingRun the worker uses, and report train accuracy against the majority-class rate.
import { tf } from '../engine/tf';
import { DEFAULT_CONFIG, configClamp } from '../engine/config';
import { trainingDataCreate } from '../engine/trainingData';
import { TrainingRun } from '../engine/trainingRun';

/** Small enough that every loss on three datasets trains in about a minute on two cores. */
export const LEARNING_POINTS = 160;
export const LEARNING_STEPS = 500;

export interface LearningResult {
  trainAccuracy: number;
  majorityRate: number;
  finalLoss: number;
}

/** The app's defaults (2×8 tanh MLP, Adam η = 0.03, full batch) with only the data and the loss chosen. */
export async function trainAtDefaults(kind: string, lossId: string, steps = LEARNING_STEPS, points = LEARNING_POINTS): Promise<LearningResult> {
  const { config } = configClamp({
    ...DEFAULT_CONFIG,
    data: { ...DEFAULT_CONFIG.data, kind, points, classes: 2 },
    loss: { id: lossId, params: {}, addons: {} },
    metrics: { ...DEFAULT_CONFIG.metrics, telemetryEvery: 0, sharpnessEvery: 0, calibrationEvery: 0 },
  });
  const data = trainingDataCreate(config);
  const run = new TrainingRun(config, data);
  try {
    let last = NaN;
    for (let s = 1; s <= steps; s++) {
      const { loss, telemetry } = run.trainStep();
      if (s === steps) last = (await loss.data())[0]!;
      loss.dispose();
      telemetry?.dispose();
    }
    const evaluation = run.evaluate();
    const accuracy = (await evaluation.trainAccuracy.data())[0]!;
    tf.dispose(Object.values(evaluation));
    const counts = [0, 0];
    for (const y of data.train.labels) counts[y]! += 1;
    return { trainAccuracy: accuracy, majorityRate: Math.max(...counts) / data.train.labels.length, finalLoss: last };
  } finally {
    run.dispose();
    data.dispose();
  }
}
