// 销售预测: the weighted pipeline, the period's results and the stage funnel, with filters.
import { useEffect, useState } from 'react';
import { Alert, Button, Empty, Skeleton, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { ForecastSummary } from '../../../shared/forecast';
import { ApiError, call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate } from '../../components/router';
import { useQuery } from '../../components/useQuery';
import { useApp } from '../app/store';
import { Charts } from './Charts';
import { Filters } from './Filters';
import { Kpis } from './Kpis';
import { useForecastUi, type ForecastFilters } from './store';
import type { Fmt } from './format';
import './forecast.css';

/** The summary for the filters; while a new one loads, the last one stays on screen. */
function useSummary(filters: ForecastFilters) {
  // The months are the person's own: this month and the offset of their clock.
  const now = dayjs();
  const input = { ...filters, month: now.format('YYYY-MM'), utcOffset: now.utcOffset() };
  const { data, error } = useQuery(JSON.stringify(input), () => call('forecast.summary', input));
  const [last, setLast] = useState<ForecastSummary | null>(null);
  if (data && data !== last) setLast(data);
  return { data: data ?? (error ? null : last), loading: !data && !error, error };
}

/** A pipeline chosen earlier may have been deleted since: fall back to the default one. */
function useForgetMissingPipeline(error: unknown) {
  const { pipelineId, set } = useForecastUi();
  const missing = error instanceof ApiError && error.data.fields?.some((f) => f.path === 'pipelineId');
  useEffect(() => {
    if (missing && pipelineId) set({ pipelineId: null });
  }, [missing, pipelineId, set]);
}

function OtherCurrencies({ data }: { data: ForecastSummary }) {
  const { t } = useTranslation();
  if (!data.otherCurrencies.length) return null;
  const list = data.otherCurrencies
    .map((c) => t('forecast.otherCurrency', { count: c.count, currency: t(`forecast.currency.${c.currency}`, { defaultValue: c.currency }) }))
    .join(t('forecast.listSeparator'));
  return <Alert type="info" showIcon data-testid="forecast-other-currencies" title={t('forecast.otherCurrencies', { list })} />;
}

const isEmpty = (data: ForecastSummary) =>
  data.open.total.count === 0 && data.results.won + data.results.lost === 0 && data.funnel.entered === 0;

function NoData() {
  const { t } = useTranslation();
  return (
    <Empty data-testid="forecast-empty" description={<><Typography.Title level={5}>{t('forecast.empty.title')}</Typography.Title>{t('forecast.empty.description')}</>}>
      <Button type="primary" onClick={() => navigate({ page: 'deals' })}>
        {t('forecast.empty.action')}
      </Button>
    </Empty>
  );
}

export function ForecastPage() {
  const { t } = useTranslation();
  const locale = useApp((s) => s.locale);
  const { pipelineId, ownerId, currency, ahead, back } = useForecastUi();
  const { data, loading, error } = useSummary({ pipelineId, ownerId, currency, ahead, back });
  useForgetMissingPipeline(error);
  const fmt: Fmt = { t, locale, currency };
  return (
    <div className="detail-page forecast-page" data-testid="forecast-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('forecast.title')}</Typography.Title>
        <Filters data={data} />
      </div>
      <Typography.Paragraph type="secondary">{t('forecast.intro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={errorText(t, error)} /> : null}
      {!data ? (
        !error && <Skeleton active />
      ) : isEmpty(data) ? (
        <NoData />
      ) : (
        <Spin spinning={loading} delay={200}>
          <div className="forecast-body" data-testid="forecast-body">
            <OtherCurrencies data={data} />
            <Kpis data={data} fmt={fmt} />
            <Charts data={data} fmt={fmt} />
          </div>
        </Spin>
      )}
    </div>
  );
}
