import type { TrainerClient } from './trainerClient';
import { BackendBadge } from '../components/BackendBadge';
import { CopyLink } from '../components/CopyLink';
import { ExportMenu } from '../components/export/ExportMenu';
import { ImportedRun } from '../components/export/ImportedRun';
import { DataControls } from '../components/DataControls';
import { OutputView } from '../components/OutputView';
import { LossChart } from '../components/LossChart';
import { LossControls } from '../components/LossControls';
import { MetricsControls } from '../components/MetricsControls';
import { ModelControls } from '../components/ModelControls';
import { Notices } from '../components/Notices';
import { OptimizerControls } from '../components/OptimizerControls';
import { PlaybackBar } from '../components/PlaybackBar';
import { OptionalView, ViewToggles } from '../components/ViewToggles';
import { LandscapePanel } from '../components/landscape/LandscapePanel';
import { PreferencePanel } from '../components/preference/PreferencePanel';
import { useConfigStore } from './configStore';
import { useClassroomStore } from './classroomStore';
import { LandscapeSettings } from '../components/landscape/LandscapeControls';
import { RunTabs } from '../components/compare/RunTabs';
import { LessonsMenu } from '../components/lessons/LessonsMenu';
import { LessonPanel } from '../components/lessons/LessonPanel';
import { ControlColumn, ControlGate } from '../components/lessons/ControlGate';
import { PresenterToggle } from '../components/PresenterToggle';
import { Dock, useDockOpen } from '../components/layout/Dock';
import { SettingsGroup } from '../components/layout/SettingsGroup';
import { LazyCalibrationPanel, LazyCompareView, LazyLossShape, LazyMoePanel, LazyNetworkView, LazySharpnessPanel, LazyTelemetryPanel } from '../components/layout/lazyViews';

/**
 * Composition only. One screen from 1024 px up: the header with Play, the settings column on the
 * left, the core views (decision boundary, loss curve, loss landscape) filling what is left, and
 * a dock under them for the views the user opens. Narrower screens stack it all.
 */
export function App({ client, urlNotices }: { client: TrainerClient; urlNotices: readonly string[] }) {
  const docked = useDockOpen();
  const preference = useConfigStore((s) => s.config.task === 'preference');
  const controlsHidden = useClassroomStore((s) => s.hidden.includes('controls'));
  return (
    <div className="app">
      <a className="skip-link" href="#charts" data-testid="skip-link">
        Skip to the charts
      </a>
      <header className="app-header">
        <h1>
          Losscape <span className="tagline">see what a loss function does</span>
        </h1>
        <PlaybackBar client={client} />
        <div className="header-tools">
          <LessonsMenu />
          <PresenterToggle />
          <BackendBadge />
          <CopyLink />
          <ExportMenu />
        </div>
      </header>
      <div className="layout">
        {/* A link can hide or lock panels for a class (`hide=`, `lock=`; see classroomUrl.ts). */}
        <ControlColumn>
          {/* An open lesson leads the settings column, so the core views keep the height of the screen. */}
          <LessonPanel />
          <SettingsGroup title="Loss" panels={['runs', 'loss']} testId="loss">
            <ControlGate panel="runs">
              <RunTabs />
            </ControlGate>
            <ControlGate panel="loss">
              <LossControls />
            </ControlGate>
          </SettingsGroup>
          <SettingsGroup title="Optimizer" panels={['optimizer']} testId="optimizer">
            <ControlGate panel="optimizer">
              <OptimizerControls />
            </ControlGate>
          </SettingsGroup>
          <SettingsGroup title="Data" panels={['data']} testId="data">
            <ControlGate panel="data">
              <DataControls />
            </ControlGate>
          </SettingsGroup>
          <SettingsGroup title="Model" panels={['model']} testId="model">
            <ControlGate panel="model">
              <ModelControls />
            </ControlGate>
          </SettingsGroup>
          <SettingsGroup title="Landscape" panels={['views']} testId="landscape">
            <ControlGate panel="views">
              <LandscapeSettings />
            </ControlGate>
          </SettingsGroup>
          <SettingsGroup title="Metrics" panels={['metrics']} testId="metrics">
            <ControlGate panel="metrics">
              <MetricsControls />
            </ControlGate>
          </SettingsGroup>
        </ControlColumn>
        <main className="views" id="charts" tabIndex={-1} aria-label="Charts">
          <Notices urlNotices={urlNotices} />
          <ImportedRun />
          {/* With the settings column hidden (`hide=controls`) the lesson sits above the charts. */}
          {controlsHidden && <LessonPanel />}
          <div className={docked ? 'core core-docked' : preference ? 'core core-preference' : 'core'} data-testid="core-views">
            <OutputView />
            <LossChart />
            {preference && <PreferencePanel />}
            <LandscapePanel />
          </div>
          <Dock
            toggles={
              <ControlGate panel="views">
                <ViewToggles />
              </ControlGate>
            }
          >
            <LazyMoePanel />
            <OptionalView id="network">
              <LazyNetworkView client={client} />
            </OptionalView>
            <OptionalView id="lossShape">
              <LazyLossShape />
            </OptionalView>
            <OptionalView id="calibration">
              <LazyCalibrationPanel />
            </OptionalView>
            <OptionalView id="sharpness">
              <LazySharpnessPanel />
            </OptionalView>
            <OptionalView id="telemetry">
              <LazyTelemetryPanel />
            </OptionalView>
            <LazyCompareView />
          </Dock>
        </main>
      </div>
    </div>
  );
}
