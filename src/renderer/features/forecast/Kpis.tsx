// The headline figures: weighted pipeline, open amount, win rate, cycle and average won deal.
import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ForecastSummary } from '../../../shared/forecast';
import { formatMoney } from '../../../shared/money';
import { percent, type Fmt } from './format';

function Kpi({ id, title, value, hint }: { id: string; title: string; value: string; hint: ReactNode }) {
  return (
    <Col xs={24} sm={12} xl={{ flex: '20%' }}>
      <Card size="small" data-testid={`kpi-${id}`} className="forecast-kpi">
        <Statistic title={title} value={value} />
        <Typography.Text type="secondary">{hint}</Typography.Text>
      </Card>
    </Col>
  );
}

export function Kpis({ data, fmt }: { data: ForecastSummary; fmt: Fmt }) {
  const { t } = useTranslation();
  const { open, results, currency } = data;
  const none = t('forecast.kpi.none');
  const money = (minor: number | null) => (minor === null ? none : formatMoney(minor, currency));
  return (
    <Row gutter={[16, 16]} className="forecast-kpis">
      <Kpi id="weighted" title={t('forecast.kpi.weighted')} value={money(open.total.weighted)} hint={t('forecast.kpi.weightedHint', { count: open.total.count })} />
      <Kpi
        id="open"
        title={t('forecast.kpi.open')}
        value={money(open.total.amount)}
        hint={open.overdue.count ? t('forecast.kpi.openHint', { count: open.overdue.count }) : t('forecast.kpi.openHintNone')}
      />
      <Kpi
        id="win-rate"
        title={t('forecast.kpi.winRate')}
        value={percent(fmt, results.winRate)}
        hint={t('forecast.kpi.winRateHint', { won: results.won, lost: results.lost })}
      />
      <Kpi
        id="cycle"
        title={t('forecast.kpi.cycle')}
        value={results.avgCycleDays === null ? none : t('forecast.kpi.days', { days: results.avgCycleDays.toLocaleString(fmt.locale) })}
        hint={t('forecast.kpi.cycleHint')}
      />
      <Kpi id="avg-won" title={t('forecast.kpi.avgWon')} value={money(results.avgWonAmount)} hint={t('forecast.kpi.avgWonHint', { amount: money(results.wonAmount) })} />
    </Row>
  );
}
