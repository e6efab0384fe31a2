// Subtotal, discount, tax and total under a quote's or an order's lines (also on the printout).
import { useTranslation } from 'react-i18next';
import { formatMoney, type Totals as TotalsData } from '../../../shared/money';
import { percentText } from '../../components/MoneyInputs';

export function Totals({ totals, currency }: { totals: TotalsData; currency: string }) {
  const { t } = useTranslation();
  return (
    <div className="quote-totals num" data-testid="totals">
      <div>
        <span>{t('orders.totals.subtotal')}</span>
        <span>{formatMoney(totals.subtotal, currency)}</span>
      </div>
      {totals.discount > 0 && (
        <div>
          <span>{t('orders.totals.discount')}</span>
          <span>-{formatMoney(totals.discount, currency)}</span>
        </div>
      )}
      {totals.taxRate > 0 && (
        <div>
          <span>{t('orders.totals.tax', { rate: percentText(totals.taxRate) })}</span>
          <span>{formatMoney(totals.tax, currency)}</span>
        </div>
      )}
      <div className="grand">
        <span>{t('orders.totals.total')}</span>
        <span data-testid="grand-total">{formatMoney(totals.total, currency)}</span>
      </div>
    </div>
  );
}
