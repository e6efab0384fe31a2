// "Make quote" for the opportunity page: copies the opportunity's lines, company and contact into
// a new draft quote and opens it.
import { App, Button } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { navigate } from '../../components/router';
import { useAction } from './useAction';

export function MakeQuoteButton({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useAction();
  const make = () =>
    void run('quote', () => call('quotes.createFromOpportunity', { opportunityId }), (quote) => {
      message.success(t('orders.quotes.made', { number: quote.number }));
      navigate({ page: 'quote', id: quote.id });
    });
  return (
    <Button icon={<FileTextOutlined />} loading={busy === 'quote'} onClick={make} data-testid="make-quote">
      {t('orders.quotes.make')}
    </Button>
  );
}
