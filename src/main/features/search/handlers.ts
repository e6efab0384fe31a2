// PLACEHOLDER — the search helper replaces this file.
import type { searchContract } from '../../../shared/search';
import type { HandlersOf } from '../../core/context';

export const searchHandlers: HandlersOf<typeof searchContract> = {
  'search.global': async () => [],
};
