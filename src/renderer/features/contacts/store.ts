import { createListStore } from '../customers/listStore';

/** UI state of the contacts list and its form. */
export const useContactsUi = createListStore();
