import type { forecastContract } from '../../../shared/forecast';
import type { HandlersOf } from '../../core/context';

export const forecastHandlers: HandlersOf<typeof forecastContract> = {};
