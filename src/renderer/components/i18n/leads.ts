// Messages of leads (zh-CN first; English has exactly the same keys).
import type { Shape } from './shape';

export const leadsZh = {
  title: '',
  settings: { tab: '线索来源' },
};

export const leadsEn: Shape<typeof leadsZh> = {
  title: '',
  settings: { tab: 'Lead sources' },
};
