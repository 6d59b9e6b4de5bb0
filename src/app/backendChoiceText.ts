// What the backend badge says: which backend (and surface strategy) each worker uses, and the
// measured rates behind the choice.
import type { BackendChoice, BackendTrial } from '../workers/backendDecision';
import type { BackendInfo } from '../workers/protocol';

/** Grid points of the surface the badge quotes a time for. */
const SURFACE_POINTS = 51 * 51;

function stepsText(rate: number): string {
  return rate >= 100 ? String(Math.round(rate)) : rate >= 10 ? rate.toFixed(0) : rate.toPrecision(2);
}

function surfaceText(pointsPerSecond: number): string {
  const ms = (SURFACE_POINTS / pointsPerSecond) * 1000;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms < 100_000 ? `${(ms / 1000).toPrecision(2)} s` : `${Math.round(ms / 1000)} s`;
}

/** The best timed trial of each backend other than the chosen one. */
function otherBackends(choice: BackendChoice): BackendTrial[] {
  const seen = new Set<string>([choice.backend]);
  const others: BackendTrial[] = [];
  for (const t of choice.trials) {
    if (t.rate === null || seen.has(t.backend)) continue;
    seen.add(t.backend);
    others.push(t);
  }
  return others;
}

/** ", 2 threads" for threaded WASM (a cross-origin isolated page). */
function threadsText(info: BackendInfo): string {
  return info.threads ? `, ${info.threads} threads` : '';
}

/** "training on wasm, 640 steps/s (webgpu 48)", ", runs batched" for compare runs batched; without a measurement just the backend. */
export function trainingChoiceText(info: BackendInfo): string {
  const choice = info.choice;
  let text = `training on ${info.name}`;
  if (choice?.rate) text += `, ${stepsText(choice.rate)} steps/s`;
  // Compare runs stepping as one computation (batchedStep.ts), where that was measured faster.
  if (choice?.strategy === 'batched') text += ', runs batched';
  text += threadsText(info);
  const others = choice ? otherBackends(choice) : [];
  if (others.length > 0) text += ` (${others.map((t) => `${t.backend} ${stepsText(t.rate!)}`).join(', ')})`;
  return text;
}

/** "landscape on wasm/looped, 1.8 s per 51×51 (webgpu 78 ms)"; before its first surface, the backend only. */
export function landscapeChoiceText(info: BackendInfo): string {
  const choice = info.choice;
  if (!choice) return `landscape on ${info.name}`;
  let text = `landscape on ${info.name}${choice.strategy ? `/${choice.strategy}` : ''}`;
  if (choice.rate) text += `, ${surfaceText(choice.rate)} per 51×51`;
  text += threadsText(info);
  const others = otherBackends(choice);
  if (others.length > 0) text += ` (${others.map((t) => `${t.backend} ${surfaceText(t.rate!)}`).join(', ')})`;
  if (choice.source === 'forced') text += ' (forced)';
  return text;
}

/** Every timing behind a choice, one per line, for the tooltip. */
export function choiceDetail(info: BackendInfo, unit: 'steps' | 'surface'): string {
  const lines = [`${info.name}: ${info.reason}`];
  for (const t of info.choice?.trials ?? []) {
    const what = `${t.backend}${t.strategy ? `/${t.strategy}` : ''}`;
    if (t.rate === null) lines.push(`  ${what}: failed (${t.error ?? 'unknown'})`);
    else lines.push(`  ${what}: ${unit === 'steps' ? `${stepsText(t.rate)} steps/s` : `${surfaceText(t.rate)} per 51×51`}`);
  }
  for (const f of info.failures) lines.push(`  ${f.backend}: ${f.message}`);
  return lines.join('\n');
}
