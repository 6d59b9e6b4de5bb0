// The cases the PyTorch comparison test exports and trains both ways: every loss of the catalog
// at the default optimizer, every optimizer at the default loss, the add-ons, mixup, minibatches
// with a schedule, clipping and weight decay, and a comparison of two runs.
import { configClamp, DEFAULT_CONFIG, type ExperimentConfig } from '../engine/config';
import { OPTIMIZERS } from '../engine/optimizers/registry';
import { LOSSES } from '../losses/registry';

export interface ReproduceCase {
  name: string;
  config: ExperimentConfig;
}

function withChanges(changes: Record<string, unknown>): ExperimentConfig {
  const base = structuredClone(DEFAULT_CONFIG) as unknown as Record<string, unknown>;
  // Probes do not change training; off, the engine side runs faster.
  const input = { ...base, metrics: { ...DEFAULT_CONFIG.metrics, telemetryEvery: 0 }, ...changes };
  return configClamp(input).config;
}

export function reproduceCases(): ReproduceCase[] {
  const cases: ReproduceCase[] = [];
  for (const loss of LOSSES) {
    // The spherical Z-loss needs three classes (with two its gradient is zero); the circle makes three.
    const data = loss.unavailableReason(2) ? { ...DEFAULT_CONFIG.data, classes: 3 } : DEFAULT_CONFIG.data;
    cases.push({ name: `loss ${loss.id}`, config: withChanges({ data, loss: { id: loss.id, params: {}, addons: {} } }) });
  }
  for (const optimizer of OPTIMIZERS) {
    cases.push({ name: `optimizer ${optimizer.id}`, config: withChanges({ optimizer: { ...DEFAULT_CONFIG.optimizer, id: optimizer.id, params: {} } }) });
  }
  cases.push({ name: 'add-ons z-reg + confidence penalty', config: withChanges({ loss: { id: 'ce', params: {}, addons: { 'z-reg': { lambda: 0.001 }, 'confidence-penalty': { beta: 0.1 } } } }) });
  cases.push({ name: 'mixup 0.2', config: withChanges({ training: { ...DEFAULT_CONFIG.training, mixup: 0.2 } }) });
  cases.push({
    name: 'minibatch 32, momentum, warmup-cosine, clip 1, weight decay 0.01',
    config: withChanges({
      optimizer: { ...DEFAULT_CONFIG.optimizer, id: 'momentum', params: {}, batchSize: 32, clipNorm: 1, weightDecay: 0.01, schedule: { id: 'warmup-cosine', params: {} } },
      training: { ...DEFAULT_CONFIG.training, totalSteps: 200 },
    }),
  });
  cases.push({
    name: 'comparison ce / focal / sgd, 3 overlapping blobs',
    config: withChanges({
      data: { ...DEFAULT_CONFIG.data, kind: 'blobs', classes: 3, noise: 0.8 },
      compare: { runs: [{ loss: { id: 'focal', params: {}, addons: {} } }, { optimizer: { id: 'sgd', learningRate: 0.1 } }] },
    }),
  });
  return cases;
}
