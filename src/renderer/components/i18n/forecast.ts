// Messages of forecast (zh-CN first; English has exactly the same keys).
import type { Shape } from './shape';

export const forecastZh = {
  title: '',
};

export const forecastEn: Shape<typeof forecastZh> = {
  title: '',
};
