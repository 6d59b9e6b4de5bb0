/// <reference lib="webworker" />
// The trainer worker: a thin switch from protocol commands to the TrainerSession (the
// PreferenceSession for task 'preference'). Its backend is chosen for the training workload by
// timing (BackendChooser, trainerWorkload.ts), re-decided when a new config changes the
// workload's size class.
import { BackendChooser } from './backendChooser';
import { trainerWorkload } from './trainerWorkload';
import { bareLoopStepsPerSecond } from './bareLoop';
import { deviceDestroyForTest, deviceLostWatch } from './deviceLost';
import { eventTransferables, exhaustiveSwitchError, type TrainerCommand, type TrainerEvent } from './protocol';
import { TrainerSession } from './trainerSession';
import { PreferenceSession } from './preferenceSession';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Milliseconds of training timed on each candidate backend (each strategy, for compare runs). */
const TRIAL_BUDGET_MS = 300;
const STRATEGY_TRIAL_BUDGET_MS = 200;

function emit(event: TrainerEvent): void {
  scope.postMessage(event, eventTransferables(event));
}

const session = new TrainerSession(emit);
/** Task 'preference' trains in its own session; the commands go to the one the last config chose. */
const preferenceSession = new PreferenceSession(emit);
let preferenceActive = false;
let chooser: BackendChooser | null = null;
/** Every command but `init` waits for it; a configure chains its backend decision onto it. */
let backendReady: Promise<unknown> = Promise.resolve();
/** The loop of the last play or step, so a backend decision can wait for it to stop. */
let training: Promise<void> = Promise.resolve();

/** Picks the backend for the config's workload (timing the candidates unless this size class is decided). */
async function decideFor(command: Extract<TrainerCommand, { type: 'configure' }>): Promise<void> {
  if (!chooser) return;
  const workload = trainerWorkload(command.config, command.table);
  if (!workload || chooser.decided(workload.sizeClass)) return;
  // Nothing may train while backends are switched and timed.
  session.pause();
  preferenceSession.pause();
  await training.catch(() => undefined);
  const several = workload.strategies.length > 1;
  const backend = await chooser.decide(
    workload.sizeClass,
    async (name) => {
      const trials = [];
      for (const strategy of workload.strategies) {
        const rate = await workload.trial(strategy, several ? STRATEGY_TRIAL_BUDGET_MS : TRIAL_BUDGET_MS);
        trials.push({ backend: name, strategy: several ? strategy : null, rate });
      }
      return trials;
    },
    several,
  );
  session.setStrategy(backend.choice?.strategy === 'batched' ? 'batched' : 'looped');
  emit({ type: 'ready', backend });
  deviceLostWatch(onDeviceLost);
}

async function handle(command: TrainerCommand, ready: Promise<unknown>): Promise<void> {
  await ready;
  switch (command.type) {
    case 'init':
      return;
    case 'configure':
      preferenceActive = command.config.task === 'preference';
      if (preferenceActive) {
        session.pause();
        preferenceSession.configure(command.config, command.revision, command.resume);
      } else {
        preferenceSession.dispose();
        session.configure(command.config, command.revision, command.table, command.resume);
      }
      return;
    case 'setView':
      await session.setView(command.view);
      return;
    case 'setMetrics':
      session.setMetrics(command.metrics);
      return;
    case 'setPlayback':
      session.setPlayback(command.playback);
      return;
    case 'watchNetwork':
      await session.watchNetwork(command.run);
      return;
    case 'setWeight':
      await session.setWeight(command.run, command.index, command.value);
      return;
    case 'play':
      training = preferenceActive ? preferenceSession.play() : session.play();
      await training;
      return;
    case 'pause':
      session.pause();
      preferenceSession.pause();
      return;
    case 'step':
      training = preferenceActive ? preferenceSession.step(command.steps) : session.step(command.steps);
      await training;
      return;
    case 'reset':
      if (preferenceActive) preferenceSession.reset();
      else session.reset();
      return;
    case 'benchBareLoop': {
      const run = session.currentRun();
      if (!run) throw new Error('configure a run before benchmarking it');
      emit({ type: 'benchResult', stepsPerSecond: await bareLoopStepsPerSecond(run, command.steps, command.loop) });
      return;
    }
    case 'loseDeviceForTest':
      if (!deviceDestroyForTest()) throw new Error('no WebGPU device to lose: the backend is not webgpu');
      return;
    default:
      exhaustiveSwitchError(command);
  }
}

function onDeviceLost(message: string): void {
  emit({ type: 'deviceLost', message });
}

function reportError(error: unknown): void {
  emit({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}

scope.onmessage = (message: MessageEvent<TrainerCommand>) => {
  const command = message.data;
  // Chained as the message arrives, so every later command waits for this one's backend work.
  if (command.type === 'init') {
    chooser = new BackendChooser('train', command.backend);
    backendReady = chooser.init().then((backend) => {
      emit({ type: 'ready', backend });
      deviceLostWatch(onDeviceLost);
    });
  } else if (command.type === 'configure') {
    backendReady = backendReady.then(() => decideFor(command)).catch(reportError);
  }
  handle(command, backendReady).catch(reportError);
};
