// One contact: all fields, tags, custom fields and the interaction timeline.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ShareControl } from '../admin/ShareControl';
import { CustomerDetail } from '../customers/CustomerDetail';
import { ContactForm } from './ContactForm';
import { companyLabel } from './companyLabel';
import { useContactsUi } from './store';

const get = (id: string) => call('contacts.get', { id });

export function ContactDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <CustomerDetail
      entity="contact"
      id={id}
      get={get}
      store={useContactsUi}
      form={ContactForm}
      headerExtra={(c) => (
        <>
          {c.title && <Tag>{c.title}</Tag>}
          <ShareControl entity="contact" id={c.id} />
        </>
      )}
      own={(c) => [
        { key: 'title', label: t('fields.title'), children: c.title },
        { key: 'gender', label: t('fields.gender'), children: t(`gender.${c.gender}`) },
        {
          key: 'company',
          label: t('fields.company'),
          children: c.companyId ? (
            <a href={`#/companies/${encodeURIComponent(c.companyId)}`} className={c.companyDeletedAt ? 'deleted-link' : undefined}>
              {companyLabel(t, c)}
            </a>
          ) : null,
        },
        { key: 'mobiles', label: t('fields.mobiles'), children: c.mobiles.join('、') },
        { key: 'landline', label: t('fields.landline'), children: c.landline },
        { key: 'emails', label: t('fields.emails'), children: c.emails.join('、') },
        { key: 'wechat', label: t('fields.wechat'), children: c.wechat },
        { key: 'qq', label: t('fields.qq'), children: c.qq },
        { key: 'birthday', label: t('fields.birthday'), children: c.birthday },
      ]}
    />
  );
}
