// The left of a record page's head: back to where it came from (also Esc where the page binds it),
// the record's title, and its status tags after it.
import type { ReactNode } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  title: ReactNode;
  onBack(): void;
  /** Tags and links shown after the title. */
  children?: ReactNode;
  testId?: string;
}

export function PageTitle({ title, onBack, children, testId = 'detail-name' }: Props) {
  const { t } = useTranslation();
  return (
    <Space align="center">
      <Tooltip title={`${t('common.back')} (Esc)`}>
        <Button type="text" aria-label={t('common.back')} icon={<ArrowLeftOutlined />} onClick={onBack} />
      </Tooltip>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid={testId}>
        {title}
      </Typography.Title>
      {children}
    </Space>
  );
}
