// Create or edit a contact in a drawer.
import { Button, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ContactFields, GENDERS, type Contact } from '../../../shared/contacts';
import { call } from '../../api';
import { dateItemProps } from '../../components/dateValue';
import { CustomerSelect } from '../customers/CustomerSelect';
import { CustomerForm, type CustomerFormProps } from '../customers/CustomerForm';
import { HalfItem, OwnerItem } from '../customers/FormItems';
import { companyLabel } from './companyLabel';

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

const get = (id: string) => call('contacts.get', { id });

/** `companyId` preselects the company of a new contact. */
export function ContactForm({ companyId, ...props }: CustomerFormProps & { companyId?: string }) {
  const { t } = useTranslation();
  return (
    <CustomerForm entity="contact" spec={spec} get={get} formValues={formValues} newValues={{ ...NEW_CONTACT, companyId }} {...props}>
      {({ record, checkDuplicates }) => (
        <>
          <Row gutter={8}>
            <HalfItem name="name" label={t('fields.name')} required>
              <Input autoFocus maxLength={100} onBlur={checkDuplicates} />
            </HalfItem>
            <HalfItem name="title" label={t('fields.title')}>
              <Input maxLength={50} />
            </HalfItem>
            <HalfItem name="gender" label={t('fields.gender')}>
              <Select options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
            </HalfItem>
            <HalfItem name="birthday" label={t('fields.birthday')} {...dateItemProps}>
              <DatePicker style={{ width: '100%' }} />
            </HalfItem>
          </Row>
          <Form.Item name="companyId" label={t('fields.company')}>
            <CustomerSelect kind="company" initialName={record && companyLabel(t, record)} />
          </Form.Item>
          <ListField name="mobiles" label={t('fields.mobiles')} onBlur={checkDuplicates} />
          <Row gutter={8}>
            <HalfItem name="landline" label={t('fields.landline')}>
              <Input maxLength={50} />
            </HalfItem>
            <OwnerItem half />
          </Row>
          <ListField name="emails" label={t('fields.emails')} onBlur={checkDuplicates} />
          <Row gutter={8}>
            <HalfItem name="wechat" label={t('fields.wechat')}>
              <Input maxLength={64} />
            </HalfItem>
            <HalfItem name="qq" label={t('fields.qq')}>
              <Input maxLength={12} />
            </HalfItem>
          </Row>
        </>
      )}
    </CustomerForm>
  );
}
