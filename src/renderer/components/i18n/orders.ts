// Messages of orders (zh-CN first; English has exactly the same keys).
import type { Shape } from './shape';

export const ordersZh = {
  title: '',
};

export const ordersEn: Shape<typeof ordersZh> = {
  title: '',
};
