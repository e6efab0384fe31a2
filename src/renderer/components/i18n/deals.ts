// Messages of deals (zh-CN first; English has exactly the same keys).
import type { Shape } from './shape';

export const dealsZh = {
  title: '',
  settings: { tab: '销售流程' },
};

export const dealsEn: Shape<typeof dealsZh> = {
  title: '',
  settings: { tab: 'Pipelines' },
};
