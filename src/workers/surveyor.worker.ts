/// <reference lib="webworker" />
// The surveyor worker: a thin switch from protocol commands to the SurveyorSession. Its backend
// and evaluation strategy are chosen by timing the surfaces of the current model on the
// candidates (BackendChooser), when the first surface or slice of a new size class is asked for.
import { BackendChooser } from './backendChooser';
import { backendWasmThreads } from './backend';
import { backendForwardWork, backendSizeClass, type BackendTrial } from './backendDecision';
import { surveyTrial } from './backendTrials';
import { exhaustiveSwitchError, type BackendName } from './protocol';
import { benchMatMul, benchSurface } from './surveyorBench';
import { SURVEY_STRATEGIES, surveyStrategyIs } from './surveyorEvaluator';
import { surveyorEventTransferables, type SurveyorCommand, type SurveyorEvent } from './surveyorProtocol';
import { SurveyorSession, surveyorModelBuild } from './surveyorSession';
import { surveyorMoeInitialLayers } from './surveyorMoe';
import { preferenceSurveyTrial } from './surveyorPreference';
import { mlpInitWeights } from '../engine/mlp';
import { trainingDataCreate } from '../engine/trainingData';
import { configClamp, type ExperimentConfig } from '../engine/config';
import type { DataTable } from '../engine/dataTable';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// Grids of forward passes may gain from WASM threads where the page is cross-origin isolated:
// timed once per device on the landscape benchmark's model (2-32-32-3, 1 000 points), the best
// strategy's grid points per second, and kept only when faster.
const THREADS_TRIAL_CONFIG = configClamp({
  data: { kind: 'blobs', points: 1666, noise: 0.1, classes: 3, seed: 1 },
  model: { layers: 2, width: 32, activation: 'relu' },
  seed: 1,
}).config;
backendWasmThreads(async () => Math.max(0, ...(await trialOn('wasm', THREADS_TRIAL_CONFIG, null)).map((t) => t.rate ?? 0)));

/** Milliseconds of surface evaluation timed on each candidate backend, over all strategies. */
const TRIAL_BUDGET_MS = 400;

function emit(event: SurveyorEvent): void {
  scope.postMessage(event, surveyorEventTransferables(event));
}

const session = new SurveyorSession(emit);
let chooser: BackendChooser | null = null;
let experiment: { config: ExperimentConfig; table: DataTable | null } | null = null;
/** Every command waits for it; a surface, slice or bench chains the backend decision onto it. */
let backendReady: Promise<unknown> = Promise.resolve();

/** Every strategy timed on the current backend, on the experiment's data and initial weights. */
async function trialOn(backend: BackendName, config: ExperimentConfig, table: DataTable | null): Promise<BackendTrial[]> {
  if (config.task === 'preference') {
    const trial = preferenceSurveyTrial(config);
    try {
      const timings = await surveyTrial(trial.model.objective, trial.center, SURVEY_STRATEGIES, TRIAL_BUDGET_MS);
      return timings.map((t) => ({ backend, strategy: t.strategy, rate: t.rate, ...(t.error ? { error: t.error } : {}) }));
    } finally {
      trial.dispose();
    }
  }
  const data = trainingDataCreate(config, table);
  try {
    const model = surveyorModelBuild(config, data, 0, 0);
    const shape = { inputs: data.inputs, hidden: model.shapes.slice(0, -1).map((l) => l.outputs), outputs: data.dataset.classes, activation: model.objective.activation };
    const initial = surveyorMoeInitialLayers(model.objective, config.seed) ?? mlpInitWeights(shape, config.seed);
    // A mixture's evaluator has no stacked2d form (moeEvaluate.ts): it would time batched twice.
    const strategies = model.objective.moe ? SURVEY_STRATEGIES.filter((s) => s !== 'stacked2d') : SURVEY_STRATEGIES;
    const timings = await surveyTrial(model.objective, initial, strategies, TRIAL_BUDGET_MS);
    return timings.map((t) => ({ backend, strategy: t.strategy, rate: t.rate, ...(t.error ? { error: t.error } : {}) }));
  } finally {
    data.dispose();
  }
}

/** Chooses the backend and strategy for the current experiment's size class, if not yet chosen. */
async function decide(): Promise<void> {
  if (!chooser || !experiment) return;
  const { config, table } = experiment;
  const model = session.currentModel();
  const sizes = [model.shapes[0]!.inputs, ...model.shapes.map((l) => l.outputs)];
  const sizeClass = backendSizeClass('survey', backendForwardWork(model.objective.x.shape[0], sizes));
  if (chooser.decided(sizeClass)) return;
  session.cancel();
  await session.idle();
  const before = chooser.current()?.name;
  const backend = await chooser.decide(sizeClass, (name) => trialOn(name, config, table));
  const strategy = backend.choice?.strategy;
  session.setStrategy(surveyStrategyIs(strategy) ? strategy : null);
  if (backend.name !== before) session.rebuild();
  emit({ type: 'ready', backend });
}

async function handle(command: SurveyorCommand, ready: Promise<unknown>): Promise<void> {
  await ready;
  switch (command.type) {
    case 'init':
      return;
    case 'configure':
      session.configure(command.config, command.revision, command.table);
      return;
    case 'checkpoint':
      session.checkpoint(command.revision, command.run, command.step, command.weights, command.reference);
      return;
    case 'survey':
      session.survey(command.request);
      return;
    case 'slice':
      session.slice(command.request);
      return;
    case 'cancel':
      session.cancel();
      return;
    case 'bench': {
      await session.idle();
      const weights = session.trajectory().at(-1)?.weights;
      if (!weights) throw new Error('the surveyor has no weights to benchmark around');
      emit({ type: 'benchResult', ...(await benchSurface(session.currentModel(), weights, command.resolution, command.mode, session.strategyInUse())) });
      return;
    }
    case 'benchMatMul':
      emit({ type: 'benchMatMulResult', ...(await benchMatMul(command.size, command.repeats)) });
      return;
    default:
      exhaustiveSwitchError(command);
  }
}

function reportError(error: unknown): void {
  emit({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}

scope.onmessage = (message: MessageEvent<SurveyorCommand>) => {
  const command = message.data;
  // Chained as the message arrives, so every later command waits for this one's backend work.
  if (command.type === 'init') {
    chooser = new BackendChooser('survey', command.backend);
    backendReady = chooser.init().then((backend) => emit({ type: 'ready', backend }));
  } else if (command.type === 'configure') {
    experiment = { config: command.config, table: command.table };
  } else if (command.type === 'survey' || command.type === 'slice' || command.type === 'bench') {
    backendReady = backendReady.then(decide).catch(reportError);
  }
  handle(command, backendReady).catch(reportError);
};
