// Task UI state shared by the home page, the tasks list, the calendar, subject pages and the
// reminder center: a version bumped after any task change (lists reload on it) and the task form.
import { create } from 'zustand';
import type { Task } from '../../../shared/tasks';

/** What a new task starts with (a day picked in the calendar, the subject page it is made on). */
export type TaskDraft = Partial<Pick<Task, 'dueAt' | 'allDay' | 'title'>> & {
  subjectType?: NonNullable<Task['subject']>['type'];
  subjectId?: string;
  subjectName?: string | null;
};

interface TasksUi {
  version: number;
  /** The task being edited, or a draft for a new one; null when the form is closed. */
  form: { task: Task | null; draft: TaskDraft } | null;
  changed(): void;
  openNew(draft?: TaskDraft): void;
  openEdit(task: Task): void;
  closeForm(): void;
}

export const useTasksUi = create<TasksUi>((set) => ({
  version: 0,
  form: null,
  changed: () => set((s) => ({ version: s.version + 1 })),
  openNew: (draft = {}) => set({ form: { task: null, draft } }),
  openEdit: (task) => set({ form: { task, draft: {} } }),
  closeForm: () => set({ form: null }),
}));
