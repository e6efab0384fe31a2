// Create or edit a company in a drawer.
import { Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPANY_CATEGORIES, COMPANY_SIZES, CompanyFields, type Company } from '../../../shared/companies';
import { call } from '../../api';
import { CustomerForm, type CustomerFormProps } from '../customers/CustomerForm';
import { HalfItem, OwnerItem } from '../customers/FormItems';

const spec = {
  schema: CompanyFields,
  duplicates: (v: CompanyFields, excludeId: string | null) => call('companies.duplicates', { name: v.name, phone: v.phone, excludeId }),
  duplicateKeys: ['name', 'phone'],
  create: (v: CompanyFields, allowDuplicate: boolean) => call('companies.create', { ...v, allowDuplicate }),
  update: (id: string, v: CompanyFields) => call('companies.update', { id, patch: v }),
};

const get = (id: string) => call('companies.get', { id });
const formValues = (c: Company) => ({ ...c, tagIds: c.tags.map((tag) => tag.id) });

const NEW_COMPANY = { category: 'prospect', tagIds: [], custom: {} };

export function CompanyForm(props: CustomerFormProps) {
  const { t } = useTranslation();
  return (
    <CustomerForm entity="company" spec={spec} get={get} formValues={formValues} newValues={NEW_COMPANY} {...props}>
      {({ checkDuplicates }) => (
        <>
          <Form.Item name="name" label={t('fields.companyName')} required>
            <Input autoFocus maxLength={100} onBlur={checkDuplicates} />
          </Form.Item>
          <Row gutter={8}>
            <HalfItem name="category" label={t('fields.category')}>
              <Select options={COMPANY_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
            </HalfItem>
            <OwnerItem half />
            <HalfItem name="industry" label={t('fields.industry')}>
              <Input maxLength={50} />
            </HalfItem>
            <HalfItem name="size" label={t('fields.size')}>
              <Select allowClear options={COMPANY_SIZES.map((s) => ({ value: s, label: t('company.sizeValue', { size: s }) }))} />
            </HalfItem>
            <HalfItem name="phone" label={t('fields.phone')}>
              <Input maxLength={50} onBlur={checkDuplicates} />
            </HalfItem>
            <HalfItem name="website" label={t('fields.website')}>
              <Input maxLength={300} />
            </HalfItem>
          </Row>
          <Form.Item name="source" label={t('fields.source')}>
            <Input maxLength={50} />
          </Form.Item>
        </>
      )}
    </CustomerForm>
  );
}
