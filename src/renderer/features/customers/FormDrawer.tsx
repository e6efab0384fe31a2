// The drawer every customer form sits in: title, the form, the duplicate warning and save/cancel.
import type { ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  saving: boolean;
  onSave(): void;
  onClose(): void;
  warning?: ReactNode;
  children: ReactNode;
}

export function FormDrawer({ open, title, saving, onSave, onClose, warning, children }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      title={title}
      size={560}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={onSave} data-testid="form-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {warning}
      {children}
    </Drawer>
  );
}
