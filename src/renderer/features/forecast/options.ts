// The ECharts options of the forecast's charts, built from a summary (pure: no React here).
import type { ForecastSummary, PipelineBucket } from '../../../shared/forecast';
import { formatMoney } from '../../../shared/money';
import type { ChartOption } from './Chart';
import { axisMoney, monthLabels, percent, type Fmt } from './format';

const BLUE = '#1677ff';
const LIGHT = '#91caff';
const GREEN = '#52c41a';
/** Funnel layers: deepening blues for the open stages, green for won. */
const STAGE_BLUES = ['#bae0ff', '#91caff', '#69b1ff', '#4096ff', '#1677ff', '#0958d9', '#003eb3'];

interface TipParam {
  marker: string;
  seriesName: string;
  value: number;
  dataIndex: number;
  name: string;
}

function moneyAxis(fmt: Fmt) {
  return {
    type: 'value' as const,
    name: fmt.t(`forecast.axisUnit.${fmt.currency}`),
    axisLabel: { formatter: (v: number) => axisMoney(fmt, v) },
  };
}

/** Axis tooltip: the category, then each series' money, then a count line if given. */
function moneyTip(fmt: Fmt, countOf?: (index: number) => string) {
  return (raw: unknown) => {
    const params = raw as TipParam[];
    const lines = params.map((p) => `${p.marker}${p.seriesName}: ${formatMoney(p.value, fmt.currency)}`);
    const extra = countOf && params.length ? [countOf(params[0].dataIndex)] : [];
    return [(params[0]?.name ?? '').replace('\n', ' '), ...lines, ...extra].join('<br/>');
  };
}

/** The open pipeline's buckets in axis order: overdue, the months, later, no date (those three only when used). */
export function pipelineBuckets(fmt: Fmt, open: ForecastSummary['open']): { label: string; bucket: PipelineBucket }[] {
  const labels = monthLabels(fmt, open.byMonth.map((m) => m.month));
  return [
    ...(open.overdue.count ? [{ label: fmt.t('forecast.charts.overdue'), bucket: open.overdue }] : []),
    ...open.byMonth.map((bucket, i) => ({ label: labels[i], bucket })),
    ...(open.later.count ? [{ label: fmt.t('forecast.charts.later'), bucket: open.later }] : []),
    ...(open.noDate.count ? [{ label: fmt.t('forecast.charts.noDate'), bucket: open.noDate }] : []),
  ];
}

export function pipelineOption(fmt: Fmt, open: ForecastSummary['open']): ChartOption {
  const buckets = pipelineBuckets(fmt, open);
  const { t } = fmt;
  return {
    tooltip: { trigger: 'axis', formatter: moneyTip(fmt, (i) => `${t('forecast.charts.count')}: ${buckets[i].bucket.count}`) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: buckets.map((b) => b.label), axisLabel: { interval: 0 } },
    yAxis: moneyAxis(fmt),
    series: [
      { type: 'bar', name: t('forecast.charts.weighted'), data: buckets.map((b) => b.bucket.weighted), itemStyle: { color: BLUE } },
      { type: 'bar', name: t('forecast.charts.amount'), data: buckets.map((b) => b.bucket.amount), itemStyle: { color: LIGHT } },
    ],
  };
}

export function wonOption(fmt: Fmt, won: ForecastSummary['wonByMonth']): ChartOption {
  const { t } = fmt;
  return {
    tooltip: { trigger: 'axis', formatter: moneyTip(fmt, (i) => `${t('forecast.charts.wonCount')}: ${won[i].count}`) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: monthLabels(fmt, won.map((m) => m.month)), axisLabel: { interval: won.length <= 12 ? 0 : 'auto' } },
    yAxis: moneyAxis(fmt),
    series: [{ type: 'bar', name: t('forecast.charts.wonAmount'), data: won.map((m) => m.amount), itemStyle: { color: GREEN }, barMaxWidth: 32 }],
  };
}

export function ownerOption(fmt: Fmt, owners: ForecastSummary['byOwner']): ChartOption {
  const { t } = fmt;
  // Largest at the top: a horizontal bar chart draws its first category at the bottom.
  const rows = [...owners].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: moneyTip(fmt) },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 48, bottom: 32, containLabel: true },
    yAxis: { type: 'category', data: rows.map((o) => o.ownerName ?? t('forecast.charts.unknownOwner')) },
    // The unit under the axis: at its end it would be cut off by the card.
    xAxis: { ...moneyAxis(fmt), nameLocation: 'middle', nameGap: 28 },
    series: [
      { type: 'bar', name: t('forecast.charts.weighted'), data: rows.map((o) => o.weighted), itemStyle: { color: BLUE }, barMaxWidth: 24 },
      { type: 'bar', name: t('forecast.charts.amount'), data: rows.map((o) => o.amount), itemStyle: { color: LIGHT }, barMaxWidth: 24 },
      { type: 'bar', name: t('forecast.charts.ownerWon'), data: rows.map((o) => o.wonAmount), itemStyle: { color: GREEN }, barMaxWidth: 24 },
    ],
  };
}

/** One layer per open stage, then won; each labelled with its count and conversion onwards. */
export function funnelOption(fmt: Fmt, funnel: ForecastSummary['funnel']): ChartOption {
  const { t } = fmt;
  const layers = [
    ...funnel.stages.map((s) => ({
      name: s.name,
      value: s.reached,
      detail: `${t('forecast.charts.reached', { count: s.reached })} · ${t('forecast.charts.toNext', { rate: percent(fmt, s.toNext) })}`,
    })),
    { name: t('forecast.charts.wonStage'), value: funnel.won, detail: t('forecast.charts.reached', { count: funnel.won }) },
  ];
  const detail = (p: unknown) => `${(p as TipParam).name}  ${layers[(p as TipParam).dataIndex]?.detail ?? ''}`;
  return {
    tooltip: { trigger: 'item', formatter: detail },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: 8,
        top: 8,
        bottom: 8,
        width: '50%',
        min: 0,
        max: Math.max(funnel.entered, 1),
        minSize: '8%',
        gap: 2,
        label: { position: 'right', formatter: detail },
        labelLine: { show: true },
        data: layers.map(({ name, value }, i) => ({
          name,
          value,
          itemStyle: { color: i === layers.length - 1 ? GREEN : STAGE_BLUES[Math.min(i, STAGE_BLUES.length - 1)] },
        })),
      },
    ],
  };
}
