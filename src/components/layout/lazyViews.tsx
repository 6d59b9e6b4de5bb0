import { lazy, Suspense, type ComponentType } from 'react';
import type { TrainerClient } from '../../app/trainerClient';
import { useConfigStore } from '../../app/configStore';

// The views the first screen does not show are loaded when first opened, so they stay out of the
// main bundle (KaTeX comes with the loss shape's formula, the line charts with the comparison).
const LossShape = lazy(() => import('../LossShape').then((m) => ({ default: m.LossShape })));
const CalibrationPanel = lazy(() => import('../calibration/CalibrationPanel').then((m) => ({ default: m.CalibrationPanel })));
const SharpnessPanel = lazy(() => import('../telemetry/SharpnessPanel').then((m) => ({ default: m.SharpnessPanel })));
const TelemetryPanel = lazy(() => import('../telemetry/TelemetryPanel').then((m) => ({ default: m.TelemetryPanel })));
const MoePanel = lazy(() => import('../moe/MoePanel').then((m) => ({ default: m.MoePanel })));
const CompareView = lazy(() => import('../compare/CompareView').then((m) => ({ default: m.CompareView })));

function loading(View: ComponentType, label: string) {
  return function LazyView() {
    return (
      <Suspense
        fallback={
          <p className="panel note dock-loading" role="status">
            Loading {label}…
          </p>
        }
      >
        <View />
      </Suspense>
    );
  };
}

export const LazyLossShape = loading(LossShape, 'the loss shape');
export const LazyCalibrationPanel = loading(CalibrationPanel, 'calibration');
export const LazySharpnessPanel = loading(SharpnessPanel, 'sharpness');
export const LazyTelemetryPanel = loading(TelemetryPanel, 'gradients');
const LoadedCompareView = loading(CompareView, 'the comparison');
const LoadedMoePanel = loading(MoePanel, 'the experts');

/** A mixture of experts' routing, shown whenever the model is one. */
export function LazyMoePanel() {
  const moe = useConfigStore((s) => s.config.model.kind === 'moe');
  return moe ? <LoadedMoePanel /> : null;
}

/** The comparison, fetched only once there is a second run. */
export function LazyCompareView() {
  const compared = useConfigStore((s) => s.config.compare.runs.length > 0);
  return compared ? <LoadedCompareView /> : null;
}

const NetworkView = lazy(() => import('../network/NetworkView').then((m) => ({ default: m.NetworkView })));

/** The network view talks to the trainer (it asks for snapshots and sends edited weights). */
export function LazyNetworkView({ client }: { client: TrainerClient }) {
  return (
    <Suspense
      fallback={
        <p className="panel note dock-loading" role="status">
          Loading the network…
        </p>
      }
    >
      <NetworkView client={client} />
    </Suspense>
  );
}
