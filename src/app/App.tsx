import type { TrainerClient } from './trainerClient';
import { BackendBadge } from '../components/BackendBadge';
import { CopyLink } from '../components/CopyLink';
import { ExportMenu } from '../components/export/ExportMenu';
import { ImportedRun } from '../components/export/ImportedRun';
import { CalibrationPanel } from '../components/calibration/CalibrationPanel';
import { DataControls } from '../components/DataControls';
import { DecisionBoundary } from '../components/DecisionBoundary';
import { LossChart } from '../components/LossChart';
import { LossControls } from '../components/LossControls';
import { MetricsControls } from '../components/MetricsControls';
import { LossShape } from '../components/LossShape';
import { ModelControls } from '../components/ModelControls';
import { Notices } from '../components/Notices';
import { OptimizerControls } from '../components/OptimizerControls';
import { PlaybackBar } from '../components/PlaybackBar';
import { SharpnessPanel } from '../components/telemetry/SharpnessPanel';
import { TelemetryPanel } from '../components/telemetry/TelemetryPanel';
import { OptionalView, ViewToggles } from '../components/ViewToggles';
import { LandscapePanel } from '../components/landscape/LandscapePanel';
import { CompareView } from '../components/compare/CompareView';
import { RunTabs } from '../components/compare/RunTabs';
import { LessonsMenu } from '../components/lessons/LessonsMenu';
import { LessonPanel } from '../components/lessons/LessonPanel';
import { ControlColumn, ControlGate } from '../components/lessons/ControlGate';
import { PresenterToggle } from '../components/PresenterToggle';

/** Composition only: the views and controls, laid out. */
export function App({ client, urlNotices }: { client: TrainerClient; urlNotices: readonly string[] }) {
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          Losscape <span className="tagline">see what a loss function does</span>
        </h1>
        <LessonsMenu />
        <PresenterToggle />
        <BackendBadge />
        <CopyLink />
        <ExportMenu />
      </header>
      <Notices urlNotices={urlNotices} />
      <ImportedRun />
      <LessonPanel />
      <div className="layout">
        {/* A link can hide or lock panels for a class (`hide=`, `lock=`; see classroomUrl.ts). */}
        <ControlColumn>
          <ControlGate panel="data">
            <DataControls />
          </ControlGate>
          <ControlGate panel="model">
            <ModelControls />
          </ControlGate>
          <ControlGate panel="runs">
            <RunTabs />
          </ControlGate>
          <ControlGate panel="loss">
            <LossControls />
          </ControlGate>
          <ControlGate panel="optimizer">
            <OptimizerControls />
          </ControlGate>
          <ControlGate panel="metrics">
            <MetricsControls />
          </ControlGate>
        </ControlColumn>
        <main className="views">
          <div className="toolbar">
            <PlaybackBar client={client} />
            <ControlGate panel="views">
              <ViewToggles />
            </ControlGate>
          </div>
          <div className="view-grid">
            <DecisionBoundary />
            <LossChart />
            <OptionalView id="lossShape">
              <LossShape />
            </OptionalView>
            <OptionalView id="calibration">
              <CalibrationPanel />
            </OptionalView>
            <OptionalView id="sharpness">
              <SharpnessPanel />
            </OptionalView>
            <OptionalView id="telemetry">
              <TelemetryPanel />
            </OptionalView>
          </div>
          <CompareView />
          <LandscapePanel />
        </main>
      </div>
    </div>
  );
}
