// One line of the agenda: a task (tick to complete), a lead to follow up, or a birthday.
import { Space, Typography } from 'antd';
import { GiftOutlined, PhoneOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/tasks';
import { navigate } from '../../components/router';
import { TaskItem } from './TaskItem';

export function AgendaEntry({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  if (item.kind === 'task') return <TaskItem task={item.task} />;
  if (item.kind === 'follow_up') {
    const { lead } = item;
    return (
      <div className="agenda-entry" data-testid="agenda-follow-up">
        <PhoneOutlined style={{ color: '#fa8c16' }} />
        <Space size={8} wrap>
          <Typography.Link onClick={() => navigate({ page: 'lead', id: lead.id })}>{t('tasks.home.followUp', { name: lead.name })}</Typography.Link>
          {lead.companyName && <Typography.Text type="secondary">{lead.companyName}</Typography.Text>}
          <Typography.Text type="secondary">{dayjs(lead.at).format('MM-DD HH:mm')}</Typography.Text>
        </Space>
      </div>
    );
  }
  return (
    <div className="agenda-entry" data-testid="agenda-birthday">
      <GiftOutlined style={{ color: '#eb2f96' }} />
      <Space size={8}>
        <Typography.Link onClick={() => navigate({ page: 'contact', id: item.contact.id })}>{t('tasks.home.birthday', { name: item.contact.name })}</Typography.Link>
        <Typography.Text type="secondary">{dayjs(item.date).format('MM-DD')}</Typography.Text>
      </Space>
    </div>
  );
}
