// 阶段历史: every stage the opportunity entered, when it left, and the time spent there.
import { Card, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { StageVisit } from '../../../shared/deals';
import { durationText } from './duration';

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export function StageHistory({ history }: { history: StageVisit[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('deals.history.title')} className="deal-card-section">
      <Table<StageVisit>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...history].reverse()}
        data-testid="stage-history"
        columns={[
          {
            key: 'stage',
            title: t('deals.fields.stage'),
            render: (_, v) => (
              <>
                {v.stageName} {v.leftAt === null && <Tag color="blue">{t('deals.history.current')}</Tag>}
              </>
            ),
          },
          { key: 'entered', title: t('deals.history.entered'), render: (_, v) => time(v.enteredAt) },
          { key: 'left', title: t('deals.history.left'), render: (_, v) => time(v.leftAt) },
          { key: 'spent', title: t('deals.history.spent'), render: (_, v) => <span data-testid="stage-spent">{durationText(t, v.durationMs)}</span> },
        ]}
      />
    </Card>
  );
}
