// The tag catalogue, shared by filters, forms and detail pages; reloaded after any tag change.
import { call } from '../../api';
import { createCatalogStore } from '../../components/catalogStore';

export const useTags = createCatalogStore('tags', () => call('tags.list', {}));
