// The interaction timeline of a company or contact (and a lead's follow-ups): add, edit and delete calls, visits,
// meetings, emails, WeChat messages and notes. Newest first, paged.
import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Space, Timeline as AntTimeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../shared/activities';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { usePaged } from '../../components/usePaged';
import { ActivityForm, type ActivityValues } from './ActivityForm';
import { KIND_COLORS, KIND_ICONS } from './kinds';

interface Props {
  subjectType: Activity['subjectType'];
  subjectId: string;
  /** After any change (the record's last-contacted time may move). */
  onChange(): void;
}

export function Timeline({ subjectType, subjectId, onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<string | null>(null);
  const paged = usePaged(subjectId, (cursor) => call('activities.list', { subjectId, cursor, limit: 50 }));
  const changed = () => {
    setEditing(null);
    paged.reload();
    onChange();
  };
  const add = async (v: ActivityValues) => {
    await call('activities.create', { subjectType, subjectId, ...v });
    message.success(t('activity.added'));
    changed();
  };
  const update = async (id: string, v: ActivityValues) => {
    await call('activities.update', { id, patch: v });
    message.success(t('common.saved'));
    changed();
  };
  const remove = async (id: string) => {
    try {
      await call('activities.delete', { id });
      changed();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  const entry = (a: Activity) =>
    editing === a.id ? (
      <ActivityForm initial={a} submitText={t('common.save')} onSubmit={(v) => update(a.id, v)} onCancel={() => setEditing(null)} />
    ) : (
      <div data-testid="activity-item">
        <Space size="small" wrap>
          <strong>{t(`activity.kind.${a.kind}`)}</strong>
          <Typography.Text type="secondary">{dayjs(a.occurredAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
          {a.userName && <Typography.Text type="secondary">· {a.userName}</Typography.Text>}
          <Button type="link" size="small" onClick={() => setEditing(a.id)}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('activity.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(a.id)}>
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
        <div className="activity-content">{a.content}</div>
      </div>
    );

  const rows = paged.rows();
  return (
    <Card title={t('activity.timeline')} size="small" data-testid="timeline">
      <ActivityForm submitText={t('activity.add')} onSubmit={add} />
      <div style={{ marginTop: 24 }}>
        {rows.length === 0 && paged.done ? (
          <Empty description={t('activity.empty')} />
        ) : (
          <AntTimeline items={rows.map((a) => ({ key: a.id, color: KIND_COLORS[a.kind], icon: KIND_ICONS[a.kind], content: entry(a) }))} />
        )}
        {!paged.done && (
          <Button block onClick={paged.loadMore}>
            {t('common.loadMore')}
          </Button>
        )}
      </div>
    </Card>
  );
}
