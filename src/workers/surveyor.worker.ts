/// <reference lib="webworker" />
// The surveyor worker: a thin switch from protocol commands to the SurveyorSession.
import { backendSelect } from './backend';
import { exhaustiveSwitchError } from './protocol';
import { benchMatMul, benchSurface } from './surveyorBench';
import { surveyorEventTransferables, type SurveyorCommand, type SurveyorEvent } from './surveyorProtocol';
import { SurveyorSession } from './surveyorSession';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function emit(event: SurveyorEvent): void {
  scope.postMessage(event, surveyorEventTransferables(event));
}

const session = new SurveyorSession(emit);
let backendReady: Promise<unknown> = Promise.resolve();

async function handle(command: SurveyorCommand): Promise<void> {
  if (command.type !== 'init') await backendReady;
  switch (command.type) {
    case 'init':
      backendReady = backendSelect(command.backend).then((backend) => emit({ type: 'ready', backend }));
      await backendReady;
      return;
    case 'configure':
      session.configure(command.config, command.revision, command.table);
      return;
    case 'checkpoint':
      session.checkpoint(command.revision, command.run, command.step, command.weights);
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
      emit({ type: 'benchResult', ...(await benchSurface(session.currentModel(), weights, command.resolution, command.mode)) });
      return;
    }
    case 'benchMatMul':
      emit({ type: 'benchMatMulResult', ...(await benchMatMul(command.size, command.repeats)) });
      return;
    default:
      exhaustiveSwitchError(command);
  }
}

scope.onmessage = (message: MessageEvent<SurveyorCommand>) => {
  handle(message.data).catch((error: unknown) => {
    emit({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
};
