import { useConfigStore } from '../../app/configStore';
import { configSetTask } from '../../engine/configTask';
import { TASKS, type Task } from '../../engine/task';
import { SelectField } from '../fields';

const TASK_LABELS: Record<Task, string> = {
  // Short, so the closed menu shows them whole in the settings column; the note under it says more.
  classification: 'Classification',
  regression: 'Regression',
  preference: 'Preference & unlearning',
};

const TASK_NOTES: Record<Task, string> = {
  classification: 'a class per point',
  regression: 'a number per point',
  preference: 'a policy over responses',
};

/** Classification or regression: switching loads the task's default data and loss. */
export function TaskSelect() {
  const task = useConfigStore((s) => s.config.task);
  const update = useConfigStore((s) => s.update);
  return (
    <SelectField<Task>
      label={`Task: ${TASK_NOTES[task]}`}
      value={task}
      testId="task"
      options={TASKS.map((t) => ({ value: t, label: TASK_LABELS[t] }))}
      onChange={(next) => update((c) => configSetTask(c, next))}
    />
  );
}
