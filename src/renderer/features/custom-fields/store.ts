// The admin-defined custom fields of contacts and companies, loaded once and after settings change.
import { useEffect } from 'react';
import type { CustomEntity, CustomField } from '../../../shared/custom-fields';
import { call } from '../../api';
import { createCatalogStore } from '../../components/catalogStore';

export const useCustomFields = createCatalogStore('fields', () => call('customFields.list', {}));

/** The custom fields, loaded when a screen that shows them mounts (settings may have changed). */
export function useLoadedCustomFields(): CustomField[] {
  const { fields, load } = useCustomFields();
  useEffect(() => {
    void load();
  }, [load]);
  return fields;
}

export const fieldsOf = (fields: CustomField[], entity: CustomEntity) =>
  fields.filter((f) => f.entity === entity).sort((a, b) => a.position - b.position);
