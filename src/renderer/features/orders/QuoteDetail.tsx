// One quote: status and its buttons, the quote as it will print (title 报价单, customer, number,
// dates, lines, totals, notes), Edit while draft/sent, Make order once accepted, Print.
import { useState } from 'react';
import { Alert, App, Button, Result, Space, Spin, Typography } from 'antd';
import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { ShareControl } from '../admin/ShareControl';
import type { Quote } from '../../../shared/orders';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate } from '../../components/router';
import { useQuery } from '../../components/useQuery';
import { LinesTable } from './LinesTable';
import { QuoteForm } from './QuoteForm';
import { QuoteStatusTag } from './StatusTag';
import { Totals } from './Totals';
import { useAction } from './useAction';
import './orders.css';

export function QuoteDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useQuery(`quote:${id}`, () => call('quotes.get', { id }));
  const [editing, setEditing] = useState(false);
  if (error) return <Result status="warning" title={errorText(t, error)} />;
  if (!data) return <Spin />;
  return (
    <div>
      <QuoteHeader quote={data} onEdit={() => setEditing(true)} onChanged={reload} />
      <QuotePaper quote={data} />
      {editing && <QuoteForm editing={data} onClose={() => setEditing(false)} onSaved={reload} />}
    </div>
  );
}

function QuoteHeader({ quote, onEdit, onChanged }: { quote: Quote; onEdit(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useAction();
  const setStatus = (status: 'sent' | 'accepted' | 'rejected') => void run(status, () => call('quotes.setStatus', { id: quote.id, status }), onChanged);
  const makeOrder = () =>
    void run('order', () => call('orders.createFromQuote', { quoteId: quote.id }), (order) => {
      message.success(t('orders.orders.made', { number: order.number }));
      navigate({ page: 'order', id: order.id });
    });
  const editable = quote.status === 'draft' || quote.status === 'sent' || quote.status === 'expired';
  const button = (name: 'sent' | 'accepted' | 'rejected', label: string, primary = false) => (
    <Button type={primary ? 'primary' : 'default'} loading={busy === name} onClick={() => setStatus(name)} data-testid={`quote-${name}`}>
      {label}
    </Button>
  );
  return (
    <div className="no-print">
      <div className="page-head">
        <PageTitle title={`${t('orders.quotes.title')} ${quote.number}`} onBack={() => navigate({ page: 'orders' })} testId="quote-number">
          <QuoteStatusTag status={quote.status} />
        </PageTitle>
        <Space wrap>
          {editable && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="quote-edit">
              {t('common.edit')}
            </Button>
          )}
          {quote.status === 'draft' && button('sent', t('orders.quotes.send'), true)}
          {quote.status === 'sent' && button('rejected', t('orders.quotes.reject'))}
          {quote.status === 'sent' && button('accepted', t('orders.quotes.accept'), true)}
          {quote.status === 'accepted' && !quote.orderId && (
            <Button type="primary" loading={busy === 'order'} onClick={makeOrder} data-testid="quote-make-order">
              {t('orders.quotes.makeOrder')}
            </Button>
          )}
          {quote.orderId && <Button onClick={() => navigate({ page: 'order', id: quote.orderId ?? '' })}>{t('orders.quotes.viewOrder')}</Button>}
          <ShareControl entity="quote" id={quote.id} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="quote-print">
            {t('orders.quotes.print')}
          </Button>
        </Space>
      </div>
      {quote.status === 'expired' && <Alert type="warning" showIcon title={t('orders.quotes.expiredHint')} style={{ marginBottom: 12 }} />}
    </div>
  );
}

function QuotePaper({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const customer = [quote.companyName, quote.contactName].filter(Boolean).join(' · ');
  return (
    <div className="quote-paper" data-testid="quote-paper">
      <h1>{t('orders.print.heading')}</h1>
      <div className="quote-meta">
        <div>
          <div>
            <Typography.Text type="secondary">{t('orders.print.to')}{t('orders.print.colon')}</Typography.Text>
            <span data-testid="quote-customer">{customer || '—'}</span>
          </div>
          {quote.opportunityName && (
            <div>
              <Typography.Text type="secondary">{t('orders.quotes.opportunity')}{t('orders.print.colon')}</Typography.Text>
              {quote.opportunityName}
            </div>
          )}
        </div>
        <div>
          <div>
            <Typography.Text type="secondary">{t('orders.print.number')}{t('orders.print.colon')}</Typography.Text>
            {quote.number}
          </div>
          <div>
            <Typography.Text type="secondary">{t('orders.print.date')}{t('orders.print.colon')}</Typography.Text>
            {dayjs(quote.createdAt).format('YYYY-MM-DD')}
          </div>
          <div>
            <Typography.Text type="secondary">{t('orders.print.validUntil')}{t('orders.print.colon')}</Typography.Text>
            {quote.validUntil ?? '—'}
          </div>
        </div>
      </div>
      <LinesTable lines={quote.lines} currency={quote.currency} />
      <Totals totals={quote} currency={quote.currency} />
      {quote.notes && (
        <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{t('orders.quotes.notes')}{t('orders.print.colon')}</Typography.Text>
          {quote.notes}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        {t('orders.print.footer')}
      </Typography.Paragraph>
    </div>
  );
}
