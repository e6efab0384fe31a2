// 工作台, the landing page: add a task in one line, and the agenda: overdue, today, this week
// (open tasks, leads to follow up, customers' birthdays).
import { Badge, Button, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { CalendarOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Agenda } from '../../../shared/tasks';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate } from '../../components/router';
import { useQuery } from '../../components/useQuery';
import { AgendaEntry } from './AgendaEntry';
import { QuickAdd } from './QuickAdd';
import { useTasksUi } from './store';
import './tasks.css';

function Bucket({ name, items, danger }: { name: keyof Agenda; items: Agenda[keyof Agenda]; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={`agenda-${name}`}
      title={
        <Space>
          {t(`tasks.home.${name}`)}
          <Badge count={items.length} showZero color={danger && items.length ? '#ff4d4f' : '#bfbfbf'} />
        </Space>
      }
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.home.nothing')} />
      ) : (
        items.map((item) => <AgendaEntry key={item.kind === 'task' ? item.task.id : item.kind === 'follow_up' ? `l-${item.lead.id}` : `b-${item.contact.id}`} item={item} />)
      )}
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const version = useTasksUi((s) => s.version);
  const { data, error } = useQuery(`agenda-${version}`, () => call('tasks.agenda', {}));
  return (
    <div data-testid="home-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('tasks.home.title')}
        </Typography.Title>
        <Space>
          <Button icon={<UnorderedListOutlined />} onClick={() => navigate({ page: 'tasks' })}>
            {t('tasks.home.allTasks')}
          </Button>
          <Button icon={<CalendarOutlined />} onClick={() => navigate({ page: 'calendar' })}>
            {t('tasks.home.calendar')}
          </Button>
        </Space>
      </Space>
      <Card size="small" style={{ marginBottom: 16 }}>
        <QuickAdd />
      </Card>
      {error ? <Typography.Text type="danger">{errorText(t, error)}</Typography.Text> : null}
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Bucket name="today" items={data.today} />
          </Col>
          <Col xs={24} lg={12}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Bucket name="overdue" items={data.overdue} danger />
              <Bucket name="week" items={data.week} />
            </Space>
          </Col>
        </Row>
      )}
    </div>
  );
}
