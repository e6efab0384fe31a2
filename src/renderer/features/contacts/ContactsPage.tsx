// 联系人: the contacts list.
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/contacts';
import { call } from '../../api';
import type { Column } from '../../components/VirtualTable';
import { navigate } from '../../components/router';
import { nameColumn, sharedColumns } from '../customers/columns';
import { EditForm } from '../customers/EditForm';
import { ListPage } from '../customers/ListPage';
import { ContactForm } from './ContactForm';
import { companyLabel } from './companyLabel';
import { useContactsUi } from './store';

export function ContactsPage() {
  const { t } = useTranslation();
  const columns: Column<Contact>[] = [
    nameColumn('contact', t('fields.name'), '1.2fr'),
    { key: 'company', title: t('fields.company'), width: '2fr', render: (c) => companyLabel(t, c) ?? '—' },
    { key: 'title', title: t('fields.title'), width: '1fr', render: (c) => c.title ?? '—' },
    { key: 'mobile', title: t('fields.mobile'), width: '130px', render: (c) => c.mobiles[0] ?? '—' },
    ...sharedColumns(t),
  ];
  return (
    <ListPage<Contact>
      entity="contact"
      title={t('nav.contacts')}
      store={useContactsUi}
      columns={columns}
      load={(q) => call('contacts.list', q)}
      renderForm={(onSaved) => (
        <EditForm
          form={ContactForm}
          store={useContactsUi}
          onSaved={(id) => {
            onSaved();
            navigate({ page: 'contact', id });
          }}
        />
      )}
    />
  );
}
