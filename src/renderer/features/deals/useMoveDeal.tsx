// Moving an opportunity to a stage from the board or its page: a lost stage first asks for the
// reason; the result (won, lost, reopened) is announced.
import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail, Stage } from '../../../shared/deals';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { LostReasonModal } from './LostReasonModal';

interface Handlers {
  onMoved(deal: OpportunityDetail): void;
  /** The move is on its way (after the lost reason, if one was asked). */
  onSending?(dealId: string, stage: Stage): void;
  onFailed?(): void;
}

export function useMoveDeal({ onMoved, onSending, onFailed }: Handlers) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<{ dealId: string; stage: Stage } | null>(null);

  const send = async (dealId: string, stage: Stage, lostReason: string | null) => {
    onSending?.(dealId, stage);
    try {
      const moved = await call('deals.move', { id: dealId, stageId: stage.id, lostReason });
      message.success(t(`deals.moved.${moved.status}`, { stage: stage.name }));
      onMoved(moved);
    } catch (e) {
      message.error(errorText(t, e));
      onFailed?.();
    }
  };

  const move = (dealId: string, stage: Stage) => {
    if (stage.kind === 'lost') setAsking({ dealId, stage });
    else void send(dealId, stage, null);
  };

  const modal = asking && (
    <LostReasonModal
      onCancel={() => setAsking(null)}
      onOk={(reason) => {
        if (asking) void send(asking.dealId, asking.stage, reason);
        setAsking(null);
      }}
    />
  );
  return { move, modal };
}
