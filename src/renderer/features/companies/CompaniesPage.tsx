// 客户/公司: the companies list.
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPANY_CATEGORIES, type Company, type CompanyCategory } from '../../../shared/companies';
import { call } from '../../api';
import type { Column } from '../../components/VirtualTable';
import { navigate } from '../../components/router';
import { nameColumn, sharedColumns } from '../customers/columns';
import { EditForm } from '../customers/EditForm';
import { ListPage } from '../customers/ListPage';
import { CompanyForm } from './CompanyForm';
import { useCompaniesUi } from './store';

export const CATEGORY_COLORS: Record<CompanyCategory, string> = { prospect: 'blue', customer: 'green', key: 'gold', lost: 'default' };

export function CompaniesPage() {
  const { t } = useTranslation();
  const { filter, setFilter } = useCompaniesUi();
  const columns: Column<Company>[] = [
    nameColumn('company', t('fields.companyName'), '2fr'),
    { key: 'category', title: t('fields.category'), width: '100px', render: (c) => <Tag color={CATEGORY_COLORS[c.category]}>{t(`category.${c.category}`)}</Tag> },
    { key: 'industry', title: t('fields.industry'), width: '1fr', render: (c) => c.industry ?? '—' },
    { key: 'contacts', title: t('company.contactCount'), width: '80px', render: (c) => c.contactCount },
    ...sharedColumns(t),
  ];
  return (
    <ListPage<Company>
      entity="company"
      title={t('nav.companies')}
      store={useCompaniesUi}
      columns={columns}
      load={(q) => call('companies.list', q)}
      filterExtra={
        <Select
          aria-label={t('fields.category')}
          placeholder={t('fields.category')}
          allowClear
          style={{ width: 120 }}
          value={filter.category ?? undefined}
          onChange={(category?: CompanyCategory) => setFilter({ category: category ?? null })}
          options={COMPANY_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
      }
      renderForm={(onSaved) => (
        <EditForm
          form={CompanyForm}
          store={useCompaniesUi}
          onSaved={(id) => {
            onSaved();
            navigate({ page: 'company', id });
          }}
        />
      )}
    />
  );
}
