import type { ReactNode } from 'react';
import { CoffeeOutlined, EditOutlined, MailOutlined, MessageOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import type { ActivityKind } from '../../../shared/activities';

export const KIND_ICONS: Record<ActivityKind, ReactNode> = {
  call: <PhoneOutlined />,
  visit: <CoffeeOutlined />,
  meeting: <TeamOutlined />,
  email: <MailOutlined />,
  wechat: <MessageOutlined />,
  note: <EditOutlined />,
};

export const KIND_COLORS: Record<ActivityKind, string> = {
  call: 'blue',
  visit: 'green',
  meeting: 'purple',
  email: 'cyan',
  wechat: 'lime',
  note: 'gray',
};
