/// <reference lib="webworker" />
// The trainer worker: a thin switch from protocol commands to the TrainerSession.
import { backendSelect } from './backend';
import { bareLoopStepsPerSecond } from './bareLoop';
import { eventTransferables, exhaustiveSwitchError, type TrainerCommand, type TrainerEvent } from './protocol';
import { TrainerSession } from './trainerSession';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function emit(event: TrainerEvent): void {
  scope.postMessage(event, eventTransferables(event));
}

const session = new TrainerSession(emit);
let backendReady: Promise<unknown> = Promise.resolve();

async function handle(command: TrainerCommand): Promise<void> {
  if (command.type !== 'init') await backendReady;
  switch (command.type) {
    case 'init':
      backendReady = backendSelect(command.backend).then((backend) => emit({ type: 'ready', backend }));
      await backendReady;
      return;
    case 'configure':
      session.configure(command.config, command.revision, command.table);
      return;
    case 'setView':
      await session.setView(command.view);
      return;
    case 'setMetrics':
      session.setMetrics(command.metrics);
      return;
    case 'play':
      await session.play();
      return;
    case 'pause':
      session.pause();
      return;
    case 'step':
      await session.step(command.steps);
      return;
    case 'reset':
      session.reset();
      return;
    case 'benchBareLoop': {
      const run = session.currentRun();
      if (!run) throw new Error('configure a run before benchmarking it');
      emit({ type: 'benchResult', stepsPerSecond: await bareLoopStepsPerSecond(run, command.steps, command.loop) });
      return;
    }
    default:
      exhaustiveSwitchError(command);
  }
}

scope.onmessage = (message: MessageEvent<TrainerCommand>) => {
  handle(message.data).catch((error: unknown) => {
    emit({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
};
