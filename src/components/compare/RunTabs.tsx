import { useRef } from 'react';
import { useConfigStore } from '../../app/configStore';
import { useSelectedRun, useSelectionStore } from '../../app/selectionStore';
import { configRuns, configVariant, MAX_RUNS } from '../../engine/config';
import { nextLoss } from './nextLoss';
import { useRunLabels } from '../../app/runLabelHooks';
import { runColour, runLetter } from '../palette';

/**
 * The runs of a comparison as tabs: the loss and optimizer controls below edit the selected run.
 * "Compare" adds a run that shares the data, split and initial weights.
 */
export function RunTabs() {
  const runs = useConfigStore((s) => s.config.compare.runs.length + 1);
  const lossIds = useConfigStore((s) => configRuns(s.config).map((r) => r.loss.id).join(','));
  const labels = useRunLabels();
  const update = useConfigStore((s) => s.update);
  const selected = useSelectedRun(runs);
  const select = useSelectionStore((s) => s.select);
  const ids = lossIds.split(',');

  const add = (): void => {
    update((draft) => {
      const from = structuredClone(configVariant(draft, selected));
      draft.compare.runs.push({ ...from, loss: { id: nextLoss(draft.task, from.loss.id, ids), params: {}, addons: {} } });
    });
    select(runs);
  };
  const remove = (index: number): void => {
    update((draft) => {
      if (index === 0) {
        // Removing A promotes B to the base run.
        const [first, ...rest] = draft.compare.runs;
        if (!first) return;
        Object.assign(draft, { loss: first.loss, optimizer: first.optimizer, training: first.training });
        draft.compare.runs = rest;
      } else {
        draft.compare.runs.splice(index - 1, 1);
      }
    });
    select(Math.max(0, Math.min(selected, runs - 2)));
  };

  // Tabs in the keyboard pattern of a tablist: one tab stop (the selected run); the arrow keys,
  // Home and End move between the runs and select them.
  const tablist = useRef<HTMLDivElement>(null);
  const onTabKey = (event: React.KeyboardEvent, index: number): void => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: runs - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + runs) % runs;
    select(next);
    tablist.current?.querySelector<HTMLElement>(`[data-testid="run-tab-${next}"]`)?.focus();
  };

  return (
    <div className="run-tabs" role="tablist" aria-label="Runs" ref={tablist}>
      {runs > 1 &&
        ids.map((id, i) => (
          <span key={i} className={i === selected ? 'run-tab run-tab-on' : 'run-tab'} style={{ borderColor: runColour(i) }}>
            <button type="button" role="tab" title={labels[i]?.text} aria-selected={i === selected} tabIndex={i === selected ? 0 : -1} data-testid={`run-tab-${i}`} onClick={() => select(i)} onKeyDown={(event) => onTabKey(event, i)}>
              <span className="swatch" style={{ background: runColour(i) }} /> {labels[i]?.text ?? `${runLetter(i)} · ${id}`}
            </button>
            <button type="button" className="run-remove" aria-label={`Remove run ${runLetter(i)}`} data-testid={`run-remove-${i}`} onClick={() => remove(i)}>
              ×
            </button>
          </span>
        ))}
      <button type="button" className="run-add" data-testid="run-add" disabled={runs >= MAX_RUNS} onClick={add} title="Train another run from the same data and initial weights">
        {runs > 1 ? '+ run' : '+ Compare losses'}
      </button>
    </div>
  );
}
