// Messages of tasks (zh-CN first; English has exactly the same keys).
import type { Shape } from './shape';

export const tasksZh = {
  title: '',
};

export const tasksEn: Shape<typeof tasksZh> = {
  title: '',
};
