// Form inputs for the admin-defined custom fields of an entity; values live under `custom.<id>`.
import { useEffect } from 'react';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { CustomEntity, CustomField } from '../../../shared/custom-fields';
import { dateItemProps } from '../../components/dateValue';
import { fieldsOf, useCustomFields } from './store';

function FieldInput({ field, ...rest }: { field: CustomField }) {
  const options = field.options.map((o) => ({ value: o, label: o }));
  switch (field.type) {
    case 'number':
      return <InputNumber style={{ width: '100%' }} {...rest} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} {...rest} />;
    case 'select':
      return <Select allowClear options={options} {...rest} />;
    case 'multiselect':
      return <Select mode="multiple" allowClear options={options} {...rest} />;
    default:
      return <Input maxLength={1000} {...rest} />;
  }
}

export function CustomFieldInputs({ entity }: { entity: CustomEntity }) {
  const { fields, load } = useCustomFields();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      {fieldsOf(fields, entity).map((f) => (
        <Form.Item key={f.id} name={['custom', f.id]} label={f.label} {...(f.type === 'date' ? dateItemProps : {})}>
          <FieldInput field={f} />
        </Form.Item>
      ))}
    </>
  );
}
