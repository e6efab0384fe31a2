// Create or edit a company in a drawer.
import { useEffect, useMemo, useState } from 'react';
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPANY_CATEGORIES, COMPANY_SIZES, CompanyFields, type Company } from '../../../shared/companies';
import { call } from '../../api';
import { navigate } from '../../components/router';
import { OwnerSelect } from '../app/OwnerSelect';
import { CustomFieldInputs } from '../custom-fields/CustomFieldInputs';
import { AddressFields } from '../customers/AddressFields';
import { DuplicateAlert } from '../customers/DuplicateAlert';
import { FormDrawer } from '../customers/FormDrawer';
import { useCustomerSave } from '../customers/useCustomerSave';
import { TagSelect } from '../tags/TagSelect';

const spec = {
  schema: CompanyFields,
  duplicates: (v: CompanyFields, excludeId: string | null) => call('companies.duplicates', { name: v.name, phone: v.phone, excludeId }),
  duplicateKeys: ['name', 'phone'],
  create: (v: CompanyFields, allowDuplicate: boolean) => call('companies.create', { ...v, allowDuplicate }),
  update: (id: string, v: CompanyFields) => call('companies.update', { id, patch: v }),
};

const formValues = (c: Company) => ({ ...c, tagIds: c.tags.map((tag) => tag.id) });

const NEW_COMPANY = { category: 'prospect', tagIds: [], custom: {} };

/** `editing` is a company id, 'new', or null (closed). Mount it keyed by `editing`. */
export function CompanyForm({ editing, onClose, onSaved }: { editing: string | null; onClose(): void; onSaved(id: string): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [record, setRecord] = useState<Company | null>(null);
  const original = useMemo(() => record && formValues(record), [record]);
  const { saving, duplicates, checkDuplicates, save } = useCustomerSave(form, editing, spec, original);

  useEffect(() => {
    if (!editing || editing === 'new') return;
    void call('companies.get', { id: editing }).then(setRecord);
  }, [editing]);

  const submit = async (allowDuplicate = false) => {
    const id = await save(allowDuplicate);
    if (id) onSaved(id);
    return id;
  };
  const mergeWith = async (otherId: string) => {
    const id = await submit(true);
    if (id) navigate({ page: 'merge', entity: 'company', a: otherId, b: id });
  };

  const initial = editing === 'new' ? NEW_COMPANY : original;
  return (
    <FormDrawer
      open={editing !== null}
      title={t(editing === 'new' ? 'company.new' : 'company.edit')}
      saving={saving}
      onSave={() => void submit()}
      onClose={onClose}
      warning={<DuplicateAlert entity="company" candidates={duplicates} onSaveAnyway={() => void submit(true)} onMerge={(c) => void mergeWith(c.id)} />}
    >
      {initial && (
        <Form form={form} layout="vertical" initialValues={initial} data-testid="company-form">
          <Form.Item name="name" label={t('fields.companyName')} required>
            <Input autoFocus maxLength={100} onBlur={() => void checkDuplicates()} />
          </Form.Item>
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item name="category" label={t('fields.category')}>
                <Select options={COMPANY_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="ownerId" label={t('fields.owner')}>
                <OwnerSelect />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="industry" label={t('fields.industry')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="size" label={t('fields.size')}>
                <Select allowClear options={COMPANY_SIZES.map((s) => ({ value: s, label: t('company.sizeValue', { size: s }) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="phone" label={t('fields.phone')}>
                <Input maxLength={50} onBlur={() => void checkDuplicates()} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="website" label={t('fields.website')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="source" label={t('fields.source')}>
            <Input maxLength={50} />
          </Form.Item>
          <AddressFields />
          <Form.Item name="tagIds" label={t('fields.tags')}>
            <TagSelect mode="multiple" />
          </Form.Item>
          <CustomFieldInputs entity="company" />
          <Form.Item name="notes" label={t('fields.notes')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      )}
    </FormDrawer>
  );
}
