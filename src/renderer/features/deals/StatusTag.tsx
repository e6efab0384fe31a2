import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DealStatus } from '../../../shared/deals';

const COLOR: Record<DealStatus, string> = { open: 'processing', won: 'success', lost: 'error' };

/** 进行中 / 赢单 / 输单. */
export function StatusTag({ status }: { status: DealStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid="deal-status" data-status={status}>
      {t(`deals.status.${status}`)}
    </Tag>
  );
}
