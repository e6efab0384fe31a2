import type { DescriptionsProps } from 'antd';
import type { CustomEntity, CustomField, CustomValues } from '../../../shared/custom-fields';
import { fieldsOf } from './store';

const show = (v: CustomValues[string] | undefined) => (Array.isArray(v) ? v.join('、') : v === null || v === undefined || v === '' ? '—' : String(v));

/** A record's custom field values as Descriptions items, labelled by their definitions. */
export function customFieldItems(fields: CustomField[], entity: CustomEntity, values: CustomValues): NonNullable<DescriptionsProps['items']> {
  return fieldsOf(fields, entity).map((f) => ({ key: `custom-${f.id}`, label: f.label, children: show(values[f.id]) }));
}
