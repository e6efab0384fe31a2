// The forecast's chart cards: pipeline by month, won by month, by owner, and the stage funnel.
import type { ReactNode } from 'react';
import { Card, Col, Empty, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ForecastSummary, FunnelStage } from '../../../shared/forecast';
import { Chart } from './Chart';
import { percent, type Fmt } from './format';
import { funnelOption, ownerOption, pipelineOption, wonOption } from './options';

function ChartCard({ id, title, empty, children }: { id: string; title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={`card-${id}`} className="forecast-card">
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('forecast.charts.empty')} /> : children}
    </Card>
  );
}

function FunnelTable({ funnel, fmt }: { funnel: ForecastSummary['funnel']; fmt: Fmt }) {
  const { t } = useTranslation();
  return (
    <Table<FunnelStage>
      size="small"
      pagination={false}
      rowKey="stageId"
      data-testid="funnel-table"
      dataSource={funnel.stages}
      columns={[
        { title: t('forecast.charts.stage'), dataIndex: 'name' },
        { title: t('forecast.charts.reachedColumn'), dataIndex: 'reached', align: 'right' },
        { title: t('forecast.charts.toNextColumn'), dataIndex: 'toNext', align: 'right', render: (v: number | null) => percent(fmt, v) },
        { title: t('forecast.charts.toWonColumn'), dataIndex: 'toWon', align: 'right', render: (v: number | null) => percent(fmt, v) },
      ]}
    />
  );
}

export function Charts({ data, fmt }: { data: ForecastSummary; fmt: Fmt }) {
  const { t } = useTranslation();
  const { open, wonByMonth, byOwner, funnel } = data;
  return (
    <Row gutter={[16, 16]} className="forecast-charts">
      <Col xs={24} xl={12}>
        <ChartCard id="by-month" title={t('forecast.charts.byMonth')} empty={open.total.count === 0}>
          <Chart testId="chart-by-month" option={pipelineOption(fmt, open)} />
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard id="won" title={t('forecast.charts.won')} empty={wonByMonth.every((m) => m.count === 0)}>
          <Chart testId="chart-won" option={wonOption(fmt, wonByMonth)} />
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard id="by-owner" title={t('forecast.charts.byOwner')} empty={byOwner.length === 0}>
          <Chart testId="chart-by-owner" option={ownerOption(fmt, byOwner)} height={Math.max(300, 80 + byOwner.length * 56)} />
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard id="funnel" title={t('forecast.charts.funnel')} empty={funnel.entered === 0}>
          <Chart testId="chart-funnel" option={funnelOption(fmt, funnel)} height={260} />
          <FunnelTable funnel={funnel} fmt={fmt} />
          <Typography.Paragraph type="secondary" className="forecast-note">
            {t('forecast.charts.funnelHint', { count: funnel.entered })}
          </Typography.Paragraph>
        </ChartCard>
      </Col>
    </Row>
  );
}
