// The forecast's filter bar: pipeline, owner, the two periods and (when it matters) the currency.
import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ForecastSummary } from '../../../shared/forecast';
import { CURRENCIES } from '../../../shared/money';
import { useApp } from '../app/store';
import { useForecastUi } from './store';

const AHEAD = [3, 6, 12];
const BACK = [6, 12, 24];

export function Filters({ data }: { data: ForecastSummary | null }) {
  const { t } = useTranslation();
  const users = useApp((s) => s.users);
  const ui = useForecastUi();
  const showCurrency = ui.currency !== 'CNY' || Boolean(data?.otherCurrencies.length);
  return (
    <Space wrap data-testid="forecast-filters">
      <Select
        aria-label={t('forecast.filters.pipeline')}
        data-testid="forecast-pipeline"
        style={{ minWidth: 140 }}
        value={ui.pipelineId ?? data?.pipelineId}
        onChange={(pipelineId: string) => ui.set({ pipelineId })}
        options={(data?.pipelines ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      <Select
        aria-label={t('forecast.filters.owner')}
        data-testid="forecast-owner"
        style={{ minWidth: 140 }}
        allowClear
        placeholder={t('forecast.filters.allOwners')}
        value={ui.ownerId ?? undefined}
        onChange={(ownerId?: string) => ui.set({ ownerId: ownerId ?? null })}
        options={users.map((u) => ({ value: u.id, label: u.name }))}
      />
      <Select
        aria-label={t('forecast.filters.ahead')}
        data-testid="forecast-ahead"
        value={ui.ahead}
        onChange={(ahead: number) => ui.set({ ahead })}
        options={AHEAD.map((count) => ({ value: count, label: `${t('forecast.filters.ahead')}: ${t('forecast.filters.aheadOption', { count })}` }))}
      />
      <Select
        aria-label={t('forecast.filters.back')}
        data-testid="forecast-back"
        value={ui.back}
        onChange={(back: number) => ui.set({ back })}
        options={BACK.map((count) => ({ value: count, label: `${t('forecast.filters.back')}: ${t('forecast.filters.backOption', { count })}` }))}
      />
      {showCurrency ? (
        <Select
          aria-label={t('forecast.filters.currency')}
          data-testid="forecast-currency"
          value={ui.currency}
          onChange={(currency) => ui.set({ currency })}
          options={CURRENCIES.map((c) => ({ value: c, label: t(`forecast.currency.${c}`) }))}
        />
      ) : null}
    </Space>
  );
}
