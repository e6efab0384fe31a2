import { createListStore } from '../customers/listStore';

/** UI state of the companies list and its form. */
export const useCompaniesUi = createListStore();
