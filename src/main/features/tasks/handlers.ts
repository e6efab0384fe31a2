import type { tasksContract } from '../../../shared/tasks';
import type { HandlersOf } from '../../core/context';

export const tasksHandlers: HandlersOf<typeof tasksContract> = {};
