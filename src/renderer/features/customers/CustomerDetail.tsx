// The page of one company or contact: header (back, name, edit, delete), its facts and anything
// of its own under them, the interaction timeline beside, and the edit drawer.
import type { ComponentType, ReactNode } from 'react';
import { Col, Result, Row, Skeleton, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerBase } from '../../../shared/customers';
import { errorText } from '../../components/errors';
import { useQuery } from '../../components/useQuery';
import { Timeline } from '../activities/Timeline';
import { TaskList } from '../tasks/TaskList';
import type { CustomerFormProps } from './CustomerForm';
import { DetailHeader } from './DetailHeader';
import { EditForm } from './EditForm';
import type { ListStore } from './listStore';
import { RecordFacts } from './RecordFacts';
import type { CustomerEntity } from './useDeleteWithUndo';

interface Props<R extends CustomerBase & { name: string }> {
  entity: CustomerEntity;
  id: string;
  get(id: string): Promise<R>;
  store: ListStore;
  form: ComponentType<CustomerFormProps>;
  /** The entity's own facts, shown above those every customer has. */
  own(record: R): NonNullable<DescriptionsProps['items']>;
  /** Beside the name in the header. */
  headerExtra?(record: R): ReactNode;
  /** Under the facts. */
  below?(record: R): ReactNode;
}

export function CustomerDetail<R extends CustomerBase & { name: string }>({ entity, id, get, store, form, own, headerExtra, below }: Props<R>) {
  const { t } = useTranslation();
  const { data: c, error, reload } = useQuery(id, () => get(id));
  const setEditing = store((s) => s.setEditing);
  if (error) return <Result status="warning" title={errorText(t, error)} />;
  if (!c) return <Skeleton active />;
  return (
    <div className="detail-page" data-testid={`${entity}-detail`}>
      <DetailHeader entity={entity} id={c.id} name={c.name} extra={headerExtra?.(c)} onEdit={() => setEditing(c.id)} />
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <RecordFacts entity={entity} record={c} own={own(c)} onChange={reload} />
          {below?.(c)}
          <TaskList subjectType={entity} subjectId={c.id} subjectName={c.name} />
        </Col>
        <Col xs={24} xl={11}>
          <Timeline subjectType={entity} subjectId={c.id} onChange={reload} />
        </Col>
      </Row>
      <EditForm form={form} store={store} onSaved={() => reload()} />
    </div>
  );
}
