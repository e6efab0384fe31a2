// One contact: all fields, tags, custom fields and the interaction timeline.
import { Col, Result, Row, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useQuery } from '../../components/useQuery';
import { Timeline } from '../activities/Timeline';
import { DetailHeader } from '../customers/DetailHeader';
import { RecordFacts } from '../customers/RecordFacts';
import { ContactForm } from './ContactForm';
import { companyLabel } from './companyLabel';
import { useContactsUi } from './store';

export function ContactDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: c, error, reload } = useQuery(id, () => call('contacts.get', { id }));
  const { editing, setEditing } = useContactsUi();
  if (error) return <Result status="warning" title={errorText(t, error)} />;
  if (!c) return <Skeleton active />;
  const own = [
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
  ];
  return (
    <div className="detail-page" data-testid="contact-detail">
      <DetailHeader entity="contact" id={c.id} name={c.name} extra={c.title && <Tag>{c.title}</Tag>} onEdit={() => setEditing(c.id)} />
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <RecordFacts entity="contact" record={c} own={own} onChange={reload} />
        </Col>
        <Col xs={24} xl={11}>
          <Timeline subjectType="contact" subjectId={c.id} onChange={reload} />
        </Col>
      </Row>
      <ContactForm
        key={editing ?? 'closed'}
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
    </div>
  );
}
