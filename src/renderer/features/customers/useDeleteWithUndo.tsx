// Soft delete with an "Undo" in the confirmation message (trash.restore brings the rows back).
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText } from '../../components/errors';

export type CustomerEntity = 'contact' | 'company';

export function useDeleteWithUndo() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (entity: CustomerEntity, ids: string[], onChange: () => void): Promise<boolean> => {
    try {
      if (entity === 'contact') await call('contacts.delete', { ids });
      else await call('companies.delete', { ids });
    } catch (e) {
      message.error(errorText(t, e));
      return false;
    }
    onChange();
    const key = `deleted-${ids.join(',')}`;
    const undo = async () => {
      message.destroy(key);
      try {
        await call('trash.restore', { entity, ids });
        message.success(t('delete.restored', { count: ids.length }));
        onChange();
      } catch (e) {
        message.error(errorText(t, e));
      }
    };
    message.open({
      key,
      type: 'success',
      duration: 8,
      content: (
        <span data-testid="deleted-message">
          {t('delete.done', { count: ids.length })}
          <Button type="link" size="small" onClick={() => void undo()}>
            {t('delete.undo')}
          </Button>
        </span>
      ),
    });
    return true;
  };
}
