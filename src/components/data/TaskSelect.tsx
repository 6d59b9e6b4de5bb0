import { useConfigStore } from '../../app/configStore';
import { configSetTask } from '../../engine/configTask';
import { TASKS, type Task } from '../../engine/task';
import { SelectField } from '../fields';

const TASK_LABELS: Record<Task, string> = {
  classification: 'Classification (a class per point)',
  regression: 'Regression (a number per point)',
  preference: 'Preference & unlearning (a policy over responses)',
};

/** Classification or regression: switching loads the task's default data and loss. */
export function TaskSelect() {
  const task = useConfigStore((s) => s.config.task);
  const update = useConfigStore((s) => s.update);
  return (
    <SelectField<Task>
      label="Task"
      value={task}
      testId="task"
      options={TASKS.map((t) => ({ value: t, label: TASK_LABELS[t] }))}
      onChange={(next) => update((c) => configSetTask(c, next))}
    />
  );
}
