// Messages of leads (zh-CN first; English has exactly the same keys).
import type { Shape } from './shape';

export const leadsZh = {
  title: '',
  settings: { tab: '线索来源' },
  errors: { label_exists: '列表中已有这一项' },
};

export const leadsEn: Shape<typeof leadsZh> = {
  title: '',
  settings: { tab: 'Lead sources' },
  errors: { label_exists: 'This item is already in the list' },
};
