// 看板: a column per stage of the pipeline with its count and sum; cards are dragged between
// columns (dnd-kit). Won and lost columns show what closed in the last 30 days.
import { useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { Alert, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Board, BoardColumn, Opportunity } from '../../../shared/deals';
import { formatMoney } from '../../../shared/money';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useQuery } from '../../components/useQuery';
import { DealCard } from './DealCard';
import { useMoveDeal } from './useMoveDeal';

const KIND_COLOR = { open: undefined, won: 'success', lost: 'error' } as const;

/** The column under the pointer takes the card; a keyboard drag has no pointer: the one it overlaps most. */
const columnUnder: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args));

/** Space picks a card up and drops it (arrows move it); Enter stays free to open the card. */
const KEYS = { start: ['Space'], cancel: ['Escape'], end: ['Space'] };

export function DealBoard({ pipelineId, ownerId, generation, onChange }: { pipelineId: string; ownerId: string | null; generation: number; onChange(): void }) {
  const { t } = useTranslation();
  const { data: board, error, reload } = useQuery(`${pipelineId}|${ownerId}|${generation}`, () => call('deals.board', { pipelineId, ownerId }));
  const [dragging, setDragging] = useState<Opportunity | null>(null);
  // A move on its way: its card already shows in the new column until this board is reloaded.
  const [sent, setSent] = useState<{ board: Board; dealId: string; stageId: string } | null>(null);
  const { move, modal } = useMoveDeal({
    onSending: (dealId, stage) => board && setSent({ board, dealId, stageId: stage.id }),
    onMoved: () => {
      reload();
      onChange();
    },
    onFailed: () => setSent(null),
  });
  // A few pixels of travel before a drag starts, so that a click still opens the card.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { keyboardCodes: KEYS }));

  if (error) return <Alert type="error" showIcon title={errorText(t, error)} />;
  if (!board) return <Skeleton active />;

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const stage = board.columns.find((c) => c.stage.id === over?.id)?.stage;
    if (!stage || stage.id === active.data.current?.stageId) return;
    move(String(active.id), stage);
  };
  const cardOf = (id: string) => board.columns.flatMap((c) => c.cards).find((d) => d.id === id) ?? null;

  return (
    <DndContext sensors={sensors} collisionDetection={columnUnder} onDragStart={({ active }) => setDragging(cardOf(String(active.id)))} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
      <div className="deal-board" data-testid="deal-board">
        {(sent?.board === board ? withCardMoved(board.columns, sent.dealId, sent.stageId) : board.columns).map((column) => (
          <Column key={column.stage.id} column={column} />
        ))}
      </div>
      {/* No fly-back animation: the card shows in its new column at once. */}
      <DragOverlay dropAnimation={null}>{dragging ? <DealCard deal={dragging} overlay /> : null}</DragOverlay>
      {modal}
    </DndContext>
  );
}

function withCardMoved(columns: BoardColumn[], dealId: string, stageId: string): BoardColumn[] {
  const card = columns.flatMap((c) => c.cards).find((d) => d.id === dealId);
  if (!card) return columns;
  return columns.map((c) => {
    const cards = c.cards.filter((d) => d.id !== dealId);
    return { ...c, cards: c.stage.id === stageId ? [card, ...cards] : cards };
  });
}

function Column({ column }: { column: BoardColumn }) {
  const { t } = useTranslation();
  const { stage } = column;
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  return (
    <section
      ref={setNodeRef}
      className={`board-column board-column-${stage.kind}${isOver ? ' board-column-over' : ''}`}
      data-testid="board-column"
      data-stage-id={stage.id}
      data-stage-kind={stage.kind}
      aria-label={stage.name}
    >
      <header className="board-column-head">
        <div className="board-column-title">
          <Typography.Text strong>{stage.name}</Typography.Text>
          <Tag color={KIND_COLOR[stage.kind]} bordered={false}>
            {stage.kind === 'open' ? `${stage.probability}%` : t(`deals.status.${stage.kind}`)}
          </Tag>
        </div>
        <div className="board-column-sum">
          <span data-testid="column-count">{t('deals.board.count', { count: column.count })}</span>
          <span data-testid="column-amount">{formatMoney(column.amount)}</span>
        </div>
        {stage.kind !== 'open' && <Typography.Text type="secondary" className="board-column-note">{t('deals.board.recent')}</Typography.Text>}
      </header>
      <div className="board-column-cards">
        {column.cards.map((deal) => (
          <DealCard key={deal.id} deal={deal} />
        ))}
        {column.count > column.cards.length && (
          <Typography.Text type="secondary">{t('deals.board.more', { count: column.count - column.cards.length })}</Typography.Text>
        )}
      </div>
    </section>
  );
}
