// The top of a company or contact page: back to the list, name, edit and delete (with undo).
import type { ReactNode } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { useHotkeys } from '../../components/useHotkeys';
import { navigate } from '../../components/router';
import { useDeleteWithUndo, type CustomerEntity } from './useDeleteWithUndo';

interface Props {
  entity: CustomerEntity;
  id: string;
  name: string;
  extra?: ReactNode;
  onEdit(): void;
}

export function DetailHeader({ entity, id, name, extra, onEdit }: Props) {
  const { t } = useTranslation();
  const deleteWithUndo = useDeleteWithUndo();
  const list = entity === 'contact' ? ({ page: 'contacts' } as const) : ({ page: 'companies' } as const);
  const remove = () => void deleteWithUndo(entity, [id], () => navigate(list));
  useHotkeys({ e: onEdit, Delete: remove, Escape: () => navigate(list) });
  return (
    <div className="page-head">
      <PageTitle title={name} onBack={() => navigate(list)}>
        {extra}
      </PageTitle>
      <Space>
        <Tooltip title={`${t('common.edit')} (E)`}>
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-button">
            {t('common.edit')}
          </Button>
        </Tooltip>
        <Tooltip title={`${t('common.delete')} (Delete)`}>
          <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="delete-button">
            {t('common.delete')}
          </Button>
        </Tooltip>
      </Space>
    </div>
  );
}
