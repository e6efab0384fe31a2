// Create or edit a contact in a drawer.
import { useEffect, useMemo, useState } from 'react';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ContactFields, GENDERS, type Contact } from '../../../shared/contacts';
import { call } from '../../api';
import { dateItemProps } from '../../components/dateValue';
import { navigate } from '../../components/router';
import { OwnerSelect } from '../app/OwnerSelect';
import { CompanySelect } from '../companies/CompanySelect';
import { CustomFieldInputs } from '../custom-fields/CustomFieldInputs';
import { AddressFields } from '../customers/AddressFields';
import { DuplicateAlert } from '../customers/DuplicateAlert';
import { FormDrawer } from '../customers/FormDrawer';
import { useCustomerSave } from '../customers/useCustomerSave';
import { companyLabel } from './companyLabel';
import { TagSelect } from '../tags/TagSelect';

const orOneBlank = (list: unknown) => (Array.isArray(list) && list.length > 0 ? list : ['']);
const nonBlank = (list: unknown) => (Array.isArray(list) ? list.filter((v) => typeof v === 'string' && v.trim() !== '') : []);

const spec = {
  schema: ContactFields,
  tidy: (v: Record<string, unknown>) => ({ ...v, mobiles: nonBlank(v.mobiles), emails: nonBlank(v.emails) }),
  // Blank rows go, but an empty list keeps one input (it vanished after a save with errors).
  shown: (v: Record<string, unknown>) => ({ ...v, mobiles: orOneBlank(v.mobiles), emails: orOneBlank(v.emails) }),
  duplicates: (v: ContactFields, excludeId: string | null) =>
    call('contacts.duplicates', { name: v.name, mobiles: v.mobiles, emails: v.emails, companyId: v.companyId, excludeId }),
  duplicateKeys: ['name', 'mobiles', 'emails', 'companyId'],
  create: (v: ContactFields, allowDuplicate: boolean) => call('contacts.create', { ...v, allowDuplicate }),
  update: (id: string, v: ContactFields) => call('contacts.update', { id, patch: v }),
};

const NEW_CONTACT = { gender: 'unknown', mobiles: [''], emails: [''], tagIds: [], custom: {} };
const formValues = (c: Contact) => ({
  ...c,
  mobiles: c.mobiles.length ? c.mobiles : [''],
  emails: c.emails.length ? c.emails : [''],
  tagIds: c.tags.map((tag) => tag.id),
});

/** Several values of one kind (mobiles, emails): one input each, add and remove. */
function ListField({ name, label, onBlur }: { name: 'mobiles' | 'emails'; label: string; onBlur(): void }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label} required={false}>
          {fields.map((field, i) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={field.name} style={{ marginBottom: 8, width: 380 }}>
                <Input aria-label={`${label} ${i + 1}`} maxLength={name === 'emails' ? 254 : 50} onBlur={onBlur} />
              </Form.Item>
              {fields.length > 1 && <MinusCircleOutlined aria-label={t('common.remove')} onClick={() => remove(field.name)} />}
            </Space>
          ))}
          {fields.length < 10 && (
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add('')}>
              {t(name === 'mobiles' ? 'contact.addMobile' : 'contact.addEmail')}
            </Button>
          )}
        </Form.Item>
      )}
    </Form.List>
  );
}

/** `editing` is a contact id, 'new', or null (closed). Mount it keyed by `editing`. */
export function ContactForm({ editing, onClose, onSaved, companyId }: { editing: string | null; onClose(): void; onSaved(id: string): void; companyId?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [record, setRecord] = useState<Contact | null>(null);
  const original = useMemo(() => record && formValues(record), [record]);
  const { saving, duplicates, checkDuplicates, save } = useCustomerSave(form, editing, spec, original);

  useEffect(() => {
    if (!editing || editing === 'new') return;
    void call('contacts.get', { id: editing }).then(setRecord);
  }, [editing]);

  const submit = async (allowDuplicate = false) => {
    const id = await save(allowDuplicate);
    if (id) onSaved(id);
    return id;
  };
  const mergeWith = async (otherId: string) => {
    const id = await submit(true);
    if (id) navigate({ page: 'merge', entity: 'contact', a: otherId, b: id });
  };
  const blur = () => void checkDuplicates();
  const initial = editing === 'new' ? { ...NEW_CONTACT, companyId } : original;

  return (
    <FormDrawer
      open={editing !== null}
      title={t(editing === 'new' ? 'contact.new' : 'contact.edit')}
      saving={saving}
      onSave={() => void submit()}
      onClose={onClose}
      warning={<DuplicateAlert entity="contact" candidates={duplicates} onSaveAnyway={() => void submit(true)} onMerge={(c) => void mergeWith(c.id)} />}
    >
      {initial && (
        <Form form={form} layout="vertical" initialValues={initial} data-testid="contact-form">
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item name="name" label={t('fields.name')} required>
                <Input autoFocus maxLength={100} onBlur={blur} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="title" label={t('fields.title')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="gender" label={t('fields.gender')}>
                <Select options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="birthday" label={t('fields.birthday')} {...dateItemProps}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="companyId" label={t('fields.company')}>
            <CompanySelect initialName={record && companyLabel(t, record)} />
          </Form.Item>
          <ListField name="mobiles" label={t('fields.mobiles')} onBlur={blur} />
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item name="landline" label={t('fields.landline')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="ownerId" label={t('fields.owner')}>
                <OwnerSelect />
              </Form.Item>
            </Col>
          </Row>
          <ListField name="emails" label={t('fields.emails')} onBlur={blur} />
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item name="wechat" label={t('fields.wechat')}>
                <Input maxLength={64} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="qq" label={t('fields.qq')}>
                <Input maxLength={12} />
              </Form.Item>
            </Col>
          </Row>
          <AddressFields />
          <Form.Item name="tagIds" label={t('fields.tags')}>
            <TagSelect mode="multiple" />
          </Form.Item>
          <CustomFieldInputs entity="contact" />
          <Form.Item name="notes" label={t('fields.notes')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      )}
    </FormDrawer>
  );
}
