// One opportunity on the board: name, company, amount, expected close, owner. Dragged by the
// whole card; a click (without a drag) opens it.
import { useDraggable } from '@dnd-kit/core';
import { Typography } from 'antd';
import { CalendarOutlined, UserOutlined } from '@ant-design/icons';
import type { Opportunity } from '../../../shared/deals';
import { formatMoney } from '../../../shared/money';
import { navigate } from '../../components/router';

export function DealCard({ deal, overlay = false }: { deal: Opportunity; overlay?: boolean }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: deal.id, data: { stageId: deal.stageId }, disabled: overlay });
  const open = () => navigate({ page: 'deal', id: deal.id });
  return (
    <div
      ref={overlay ? undefined : setNodeRef}
      {...(overlay ? {} : { ...attributes, ...listeners })}
      className={`deal-card${isDragging ? ' deal-card-dragging' : ''}${overlay ? ' deal-card-overlay' : ''}`}
      data-testid={overlay ? undefined : 'deal-card'}
      data-deal-id={deal.id}
      onClick={open}
      onKeyDown={(e) => {
        // dnd-kit's own key handling (Space picks up) comes first.
        listeners?.onKeyDown?.(e);
        if (e.key === 'Enter') open();
      }}
    >
      <div className="deal-card-name">{deal.name}</div>
      {deal.companyName && (
        <Typography.Text type="secondary" className="deal-card-line" ellipsis>
          {deal.companyName}
        </Typography.Text>
      )}
      <div className="deal-card-amount">{formatMoney(deal.amount, deal.currency)}</div>
      <div className="deal-card-meta">
        <span>
          <CalendarOutlined /> {deal.expectedClose ?? '—'}
        </span>
        <span>
          <UserOutlined /> {deal.ownerName ?? '—'}
        </span>
      </div>
    </div>
  );
}
