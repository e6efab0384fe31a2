// Settings → custom fields: extra fields an admin adds to contacts or companies.
import { Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CustomEntity, CustomFieldSave, CustomFieldType, type CustomField } from '../../../shared/custom-fields';
import { call } from '../../api';
import { SettingsList } from '../../components/SettingsList';
import { useCustomFields } from './store';

const hasOptions = (type: CustomField['type'] | undefined) => type === 'select' || type === 'multiselect';

const input = (raw: Partial<CustomField>, id: string | undefined) => ({ ...raw, id, options: hasOptions(raw.type) ? (raw.options ?? []) : [] });

/** The modal's fields: options only for a (multi)select. */
function CustomFieldFormItems() {
  const { t } = useTranslation();
  const type = Form.useWatch('type', Form.useFormInstance()) as CustomField['type'] | undefined;
  return (
    <>
      <Form.Item name="entity" label={t('customFields.entity')}>
        <Select options={CustomEntity.options.map((e) => ({ value: e, label: t(`customFields.entities.${e}`) }))} />
      </Form.Item>
      <Form.Item name="label" label={t('customFields.label')} required>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="type" label={t('customFields.type')}>
        <Select options={CustomFieldType.options.map((ty) => ({ value: ty, label: t(`customFields.types.${ty}`) }))} />
      </Form.Item>
      {hasOptions(type) && (
        <Form.Item name="options" label={t('customFields.options')} extra={t('customFields.optionsHint')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
        </Form.Item>
      )}
    </>
  );
}

export function CustomFieldSettings() {
  const { t } = useTranslation();
  const { fields, load } = useCustomFields();
  return (
    <SettingsList<CustomField, typeof CustomFieldSave>
      items={fields}
      load={load}
      newLabel={t('customFields.new')}
      editLabel={t('customFields.edit')}
      fresh={() => ({ entity: 'contact', type: 'text', options: [] })}
      columns={[
        { key: 'entity', title: t('customFields.entity'), width: 120, render: (_, f) => t(`customFields.entities.${f.entity}`) },
        { key: 'label', title: t('customFields.label'), dataIndex: 'label' },
        { key: 'type', title: t('customFields.type'), width: 120, render: (_, f) => t(`customFields.types.${f.type}`) },
        { key: 'options', title: t('customFields.options'), render: (_, f) => f.options.map((o) => <Tag key={o}>{o}</Tag>) },
      ]}
      confirmDelete={(f) => t('customFields.confirmDelete', { label: f.label })}
      schema={CustomFieldSave}
      input={input}
      save={(v) => call('customFields.save', v)}
      remove={(id) => call('customFields.delete', { id })}
      formTestId="custom-field-form"
    >
      <CustomFieldFormItems />
    </SettingsList>
  );
}
